package io.basalt.tests.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Ready when a JDBC connection opens and {@code SELECT 1} returns 1. */
public final class JdbcReadiness implements ReadinessProbe {

    private final String url;

    /** @param url a JDBC URL with no database, e.g. {@code jdbc:mariadb://127.0.0.1:9030/?user=root} */
    public JdbcReadiness(String url) {
        this.url = url;
    }

    @Override
    public boolean ready() throws SQLException {
        // both MySQL Connector/J and MariaDB Connector/J know these two, in milliseconds
        Properties timeouts = new Properties();
        timeouts.setProperty("connectTimeout", "5000");
        timeouts.setProperty("socketTimeout", "10000");
        try (Connection c = DriverManager.getConnection(url, timeouts);
             Statement s = c.createStatement()) {
            s.setQueryTimeout(5);
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new SQLException("SELECT 1 did not return 1");
                }
                return true;
            }
        }
    }
}
