package io.basalt.mysql.server;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Settings of the MySQL protocol listener. Use {@link #defaults()} and the {@code with*} methods.
 *
 * @param bindHost address to listen on
 * @param port TCP port; 0 picks a free one (see {@link MysqlServer#port()})
 * @param maxAllowedPacket largest joined packet payload a client may send, in bytes
 * @param serverVersion version string sent in the greeting; drivers parse its leading "x.y.z"
 * @param ioThreads Netty event-loop threads; 0 for Netty's default (twice the cores)
 * @param workerThreads threads that run session calls (statements); bounds concurrent statements
 * @param connectTimeout time a client has to complete authentication (TLS handshake included)
 * @param defaultAuthPlugin the plugin named in the greeting; clients that answer with another are
 *     switched to it (mysql_clear_password is accepted as is over TLS)
 * @param tls whether and with which certificate TLS is offered
 * @param compression whether CLIENT_COMPRESS (zlib) is offered to clients that ask for it
 */
public record MysqlServerConfig(
        String bindHost,
        int port,
        int maxAllowedPacket,
        String serverVersion,
        int ioThreads,
        int workerThreads,
        Duration connectTimeout,
        AuthPlugin defaultAuthPlugin,
        TlsSettings tls,
        boolean compression) {

    public static final String DEFAULT_BIND_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 9030;
    public static final int DEFAULT_MAX_ALLOWED_PACKET = 64 * 1024 * 1024;
    public static final String DEFAULT_SERVER_VERSION = "8.0.33-basalt";
    public static final int DEFAULT_WORKER_THREADS = 64;
    /** MySQL's connect_timeout default. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** MySQL's upper bound for max_allowed_packet. */
    public static final int MAX_MAX_ALLOWED_PACKET = 1024 * 1024 * 1024;

    public MysqlServerConfig {
        requireNonNull(bindHost, "bindHost");
        requireNonNull(serverVersion, "serverVersion");
        requireNonNull(connectTimeout, "connectTimeout");
        requireNonNull(defaultAuthPlugin, "defaultAuthPlugin");
        requireNonNull(tls, "tls");
        if (defaultAuthPlugin == AuthPlugin.MYSQL_CLEAR_PASSWORD) {
            throw new IllegalArgumentException("mysql_clear_password cannot be the default plugin: it would ask "
                    + "clients for their password in clear before TLS is known");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxAllowedPacket < 1024 || maxAllowedPacket > MAX_MAX_ALLOWED_PACKET) {
            throw new IllegalArgumentException("maxAllowedPacket must be 1 KiB..1 GiB: " + maxAllowedPacket);
        }
        if (serverVersion.isEmpty() || serverVersion.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("serverVersion must be non-empty and free of NUL");
        }
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads must be >= 0: " + ioThreads);
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be >= 1: " + workerThreads);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive");
        }
    }

    /**
     * 127.0.0.1:9030, 64 MiB packets, "8.0.33-basalt", default I/O threads, 64 workers, 10 s to log
     * in, caching_sha2_password as MySQL 8 does, no TLS, compression offered.
     */
    public static MysqlServerConfig defaults() {
        return new MysqlServerConfig(DEFAULT_BIND_HOST, DEFAULT_PORT, DEFAULT_MAX_ALLOWED_PACKET, DEFAULT_SERVER_VERSION,
                0, DEFAULT_WORKER_THREADS, DEFAULT_CONNECT_TIMEOUT, AuthPlugin.CACHING_SHA2_PASSWORD, TlsSettings.disabled(), true);
    }

    public MysqlServerConfig withBindHost(String value) {
        return new MysqlServerConfig(value, port, maxAllowedPacket, serverVersion, ioThreads, workerThreads,
                connectTimeout, defaultAuthPlugin, tls, compression);
    }

    public MysqlServerConfig withPort(int value) {
        return new MysqlServerConfig(bindHost, value, maxAllowedPacket, serverVersion, ioThreads, workerThreads,
                connectTimeout, defaultAuthPlugin, tls, compression);
    }

    public MysqlServerConfig withMaxAllowedPacket(int value) {
        return new MysqlServerConfig(bindHost, port, value, serverVersion, ioThreads, workerThreads,
                connectTimeout, defaultAuthPlugin, tls, compression);
    }

    public MysqlServerConfig withServerVersion(String value) {
        return new MysqlServerConfig(bindHost, port, maxAllowedPacket, value, ioThreads, workerThreads,
                connectTimeout, defaultAuthPlugin, tls, compression);
    }

    public MysqlServerConfig withIoThreads(int value) {
        return new MysqlServerConfig(bindHost, port, maxAllowedPacket, serverVersion, value, workerThreads,
                connectTimeout, defaultAuthPlugin, tls, compression);
    }

    public MysqlServerConfig withWorkerThreads(int value) {
        return new MysqlServerConfig(bindHost, port, maxAllowedPacket, serverVersion, ioThreads, value,
                connectTimeout, defaultAuthPlugin, tls, compression);
    }

    public MysqlServerConfig withConnectTimeout(Duration value) {
        return new MysqlServerConfig(bindHost, port, maxAllowedPacket, serverVersion, ioThreads, workerThreads,
                value, defaultAuthPlugin, tls, compression);
    }

    public MysqlServerConfig withDefaultAuthPlugin(AuthPlugin value) {
        return new MysqlServerConfig(bindHost, port, maxAllowedPacket, serverVersion, ioThreads, workerThreads,
                connectTimeout, value, tls, compression);
    }

    public MysqlServerConfig withTls(TlsSettings value) {
        return new MysqlServerConfig(bindHost, port, maxAllowedPacket, serverVersion, ioThreads, workerThreads,
                connectTimeout, defaultAuthPlugin, value, compression);
    }

    public MysqlServerConfig withCompression(boolean value) {
        return new MysqlServerConfig(bindHost, port, maxAllowedPacket, serverVersion, ioThreads, workerThreads,
                connectTimeout, defaultAuthPlugin, tls, value);
    }
}
