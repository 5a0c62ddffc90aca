package io.basalt.server.session;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.session.ClientInfo;
import io.basalt.session.Credential;
import io.basalt.session.Session;
import io.basalt.session.SessionFactory;
import io.basalt.session.FullAuthenticationRequired;
import io.basalt.server.auth.Accounts;
import io.basalt.server.auth.PasswordHashes;
import io.basalt.server.catalog.UserDef;

/**
 * Authenticates clients against the accounts in the catalog (mysql_native_password,
 * caching_sha2_password, or a password in clear over TLS) and opens sessions. A fresh node has
 * only root, with an empty password.
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
        UserDef account = authenticate(client, credential);
        if (SystemVariables.requireSecureTransport() && !client.secureTransport()) {
            throw new BasaltException(ErrorCode.SECURE_TRANSPORT_REQUIRED,
                    "Connections using insecure transport are prohibited while --require_secure_transport=ON.");
        }
        int max = services.config().get(io.basalt.server.config.ConfigKeys.QE_MAX_CONNECTION);
        if (services.registry().size() >= max) {
            throw new BasaltException(ErrorCode.CLUSTER_UNAVAILABLE, "Too many connections");
        }
        BasaltSession s = new BasaltSession(client, account.name(), account.host(), services);
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

    /** Finds the account and checks the credential; ACCESS_DENIED (1045) on any mismatch. */
    private UserDef authenticate(ClientInfo client, Credential credential) {
        UserDef user = Accounts.find(services.state().catalog(), client.user(), client.remoteHost());
        boolean gavePassword = !emptyPassword(credential);
        BasaltException denied = BasaltException.of(ErrorCode.ACCESS_DENIED,
                "Access denied for user '%s'@'%s' (using password: %s)", client.user(), client.remoteHost(),
                gavePassword ? "YES" : "NO");
        if (user == null) {
            throw denied;
        }
        boolean ok;
        if (credential instanceof Credential.MysqlNativePassword n) {
            ok = PasswordHashes.checkNative(user.nativeHash(), n.salt(), n.response());
        } else if (credential instanceof Credential.CachingSha2Password c) {
            if (user.hasPassword() && !fastAuthCache.contains(user.key() + "/" + user.sha2Hash())) {
                // As in MySQL: until the account has logged in with its password since this node
                // started, the scramble cannot be trusted alone and the client must send the password.
                throw new FullAuthenticationRequired(client.user());
            }
            ok = PasswordHashes.checkSha2(user.sha2Hash(), c.salt(), c.response());
        } else if (credential instanceof Credential.Cleartext t) {
            ok = PasswordHashes.checkCleartext(user.nativeHash(), t.password());
            if (ok) {
                fastAuthCache.add(user.key() + "/" + user.sha2Hash());
            }
        } else {
            ok = false;
        }
        if (!ok) {
            throw denied;
        }
        return user;
    }

    private final java.util.Set<String> fastAuthCache = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static boolean emptyPassword(Credential c) {
        if (c instanceof Credential.MysqlNativePassword n) {
            return n.response() == null || n.response().length == 0;
        }
        if (c instanceof Credential.Cleartext t) {
            return t.password() == null || t.password().isEmpty();
        }
        if (c instanceof Credential.CachingSha2Password s) {
            return s.response() == null || s.response().length == 0;
        }
        return false;
    }
}
