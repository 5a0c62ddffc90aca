package io.basalt.server.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The node's open sessions by connection id: SHOW PROCESSLIST and KILL read it. */
public final class SessionRegistry {
    private final Map<Long, BasaltSession> sessions = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

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
}
