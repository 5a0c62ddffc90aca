package io.basalt.tests.harness;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Released JDBC drivers, each from its own jar in {@code tests/target/drivers} (copied there by
 * the build) and loaded in its own class loader, so several versions of one driver can be tested
 * in a single run.
 */
public final class JdbcDrivers {

    /** A driver release: its jar's file name, its Driver class and its URL scheme. */
    public enum Release {
        CONNECTOR_J_8("mysql-connector-j-8.4.0.jar", "com.mysql.cj.jdbc.Driver", "jdbc:mysql"),
        CONNECTOR_J_9("mysql-connector-j-9.5.0.jar", "com.mysql.cj.jdbc.Driver", "jdbc:mysql"),
        CONNECTOR_J_26("mysql-connector-j-26.10.0.jar", "com.mysql.cj.jdbc.Driver", "jdbc:mysql"),
        MARIADB_3("mariadb-java-client-3.5.11.jar", "org.mariadb.jdbc.Driver", "jdbc:mariadb");

        final String jar;
        final String driverClass;
        final String scheme;

        Release(String jar, String driverClass, String scheme) {
            this.jar = jar;
            this.driverClass = driverClass;
            this.scheme = scheme;
        }

        public boolean isMariaDb() {
            return scheme.equals("jdbc:mariadb");
        }
    }

    private static final Map<Release, Driver> LOADED = new ConcurrentHashMap<>();

    private JdbcDrivers() {}

    /**
     * Connects as root to 127.0.0.1:{@code port}, {@code database} as default (none when null),
     * with extra URL options such as {@code useServerPrepStmts=true}.
     */
    public static Connection connect(Release release, int port, String database, String options)
            throws SQLException {
        String url = release.scheme + "://127.0.0.1:" + port + "/" + (database == null ? "" : database)
                + "?user=root" + (release.isMariaDb() ? "" : "&useSSL=false&allowPublicKeyRetrieval=true")
                + (options == null || options.isEmpty() ? "" : "&" + options);
        Connection c = driver(release).connect(url, new Properties());
        if (c == null) {
            throw new SQLException("driver " + release + " refused " + url);
        }
        return c;
    }

    static Driver driver(Release release) {
        return LOADED.computeIfAbsent(release, r -> {
            Path jar = RepoLayout.testsTarget().resolve("drivers").resolve(r.jar);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing; the tests module's build copies it "
                        + "(mvn -pl tests generate-test-resources)");
            }
            try {
                URLClassLoader loader = new URLClassLoader("driver-" + r.name(), new URL[] {jar.toUri().toURL()},
                        ClassLoader.getPlatformClassLoader());
                return (Driver) loader.loadClass(r.driverClass).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | java.net.MalformedURLException e) {
                throw new IllegalStateException("cannot load " + r.driverClass + " from " + jar, e);
            }
        });
    }
}
