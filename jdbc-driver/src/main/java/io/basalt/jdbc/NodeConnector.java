package io.basalt.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.arrow.driver.jdbc.ArrowFlightJdbcDriver;

/**
 * Opens Arrow Flight SQL JDBC connections to single nodes, and finds a live node in a list.
 * Authentication happens here (basic credentials for a bearer token), so a refused password
 * fails at once and is not tried on the other nodes.
 */
final class NodeConnector {
    private static final String FLIGHT_PREFIX = "jdbc:arrow-flight-sql://";

    private final ArrowFlightJdbcDriver flight;
    private final Properties properties;

    NodeConnector(ArrowFlightJdbcDriver flight, BasaltUrl url) {
        this.flight = requireNonNull(flight, "flight");
        this.properties = url.flightProperties();
    }

    /** A new Flight SQL connection to one node. */
    Connection open(HostAndPort node) throws SQLException {
        Properties p = new Properties();
        p.putAll(properties);
        try {
            Connection c = flight.connect(FLIGHT_PREFIX + node.authority(), p);
            if (c == null) {
                throw new SQLException("the Flight SQL driver refused " + FLIGHT_PREFIX + node.authority(), "08001");
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            throw Failures.translate(e);
        }
    }

    /**
     * Connects to the first node of {@code order} that answers. Nodes that cannot be reached are
     * skipped; any other failure (wrong password, unknown database) ends the search.
     *
     * @param deadlineNanos {@link System#nanoTime()} after which no new walk of the list starts
     * @param pauseMillis pause between two walks (a restarting node, an election)
     */
    NodeLink openFirstLive(List<HostAndPort> order, long deadlineNanos, long pauseMillis, LinkSetup setup)
            throws SQLException {
        List<String> problems = new ArrayList<>();
        SQLException last = null;
        for (int round = 0; round == 0 || deadlineNanos - System.nanoTime() > 0; round++) {
            if (round > 0) {
                pause(pauseMillis);
                problems.clear();
            }
            for (HostAndPort node : order) {
                Connection c;
                try {
                    c = open(node);
                } catch (SQLException e) {
                    if (!Failures.isNodeFailure(Failures.classify(e))) {
                        throw e;
                    }
                    problems.add(node + ": " + e.getMessage());
                    last = e;
                    continue;
                }
                NodeLink link = new NodeLink(node, c);
                try {
                    setup.prepare(link);
                    return link;
                } catch (SQLException e) {
                    link.closeQuietly();
                    if (!Failures.isNodeFailure(Failures.classify(e))) {
                        throw e;
                    }
                    problems.add(node + ": " + e.getMessage());
                    last = e;
                }
            }
        }
        throw new SQLException("Could not connect to any Basalt node of " + order + ": " + String.join("; ", problems),
                "08001", last);
    }

    static void pause(long millis) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while looking for a live node", "08001", e);
        }
    }

    /** Brings a freshly opened node connection to the session's state (database, variables). */
    interface LinkSetup {
        void prepare(NodeLink link) throws SQLException;
    }
}
