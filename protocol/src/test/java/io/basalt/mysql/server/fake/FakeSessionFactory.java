package io.basalt.mysql.server.fake;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.session.ClientInfo;
import io.basalt.session.Credential;
import io.basalt.session.Session;
import io.basalt.session.SessionFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Users "root" (no password) and "app" (password "s3cret"); database "nodb" does not exist. Keeps
 * every session it opened so tests can look at what the protocol did to them.
 */
public final class FakeSessionFactory implements SessionFactory, AutoCloseable {
    private static final Map<String, String> PASSWORDS = Map.of("root", "", "app", "s3cret");

    private final BufferAllocator allocator = new RootAllocator();
    private final AtomicLong ids = new AtomicLong(100);
    private final List<FakeSession> sessions = new CopyOnWriteArrayList<>();

    @Override
    public long nextConnectionId() {
        return ids.incrementAndGet();
    }

    @Override
    public Session open(ClientInfo client, Credential credential) {
        String password = PASSWORDS.get(client.user());
        boolean hasPassword = credential instanceof Credential.MysqlNativePassword n && n.response().length > 0;
        if (password == null || !(credential instanceof Credential.MysqlNativePassword scramble)
                || !NativePassword.matches(password, scramble.salt(), scramble.response())) {
            throw BasaltException.of(ErrorCode.ACCESS_DENIED, "Access denied for user '%s'@'%s' (using password: %s)",
                    client.user(), client.remoteHost(), hasPassword ? "YES" : "NO");
        }
        if ("nodb".equals(client.database())) {
            throw BasaltException.of(ErrorCode.UNKNOWN_DATABASE, "Unknown database '%s'", client.database());
        }
        FakeSession session = new FakeSession(client, allocator);
        sessions.add(session);
        return session;
    }

    public List<FakeSession> sessions() {
        return sessions;
    }

    /** The most recently opened session. */
    public FakeSession last() {
        return sessions.get(sessions.size() - 1);
    }

    /** Waits until a session exists beyond the first {@code known}, and returns it. */
    public FakeSession awaitNew(int known, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sessions.size() <= known) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no new session opened");
            }
            Thread.sleep(10);
        }
        return sessions.get(known);
    }

    /** Arrow memory still held by results that were not closed. */
    public long allocatedBytes() {
        return allocator.getAllocatedMemory();
    }

    @Override
    public void close() {
        allocator.close();
    }
}
