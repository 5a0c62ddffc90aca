package io.basalt.flight;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the Arrow Flight SQL listener. Use {@link #defaults()} and the {@code with*} methods.
 *
 * @param bindHost address to listen on
 * @param port TCP port; 0 picks a free one (see {@link FlightSqlServer#port()})
 * @param tlsCertificateChain PEM certificate chain; TLS is on when this and the key are set
 * @param tlsPrivateKey PEM private key (PKCS#8) of the certificate
 * @param sessionIdleTimeout a session no call has used for this long is closed; Flight has no
 *     connection to tie a session to, and Arrow's JDBC driver never closes its session
 * @param streamStallTimeout a result stream whose client has not read for this long is abandoned
 * @param serverVersion version reported in SqlInfo FLIGHT_SQL_SERVER_VERSION
 * @param maxConnections sessions the node accepts, reported in SqlInfo SQL_MAX_CONNECTIONS (0: unknown)
 */
public record FlightSqlConfig(
        String bindHost,
        int port,
        Path tlsCertificateChain,
        Path tlsPrivateKey,
        Duration sessionIdleTimeout,
        Duration streamStallTimeout,
        String serverVersion,
        long maxConnections) {

    public static final String DEFAULT_BIND_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 9408;
    public static final Duration DEFAULT_SESSION_IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration DEFAULT_STREAM_STALL_TIMEOUT = Duration.ofMinutes(10);

    public FlightSqlConfig {
        requireNonNull(bindHost, "bindHost");
        requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
        requireNonNull(streamStallTimeout, "streamStallTimeout");
        requireNonNull(serverVersion, "serverVersion");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if ((tlsCertificateChain == null) != (tlsPrivateKey == null)) {
            throw new IllegalArgumentException("TLS needs both a certificate chain and a private key");
        }
        if (sessionIdleTimeout.isNegative() || sessionIdleTimeout.isZero()) {
            throw new IllegalArgumentException("sessionIdleTimeout must be positive");
        }
        if (streamStallTimeout.isNegative() || streamStallTimeout.isZero()) {
            throw new IllegalArgumentException("streamStallTimeout must be positive");
        }
    }

    /** 127.0.0.1:9408 without TLS, sessions idle for 30 minutes closed, streams stalled for 10 abandoned. */
    public static FlightSqlConfig defaults() {
        return new FlightSqlConfig(DEFAULT_BIND_HOST, DEFAULT_PORT, null, null, DEFAULT_SESSION_IDLE_TIMEOUT,
                DEFAULT_STREAM_STALL_TIMEOUT, "0.1.0", 0);
    }

    /** Whether clients must connect with TLS. */
    public boolean tls() {
        return tlsCertificateChain != null;
    }

    public FlightSqlConfig withBindHost(String value) {
        return new FlightSqlConfig(value, port, tlsCertificateChain, tlsPrivateKey, sessionIdleTimeout,
                streamStallTimeout, serverVersion, maxConnections);
    }

    public FlightSqlConfig withPort(int value) {
        return new FlightSqlConfig(bindHost, value, tlsCertificateChain, tlsPrivateKey, sessionIdleTimeout,
                streamStallTimeout, serverVersion, maxConnections);
    }

    /** Turns TLS on with these PEM files, or off with two nulls. */
    public FlightSqlConfig withTls(Path certificateChain, Path privateKey) {
        return new FlightSqlConfig(bindHost, port, certificateChain, privateKey, sessionIdleTimeout,
                streamStallTimeout, serverVersion, maxConnections);
    }

    public FlightSqlConfig withSessionIdleTimeout(Duration value) {
        return new FlightSqlConfig(bindHost, port, tlsCertificateChain, tlsPrivateKey, value, streamStallTimeout,
                serverVersion, maxConnections);
    }

    public FlightSqlConfig withStreamStallTimeout(Duration value) {
        return new FlightSqlConfig(bindHost, port, tlsCertificateChain, tlsPrivateKey, sessionIdleTimeout, value,
                serverVersion, maxConnections);
    }

    public FlightSqlConfig withServerVersion(String value) {
        return new FlightSqlConfig(bindHost, port, tlsCertificateChain, tlsPrivateKey, sessionIdleTimeout,
                streamStallTimeout, value, maxConnections);
    }

    public FlightSqlConfig withMaxConnections(long value) {
        return new FlightSqlConfig(bindHost, port, tlsCertificateChain, tlsPrivateKey, sessionIdleTimeout,
                streamStallTimeout, serverVersion, value);
    }
}
