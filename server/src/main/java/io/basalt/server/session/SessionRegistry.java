package io.basalt.server.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The node's open sessions by connection id (SHOW PROCESSLIST and KILL read it), and the count of
 * their open prepared statements.
 */
public final class SessionRegistry {
    private final Map<Long, BasaltSession> sessions = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicInteger preparedStatements = new AtomicInteger();

    public long nextConnectionId() {
        return nextId.getAndIncrement();
    }

    void add(BasaltSession s) {
        sessions.put(s.connectionId(), s);
    }

    void remove(BasaltSession s) {
        sessions.remove(s.connectionId(), s);
    }

    public BasaltSession get(long id) {
        return sessions.get(id);
    }

    public Collection<BasaltSession> all() {
        List<BasaltSession> out = new ArrayList<>(sessions.values());
        out.sort((a, b) -> Long.compare(a.connectionId(), b.connectionId()));
        return out;
    }

    public int size() {
        return sessions.size();
    }

    /**
     * Counts one more open prepared statement, unless {@code max} are open already.
     *
     * @return false when the limit is reached (nothing counted)
     */
    boolean acquirePreparedStatement(int max) {
        while (true) {
            int n = preparedStatements.get();
            if (n >= max) {
                return false;
            }
            if (preparedStatements.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void releasePreparedStatement() {
        preparedStatements.decrementAndGet();
    }

    /** Prepared statements open on this node (status variable Prepared_stmt_count). */
    public int preparedStatements() {
        return preparedStatements.get();
    }
}
