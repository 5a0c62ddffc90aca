package io.basalt.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import org.apache.arrow.driver.jdbc.ArrowFlightJdbcDriver;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * The Basalt JDBC driver: {@code jdbc:basalt://host1:9408[,host2:9408...][/database][?user=..&password=..]}.
 *
 * <p>Each node connection is a connection of Arrow's Avatica-based Flight SQL JDBC driver; this
 * driver adds the multi-host URL, failover of reads, routing of writes to the Raft leader and the
 * metadata Arrow's driver leaves empty (see {@link BasaltConnection}). It registers itself with
 * {@link DriverManager} when loaded, and through {@code META-INF/services/java.sql.Driver}.
 */
public final class BasaltDriver implements Driver {
    static final String NAME = "Basalt JDBC Driver";
    static final int MAJOR_VERSION = 0;
    static final int MINOR_VERSION = 1;
    static final String VERSION = MAJOR_VERSION + "." + MINOR_VERSION;

    private static final ArrowFlightJdbcDriver FLIGHT;

    static {
        FLIGHT = new ArrowFlightJdbcDriver();
        // Loading Arrow's driver registers it for jdbc:arrow-flight-sql: this jar offers one driver.
        for (Driver d : Collections.list(DriverManager.getDrivers())) {
            if (d.getClass() == ArrowFlightJdbcDriver.class) {
                try {
                    DriverManager.deregisterDriver(d);
                } catch (SQLException | SecurityException e) {
                    // harmless: it only accepts jdbc:arrow-flight-sql URLs
                }
            }
        }
        try {
            DriverManager.registerDriver(new BasaltDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Public for ServiceLoader and for tools that instantiate driver classes by name. */
    public BasaltDriver() {}

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        BasaltUrl parsed = BasaltUrl.parse(url, info);
        checkArrowMemoryAccess();
        return BasaltConnection.open(url, parsed, new NodeConnector(FLIGHT, parsed));
    }

    /**
     * Arrow reads the addresses of direct buffers, which Java 17 allows only with
     * {@code --add-opens=java.base/java.nio=ALL-UNNAMED}; without it the first query would fail
     * deep inside Arrow. Say so at connect time, in words a BI tool's user can act on.
     */
    private static void checkArrowMemoryAccess() throws SQLException {
        try {
            Class.forName(MemoryUtil.class.getName(), true, BasaltDriver.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            throw new SQLException("The Basalt JDBC driver needs the JVM option --add-opens=java.base/java.nio=ALL-UNNAMED "
                    + "(Arrow reads direct buffer addresses); add it to the JVM options of the application or tool",
                    "08001", e);
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return BasaltUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        BasaltUrl parsed = acceptsURL(url) ? BasaltUrl.parse(url, info) : null;
        List<DriverPropertyInfo> out = new ArrayList<>();
        out.add(property("user", parsed, "root", "account name"));
        out.add(property("password", parsed, "", "password"));
        out.add(property("useEncryption", parsed, "false", "TLS to the nodes"));
        out.add(property("disableCertificateVerification", parsed, "false", "accept any server certificate"));
        out.add(property("trustStore", parsed, null, "Java trust store with the nodes' CA"));
        out.add(property("trustStorePassword", parsed, null, "password of the trust store"));
        out.add(property("connectTimeoutMs", parsed, "10000", "connect timeout per node"));
        for (DriverProperty p : DriverProperty.values()) {
            out.add(property(p.propertyName(), parsed, p.defaultValue(), p.description()));
        }
        return out.toArray(new DriverPropertyInfo[0]);
    }

    private static DriverPropertyInfo property(String name, BasaltUrl url, String defaultValue, String description) {
        String value = url == null ? null : url.properties().get(name.toLowerCase(java.util.Locale.ROOT));
        DriverPropertyInfo i = new DriverPropertyInfo(name, value != null ? value : defaultValue);
        i.description = description;
        i.required = false;
        return i;
    }

    @Override
    public int getMajorVersion() {
        return MAJOR_VERSION;
    }

    @Override
    public int getMinorVersion() {
        return MINOR_VERSION;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return Logger.getLogger("io.basalt.jdbc");
    }
}
