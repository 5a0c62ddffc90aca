package io.basalt.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One parameter value, kept so that it can be bound again to the statement prepared on another
 * node after a failover. Stream and LOB values are read into memory when they are set.
 */
@FunctionalInterface
interface Binding {
    void bind(PreparedStatement statement) throws SQLException;
}
