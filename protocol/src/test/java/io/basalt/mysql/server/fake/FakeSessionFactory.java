package io.basalt.mysql.server.fake;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.session.ClientInfo;
import io.basalt.session.Credential;
import io.basalt.session.FullAuthenticationRequired;
import io.basalt.session.Session;
import io.basalt.session.SessionFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Users "root" (no password), "app" (password "s3cret") and "alice" (password "secret"); database
 * "nodb" does not exist. Checks every credential kind: native scrambles always; caching_sha2
 * scrambles only for users whose password is cached, which a cleartext login does (as MySQL's
 * cache) and {@link #forgetPasswords()} undoes; otherwise it asks for full authentication. Keeps
 * every session it opened and every credential it was shown, so tests can look at what the
 * protocol did.
 */
public final class FakeSessionFactory implements SessionFactory, AutoCloseable {
    private static final Map<String, String> PASSWORDS = Map.of("root", "", "app", "s3cret", "alice", "secret");

    private final BufferAllocator allocator = new RootAllocator();
    private final AtomicLong ids = new AtomicLong(100);
    private final List<FakeSession> sessions = new CopyOnWriteArrayList<>();
    private final List<Credential> credentials = new CopyOnWriteArrayList<>();
    private final Set<String> cachedPasswords = ConcurrentHashMap.newKeySet();

    public FakeSessionFactory() {
        cachedPasswords.add("root");
    }

    @Override
    public long nextConnectionId() {
        return ids.incrementAndGet();
    }

    @Override
    public Session open(ClientInfo client, Credential credential) {
        credentials.add(credential);
        String password = PASSWORDS.get(client.user());
        if (password != null && credential instanceof Credential.CachingSha2Password sha2
                && sha2.response().length > 0 && !cachedPasswords.contains(client.user())) {
            throw new FullAuthenticationRequired(client.user());
        }
        if (password == null || !matches(password, credential)) {
            throw BasaltException.of(ErrorCode.ACCESS_DENIED, "Access denied for user '%s'@'%s' (using password: %s)",
                    client.user(), client.remoteHost(), usesPassword(credential) ? "YES" : "NO");
        }
        if (credential instanceof Credential.Cleartext) {
            cachedPasswords.add(client.user());
        }
        if ("nodb".equals(client.database())) {
            throw BasaltException.of(ErrorCode.UNKNOWN_DATABASE, "Unknown database '%s'", client.database());
        }
        FakeSession session = new FakeSession(client, allocator);
        sessions.add(session);
        return session;
    }

    private static boolean matches(String password, Credential credential) {
        if (credential instanceof Credential.MysqlNativePassword scramble) {
            return NativePassword.matches(password, scramble.salt(), scramble.response());
        }
        if (credential instanceof Credential.CachingSha2Password scramble) {
            return Sha2Password.matches(password, scramble.salt(), scramble.response());
        }
        return password.equals(((Credential.Cleartext) credential).password());
    }

    private static boolean usesPassword(Credential credential) {
        if (credential instanceof Credential.MysqlNativePassword scramble) {
            return scramble.response().length > 0;
        }
        if (credential instanceof Credential.CachingSha2Password scramble) {
            return scramble.response().length > 0;
        }
        return !((Credential.Cleartext) credential).password().isEmpty();
    }

    /** Empties the caching_sha2 cache: the next scramble login of a user with a password needs full authentication. */
    public void forgetPasswords() {
        cachedPasswords.retainAll(Set.of("root"));
    }

    /** Caches {@code user}'s password as a cleartext login would: caching_sha2 scrambles now pass. */
    public void rememberPassword(String user) {
        cachedPasswords.add(user);
    }

    /** Every credential presented, in order. */
    public List<Credential> credentials() {
        return credentials;
    }

    /** The most recently presented credential. */
    public Credential lastCredential() {
        return credentials.get(credentials.size() - 1);
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
