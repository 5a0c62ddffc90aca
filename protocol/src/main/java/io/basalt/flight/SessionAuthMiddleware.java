package io.basalt.flight;

import io.basalt.error.BasaltException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallInfo;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightServerMiddleware;
import org.apache.arrow.flight.RequestContext;
import org.apache.arrow.flight.auth2.Auth2Constants;
import org.apache.arrow.flight.auth2.AuthUtilities;

/**
 * Authentication of every Flight call, and the call's {@link FlightSession}.
 *
 * <ul>
 *   <li>{@code Authorization: Basic} opens a session through the session factory (the password
 *       checked as for MySQL clients) and answers with {@code Authorization: Bearer <token>} and a
 *       {@code Set-Cookie} carrying the same token.
 *   <li>{@code Authorization: Bearer <token>}, or the cookie, names an open session.
 *   <li>Anything else fails with UNAUTHENTICATED.
 * </ul>
 *
 * <p>The cookie exists for clients that forget the bearer header on some calls but run Flight's
 * cookie middleware: ADBC's Java driver 0.20 sends prepared statement calls and their close
 * without call options (apache/arrow-adbc#3582). The cookie is the same secret as the token, so
 * accepting it does not weaken authentication.
 */
final class SessionAuthMiddleware implements FlightServerMiddleware {
    static final Key<SessionAuthMiddleware> KEY = Key.of(Auth2Constants.AUTHORIZATION_HEADER);
    /** Cookie name carrying the session token. */
    static final String COOKIE = "basalt_session";
    /** Optional header selecting the current database for the call (and the default one at login). */
    static final String DATABASE_HEADER = "database";

    private final FlightSession session;
    private final boolean newSession;
    private final String database;

    private SessionAuthMiddleware(FlightSession session, boolean newSession, String database) {
        this.session = session;
        this.newSession = newSession;
        this.database = database;
    }

    /** The authenticated session of this call. */
    FlightSession session() {
        return session;
    }

    /** The database the call's {@code database} header asks for, or null. */
    String requestedDatabase() {
        return database;
    }

    @Override
    public void onBeforeSendingHeaders(CallHeaders outgoingHeaders) {
        if (newSession) {
            outgoingHeaders.insert(Auth2Constants.AUTHORIZATION_HEADER, Auth2Constants.BEARER_PREFIX + session.token());
            outgoingHeaders.insert("set-cookie", COOKIE + "=" + session.token() + "; Path=/; HttpOnly");
        }
    }

    @Override
    public void onCallCompleted(CallStatus status) {
        session.callEnded();
    }

    @Override
    public void onCallErrored(Throwable err) {
        // onCallCompleted follows with the error status.
    }

    /** Creates the middleware of each call: authenticates it or rejects it. */
    static final class Factory implements FlightServerMiddleware.Factory<SessionAuthMiddleware> {
        private final FlightSessions sessions;
        private final boolean tls;

        Factory(FlightSessions sessions, boolean tls) {
            this.sessions = sessions;
            this.tls = tls;
        }

        @Override
        public SessionAuthMiddleware onCallStarted(CallInfo info, CallHeaders headers, RequestContext context) {
            String database = blankToNull(headers.get(DATABASE_HEADER));
            FlightSession session;
            boolean opened = false;
            String bearer = AuthUtilities.getValueFromAuthHeader(headers, Auth2Constants.BEARER_PREFIX);
            String basic = AuthUtilities.getValueFromAuthHeader(headers, Auth2Constants.BASIC_PREFIX);
            if (bearer != null) {
                session = known(sessions.get(bearer));
            } else if (basic != null) {
                session = login(basic, headers, database);
                opened = true;
            } else {
                String cookie = cookieToken(headers);
                if (cookie == null) {
                    throw CallStatus.UNAUTHENTICATED
                            .withDescription("Authentication required: send basic credentials or a bearer token")
                            .toRuntimeException();
                }
                session = known(sessions.get(cookie));
            }
            session.callStarted();
            context.put(Auth2Constants.PEER_IDENTITY_KEY, session.user());
            return new SessionAuthMiddleware(session, opened, database);
        }

        private static FlightSession known(FlightSession s) {
            if (s == null || s.isClosed()) {
                throw CallStatus.UNAUTHENTICATED.withDescription("Invalid or expired session token; log in again")
                        .toRuntimeException();
            }
            return s;
        }

        private FlightSession login(String basic, CallHeaders headers, String database) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(basic.trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw CallStatus.UNAUTHENTICATED.withDescription("Malformed basic credentials").toRuntimeException();
            }
            int colon = decoded.indexOf(':');
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            String password = colon < 0 ? "" : decoded.substring(colon + 1);
            String peer = headers.get(PeerAddressTracer.HEADER);
            try {
                return sessions.open(user, password, peer == null ? "unknown:0" : peer, database, tls);
            } catch (BasaltException e) {
                throw FlightErrors.toFlight(e);
            } catch (FlightRuntimeException e) {
                throw e;
            } catch (RuntimeException e) {
                throw FlightErrors.toFlight(e);
            }
        }

        private static String cookieToken(CallHeaders headers) {
            Iterable<String> values = headers.getAll("cookie");
            if (values == null) {
                return null;
            }
            for (String header : values) {
                for (String part : header.split(";")) {
                    String p = part.trim();
                    if (p.startsWith(COOKIE + "=")) {
                        return p.substring(COOKIE.length() + 1);
                    }
                }
            }
            return null;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }
}
