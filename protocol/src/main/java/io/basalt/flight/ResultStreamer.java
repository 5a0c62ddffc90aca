package io.basalt.flight;

import io.basalt.session.BatchStream;
import io.basalt.session.QueryResult;
import java.time.Duration;
import java.util.List;
import org.apache.arrow.flight.BackpressureStrategy;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams an executed result to a DoGet client batch by batch, as the session produces them: each
 * batch's buffers are transferred (not copied) from the session's root into the call's root, sent,
 * and released. Sending waits while the client does not read, so a stream holds about one batch.
 *
 * <p>When the client cancels or disconnects, or CancelFlightInfo asks, the result is closed on the
 * streaming thread, which stops the query and frees its memory.
 */
final class ResultStreamer {
    private static final Logger LOG = LoggerFactory.getLogger(ResultStreamer.class);
    /** Waits for the client are cut in slices so the stall deadline is checked. */
    private static final long WAIT_SLICE_MILLIS = 1_000;

    private final BufferAllocator allocator;
    private final long stallTimeoutMillis;

    ResultStreamer(BufferAllocator allocator, Duration stallTimeout) {
        this.allocator = allocator;
        this.stallTimeoutMillis = stallTimeout.toMillis();
    }

    /** Streams {@code result}, which the caller has claimed, and always closes it. */
    void stream(FlightSession session, PendingResult result, ServerStreamListener listener) {
        Backpressure backpressure = new Backpressure(result);
        backpressure.register(listener);
        result.onCancelRequest(backpressure::interruptWait);
        long batches = 0;
        try (VectorSchemaRoot out = VectorSchemaRoot.create(result.schema(), allocator)) {
            listener.start(out);
            boolean more = true;
            while (more) {
                if (result.current() instanceof QueryResult.Rows rows) {
                    BatchStream stream = rows.stream();
                    while (session.call(s -> stream.next())) {
                        TimeOfDayGuard.check(stream.root());
                        transfer(stream.root(), out);
                        if (!awaitClient(listener, result, session, backpressure)) {
                            return;
                        }
                        listener.putNext();
                        out.clear();
                        batches++;
                    }
                }
                more = session.call(s -> result.advance());
            }
            listener.completed();
        } catch (RuntimeException e) {
            if (listener.isCancelled()) {
                LOG.debug("result stream of connection {} ended after cancel: {}", session.connectionId(), e.toString());
                listener.error(CallStatus.CANCELLED.withDescription("cancelled by client").toRuntimeException());
            } else {
                listener.error(FlightErrors.toFlight(e));
            }
        } finally {
            session.locked(result::close);
            session.removeResult(result);
            LOG.debug("result stream of connection {} closed after {} batches", session.connectionId(), batches);
        }
    }

    /**
     * Waits until the client can take a batch; false (with the call ended) when it cancelled,
     * disconnected or stalled, or the result was cancelled.
     */
    private boolean awaitClient(ServerStreamListener listener, PendingResult result, FlightSession session,
            BackpressureStrategy backpressure) {
        long deadline = System.currentTimeMillis() + stallTimeoutMillis;
        while (true) {
            if (listener.isCancelled()) {
                LOG.debug("client of connection {} cancelled a result stream", session.connectionId());
                listener.error(CallStatus.CANCELLED.withDescription("cancelled by client").toRuntimeException());
                return false;
            }
            if (result.cancelRequested() || session.isClosed()) {
                listener.error(CallStatus.CANCELLED.withDescription("Query execution was interrupted")
                        .toRuntimeException());
                return false;
            }
            if (listener.isReady()) {
                return true;
            }
            if (System.currentTimeMillis() > deadline) {
                LOG.info("client of connection {} stopped reading a result for {} ms; abandoning it",
                        session.connectionId(), stallTimeoutMillis);
                listener.error(CallStatus.TIMED_OUT.withDescription("client stopped reading the result")
                        .toRuntimeException());
                return false;
            }
            backpressure.waitForListener(WAIT_SLICE_MILLIS);
        }
    }

    /** Wakes on the client's ready and cancel callbacks, and on CancelFlightInfo. */
    private static final class Backpressure extends BackpressureStrategy.CallbackBackpressureStrategy {
        private final PendingResult result;

        Backpressure(PendingResult result) {
            this.result = result;
        }

        @Override
        protected boolean shouldContinueWaiting(ServerStreamListener listener, long remainingTimeout) {
            return !result.cancelRequested();
        }
    }

    /** Moves the batch's buffers into the outgoing root; the session refills its root next time. */
    static void transfer(VectorSchemaRoot from, VectorSchemaRoot to) {
        List<FieldVector> source = from.getFieldVectors();
        List<FieldVector> target = to.getFieldVectors();
        if (source.size() != target.size()) {
            throw new IllegalStateException("batch has " + source.size() + " columns, stream " + target.size());
        }
        for (int i = 0; i < source.size(); i++) {
            source.get(i).makeTransferPair(target.get(i)).transfer();
        }
        to.setRowCount(from.getRowCount());
    }
}
