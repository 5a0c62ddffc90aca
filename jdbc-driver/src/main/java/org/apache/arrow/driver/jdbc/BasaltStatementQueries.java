package org.apache.arrow.driver.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.flight.FlightInfo;

/**
 * Runs a query as a Flight SQL {@code CommandStatementQuery} (GetFlightInfo, then DoGet) on a
 * connection of Arrow's driver. Arrow's driver runs every statement as a prepared statement and
 * takes one whose prepare reports no result columns for an update; Basalt cannot describe the
 * result of SHOW, DESCRIBE or EXPLAIN before running it, so those come this way.
 *
 * <p>In Arrow's package for its package-private client handler and result set factory; the Basalt
 * driver's shaded jar relocates it with them.
 */
public final class BasaltStatementQueries {
    private BasaltStatementQueries() {}

    /** The rows of {@code sql}, streamed as Arrow's result sets stream them. */
    public static ResultSet query(Connection arrowConnection, String sql) throws SQLException {
        ArrowFlightConnection connection = arrowConnection.unwrap(ArrowFlightConnection.class);
        FlightInfo info = connection.getClientHandler().getInfo(sql);
        return ArrowFlightJdbcFlightStreamResultSet.fromFlightInfo(connection, info, null);
    }
}
