package io.basalt.flight;

import io.basalt.session.ClientInfo;
import io.basalt.session.Credential;
import io.basalt.session.Session;
import io.basalt.session.SessionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open Flight sessions by bearer token. Logging in (basic credentials checked by the
 * {@link SessionFactory}) opens a session under a fresh random token; CloseSession or idleness
 * closes it. Flight has no connection whose end would close a session, so idle ones are swept.
 */
final class FlightSessions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlightSessions.class);

    private final SessionFactory factory;
    private final long idleNanos;
    private final Map<String, FlightSession> byToken = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    FlightSessions(SessionFactory factory, Duration idleTimeout) {
        this.factory = factory;
        this.idleNanos = idleTimeout.toNanos();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flight-sql-session-sweeper");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(100, Math.min(60_000, idleTimeout.toMillis() / 4));
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Authenticates and opens a session.
     *
     * @throws io.basalt.error.BasaltException ACCESS_DENIED for bad credentials, UNKNOWN_DATABASE
     *     for a missing default database
     */
    FlightSession open(String user, String password, String remoteAddress, String database, boolean tls) {
        ClientInfo client = new ClientInfo(factory.nextConnectionId(), "flight", remoteAddress, user, database, tls);
        Session session = factory.open(client, new Credential.Cleartext(password));
        FlightSession s = new FlightSession(Handles.newToken(), session);
        byToken.put(s.token(), s);
        LOG.debug("Flight session {} opened for {}@{}", s.connectionId(), user, remoteAddress);
        return s;
    }

    /** The session of a token, or null when unknown, expired or closed. */
    FlightSession get(String token) {
        return token == null ? null : byToken.get(token);
    }

    void close(FlightSession s) {
        if (byToken.remove(s.token(), s)) {
            s.close();
            LOG.debug("Flight session {} closed", s.connectionId());
        }
    }

    int size() {
        return byToken.size();
    }

    private void sweep() {
        long now = System.nanoTime();
        for (FlightSession s : List.copyOf(byToken.values())) {
            try {
                if (s.idleFor(idleNanos, now)) {
                    LOG.debug("Flight session {} idle too long; closing it", s.connectionId());
                    close(s);
                }
            } catch (RuntimeException e) {
                // A failure must not cancel the periodic sweep.
                LOG.warn("cannot close idle Flight session {}: {}", s.connectionId(), e.toString());
            }
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        for (FlightSession s : new ArrayList<>(byToken.values())) {
            close(s);
        }
    }
}
