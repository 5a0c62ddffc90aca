package io.basalt.mysql.server;

import io.netty.handler.ssl.SslContext;
import java.util.concurrent.Executor;

/**
 * What every connection of one server shares.
 *
 * @param config listener settings
 * @param sessions opens sessions
 * @param workers runs session calls, never on an event loop
 * @param cancels runs {@code Session.cancel()} for disconnected clients; separate from the workers
 *     so a cancel is never queued behind the very statements it must stop
 * @param statistics counters for COM_STATISTICS
 * @param connections connections whose session is not yet released
 * @param capabilities the capability flags the greeting advertises
 * @param tls the TLS context for clients that ask for TLS, or null when TLS is off
 * @param rsaKey the key caching_sha2_password clients encrypt their password with over plain TCP
 */
record ServerContext(
        MysqlServerConfig config,
        io.basalt.session.SessionFactory sessions,
        Executor workers,
        Executor cancels,
        ServerStatistics statistics,
        OpenConnections connections,
        int capabilities,
        SslContext tls,
        AuthRsaKey rsaKey) {}
