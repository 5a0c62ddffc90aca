package io.basalt.server.session;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.session.ClientInfo;
import io.basalt.session.Credential;
import io.basalt.session.Session;
import io.basalt.session.SessionFactory;

/**
 * Authenticates clients and opens sessions. Users other than root arrive with the users issue;
 * until then root with an empty password is the only account, as on a fresh StarRocks node.
 */
public final class SessionManager implements SessionFactory {
    private final SessionServices services;

    public SessionManager(SessionServices services) {
        this.services = services;
    }

    @Override
    public long nextConnectionId() {
        return services.registry().nextConnectionId();
    }

    @Override
    public Session open(ClientInfo client, Credential credential) {
        if (!"root".equals(client.user()) || !emptyPassword(credential)) {
            throw BasaltException.of(ErrorCode.ACCESS_DENIED, "Access denied for user '%s'@'%s' (using password: %s)",
                    client.user(), client.remoteHost(), emptyPassword(credential) ? "NO" : "YES");
        }
        int max = services.config().get(io.basalt.server.config.ConfigKeys.QE_MAX_CONNECTION);
        if (services.registry().size() >= max) {
            throw new BasaltException(ErrorCode.CLUSTER_UNAVAILABLE, "Too many connections");
        }
        BasaltSession s = new BasaltSession(client, services);
        if (client.database() != null && !client.database().isEmpty()) {
            try {
                s.useDatabase(client.database());
            } catch (BasaltException e) {
                s.close();
                throw e;
            }
        }
        return s;
    }

    private static boolean emptyPassword(Credential c) {
        if (c instanceof Credential.MysqlNativePassword n) {
            return n.response() == null || n.response().length == 0;
        }
        if (c instanceof Credential.Cleartext t) {
            return t.password() == null || t.password().isEmpty();
        }
        return false;
    }
}
