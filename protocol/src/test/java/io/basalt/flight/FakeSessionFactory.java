package io.basalt.flight;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.session.ClientInfo;
import io.basalt.session.Credential;
import io.basalt.session.Session;
import io.basalt.session.SessionFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;

/** Users "u" (password "secret") and "root" (no password); every opened session is kept for inspection. */
final class FakeSessionFactory implements SessionFactory {
    private final AtomicLong ids = new AtomicLong(1);
    private final BufferAllocator allocator;
    final List<FakeSession> opened = new CopyOnWriteArrayList<>();
    final List<ClientInfo> clients = new CopyOnWriteArrayList<>();

    FakeSessionFactory(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    @Override
    public long nextConnectionId() {
        return ids.getAndIncrement();
    }

    @Override
    public Session open(ClientInfo client, Credential credential) {
        String password = ((Credential.Cleartext) credential).password();
        boolean ok = ("u".equals(client.user()) && "secret".equals(password))
                || ("root".equals(client.user()) && password.isEmpty());
        if (!ok) {
            throw BasaltException.of(ErrorCode.ACCESS_DENIED, "Access denied for user '%s'@'%s' (using password: %s)",
                    client.user(), client.remoteHost(), password.isEmpty() ? "NO" : "YES");
        }
        clients.add(client);
        FakeSession s = new FakeSession(client, allocator);
        if (client.database() != null) {
            s.useDatabase(client.database());
        }
        opened.add(s);
        return s;
    }

    FakeSession last() {
        return opened.get(opened.size() - 1);
    }
}
