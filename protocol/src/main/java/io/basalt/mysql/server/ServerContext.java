package io.basalt.mysql.server;

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
 */
record ServerContext(
        MysqlServerConfig config,
        io.basalt.session.SessionFactory sessions,
        Executor workers,
        Executor cancels,
        ServerStatistics statistics,
        OpenConnections connections) {}
