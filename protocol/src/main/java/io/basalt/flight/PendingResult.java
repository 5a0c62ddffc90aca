package io.basalt.flight;

import io.basalt.session.QueryResult;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A statement already executed by GetFlightInfo (so its errors reach the client there) whose rows
 * wait for the DoGet that names its ticket. A prepared query bound with several parameter rows
 * runs once per row; the later runs start only when the stream reaches them.
 *
 * <p>Life cycle: READY until a DoGet claims it (STREAMING), then CLOSED. Only the thread that
 * claimed it, or one that closes it while still READY, touches the results.
 */
final class PendingResult {
    enum State { READY, STREAMING, CLOSED }

    private final String handle;
    private final Schema schema;
    private final Deque<Supplier<QueryResult>> later;
    private final AtomicReference<State> state = new AtomicReference<>(State.READY);
    private QueryResult current;
    private volatile boolean cancelRequested;
    private volatile Runnable wakeup = () -> {};

    PendingResult(String handle, Schema schema, QueryResult first, List<Supplier<QueryResult>> later) {
        this.handle = handle;
        this.schema = schema;
        this.current = first;
        this.later = new ArrayDeque<>(later);
    }

    String handle() {
        return handle;
    }

    /** The schema clients see, with Flight SQL column metadata. */
    Schema schema() {
        return schema;
    }

    /** Takes the result for streaming; false when it is already streaming or closed. */
    boolean claim() {
        return state.compareAndSet(State.READY, State.STREAMING);
    }

    State state() {
        return state.get();
    }

    /** The result being streamed. */
    QueryResult current() {
        return current;
    }

    /** Closes the current result and runs the next execution; false when there is none. */
    boolean advance() {
        closeCurrent();
        Supplier<QueryResult> next = later.poll();
        if (next == null) {
            return false;
        }
        current = next.get();
        return true;
    }

    /** Asks the streaming thread to stop (CancelFlightInfo from another call). */
    void requestCancel() {
        cancelRequested = true;
        wakeup.run();
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    /** What {@link #requestCancel()} runs to wake a streamer waiting for its client. */
    void onCancelRequest(Runnable r) {
        wakeup = r;
    }

    /** Releases the results; the caller holds the session lock. Idempotent. */
    void close() {
        state.set(State.CLOSED);
        closeCurrent();
        later.clear();
    }

    private void closeCurrent() {
        if (current != null) {
            QueryResult c = current;
            current = null;
            c.close();
        }
    }
}
