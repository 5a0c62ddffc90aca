package io.basalt.tests.cluster;

import io.basalt.tests.harness.BasaltProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Client connections for the cluster tests. Every socket read is bounded: a node's write may wait up to its
 * 30 s write timeout, so a client gives up after 45 s rather than hang a test on a node that never answers.
 */
final class Sessions {

    private static final String TIMEOUTS = "&connectTimeout=3000&socketTimeout=45000";

    private Sessions() {
    }

    /** A connection to {@code node} with {@code database} as default (none when null). */
    static Connection open(BasaltProcess node, String database) throws SQLException {
        return DriverManager.getConnection(node.jdbcUrl(database) + TIMEOUTS);
    }

    /** As {@link #open}, with {@code basalt_read_consistency = 'LINEARIZABLE'} for the session. */
    static Connection openLinearizable(BasaltProcess node, String database) throws SQLException {
        Connection c = open(node, database);
        try (Statement s = c.createStatement()) {
            s.execute("SET basalt_read_consistency = 'LINEARIZABLE'");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Runs statements in order on a new connection to {@code node}. */
    static void execute(BasaltProcess node, String... sql) throws SQLException {
        try (Connection c = open(node, null); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // the connection is being thrown away because it broke; nothing more to learn from it
        }
    }
}
