package io.basalt.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One open Flight SQL connection to one node. A Basalt connection holds one for reads (the node
 * it connected to) and one for writes (the Raft leader; the same link when that is the node).
 * Statements remember which link their delegates belong to and re-create them on a new link.
 */
final class NodeLink {
    private final HostAndPort node;
    private final Connection connection;

    NodeLink(HostAndPort node, Connection connection) {
        this.node = requireNonNull(node, "node");
        this.connection = requireNonNull(connection, "connection");
    }

    HostAndPort node() {
        return node;
    }

    /** Arrow's connection to the node. */
    Connection connection() {
        return connection;
    }

    /** Runs a statement that returns no rows (USE, SET) on this node's session. */
    void run(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException | RuntimeException e) {
            throw Failures.translate(e);
        }
    }

    void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            // a dead node's connection fails to say goodbye; nothing is left to release
        }
    }

    @Override
    public String toString() {
        return "NodeLink[" + node + "]";
    }
}
