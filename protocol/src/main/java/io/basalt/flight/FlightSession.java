package io.basalt.flight;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.session.Session;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.arrow.flight.CallStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated Flight client: its {@link Session}, the bearer token that names it, its
 * prepared statements and its executed results waiting for DoGet.
 *
 * <p>Flight calls of one client may run concurrently (a JDBC driver reads metadata while a result
 * streams), but a session serves one thread at a time: every session call, including each batch
 * pulled from a result, runs under this object's lock. Streaming does not hold the lock while it
 * waits for the client.
 */
final class FlightSession {
    private static final Logger LOG = LoggerFactory.getLogger(FlightSession.class);
    /** MySQL's max_prepared_stmt_count default: bounds what a client that never closes can pile up. */
    static final int MAX_PREPARED_STATEMENTS = 16_382;
    /** Executed results nobody fetched are dropped oldest first beyond this many. */
    static final int MAX_PENDING_RESULTS = 64;

    private final String token;
    private final Session session;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, FlightPreparedStatement> prepared = new ConcurrentHashMap<>();
    // Insertion order finds the oldest unfetched result; guarded by itself.
    private final LinkedHashMap<String, PendingResult> results = new LinkedHashMap<>();
    private final AtomicInteger activeCalls = new AtomicInteger();
    private volatile long lastUsedNanos = System.nanoTime();
    private volatile boolean closed;

    FlightSession(String token, Session session) {
        this.token = token;
        this.session = session;
    }

    String token() {
        return token;
    }

    long connectionId() {
        return session.connectionId();
    }

    String user() {
        return session.user();
    }

    /** Runs {@code f} on the session under the session lock. */
    <T> T call(Function<Session, T> f) {
        lock.lock();
        try {
            if (closed) {
                throw new BasaltException(ErrorCode.QUERY_INTERRUPTED, "Session was closed");
            }
            return f.apply(session);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code f} on the session under the session lock. */
    void run(Consumer<Session> f) {
        call(s -> {
            f.accept(s);
            return null;
        });
    }

    /** Runs {@code r} under the session lock even after close (to release results). */
    void locked(Runnable r) {
        lock.lock();
        try {
            r.run();
        } finally {
            lock.unlock();
        }
    }

    /** Asks the running statement to stop; callable from any thread. */
    void cancel() {
        session.cancel();
    }

    // ---- call tracking (for idle expiry) -------------------------------------------------------

    void callStarted() {
        activeCalls.incrementAndGet();
        lastUsedNanos = System.nanoTime();
    }

    void callEnded() {
        activeCalls.decrementAndGet();
        lastUsedNanos = System.nanoTime();
    }

    /** Whether no call is running and none ran for {@code idleNanos}. */
    boolean idleFor(long idleNanos, long nowNanos) {
        return activeCalls.get() == 0 && nowNanos - lastUsedNanos > idleNanos;
    }

    boolean isClosed() {
        return closed;
    }

    // ---- prepared statements -------------------------------------------------------------------

    void addPrepared(FlightPreparedStatement p) {
        if (prepared.size() >= MAX_PREPARED_STATEMENTS) {
            p.statement().close();
            throw CallStatus.RESOURCE_EXHAUSTED.withDescription("Can't create more than max_prepared_stmt_count "
                    + "statements (current value: " + MAX_PREPARED_STATEMENTS + ")").toRuntimeException();
        }
        prepared.put(p.handle(), p);
    }

    FlightPreparedStatement prepared(String handle) {
        FlightPreparedStatement p = prepared.get(handle);
        if (p == null) {
            throw FlightErrors.notFound("Unknown prepared statement handler given to Flight SQL");
        }
        return p;
    }

    void closePrepared(String handle) {
        FlightPreparedStatement p = prepared.remove(handle);
        if (p != null) {
            p.statement().close();
        }
    }

    // ---- executed results ----------------------------------------------------------------------

    /** Keeps an executed result for DoGet, dropping the oldest unfetched one when too many wait. */
    void addResult(PendingResult r) {
        PendingResult dropped = null;
        synchronized (results) {
            results.put(r.handle(), r);
            if (results.size() > MAX_PENDING_RESULTS) {
                for (Iterator<PendingResult> it = results.values().iterator(); it.hasNext(); ) {
                    PendingResult old = it.next();
                    if (old.state() == PendingResult.State.READY) {
                        it.remove();
                        dropped = old;
                        break;
                    }
                }
            }
        }
        if (dropped != null) {
            LOG.debug("dropping unfetched result {} of connection {}", dropped.handle(), connectionId());
            PendingResult d = dropped;
            locked(d::close);
        }
    }

    /** The result named by a ticket, or null. */
    PendingResult result(String handle) {
        synchronized (results) {
            return results.get(handle);
        }
    }

    void removeResult(PendingResult r) {
        synchronized (results) {
            results.remove(r.handle(), r);
        }
    }

    // ---- close ---------------------------------------------------------------------------------

    /**
     * Ends the session: unfetched results and prepared statements are released; a result being
     * streamed is released by its streamer, which sees the session closed.
     */
    void close() {
        List<PendingResult> ready = new ArrayList<>();
        synchronized (results) {
            if (closed) {
                return;
            }
            closed = true;
            for (Iterator<PendingResult> it = results.values().iterator(); it.hasNext(); ) {
                PendingResult r = it.next();
                if (r.state() == PendingResult.State.READY) {
                    it.remove();
                    ready.add(r);
                } else {
                    r.requestCancel();
                }
            }
        }
        session.cancel();
        locked(() -> {
            for (PendingResult r : ready) {
                closeQuietly(r::close);
            }
            for (FlightPreparedStatement p : prepared.values()) {
                closeQuietly(() -> p.statement().close());
            }
            prepared.clear();
            closeQuietly(session::close);
        });
    }

    private void closeQuietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("error releasing Flight session {} resources: {}", connectionId(), e.toString());
        }
    }
}
