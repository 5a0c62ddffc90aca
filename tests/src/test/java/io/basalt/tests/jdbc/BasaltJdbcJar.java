package io.basalt.tests.jdbc;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.RepoLayout;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * The Basalt JDBC driver as a BI tool sees it: the shaded jar built by {@code jdbc-driver/},
 * alone in a class loader whose parent is the platform class loader (no application class path:
 * nothing from this test module, Arrow, gRPC or Netty is visible to it), and the driver found
 * through {@link ServiceLoader} as DriverManager would.
 */
public final class BasaltJdbcJar {
    private static Driver driver;
    private static URLClassLoader loader;

    private BasaltJdbcJar() {}

    /** The shaded jar: {@code -Dbasalt.jdbc.jar}, else {@code jdbc-driver/target/basalt-jdbc-*.jar}. */
    public static Path path() {
        String configured = System.getProperty("basalt.jdbc.jar");
        Path jar = configured != null && !configured.isBlank() ? Path.of(configured) : null;
        if (jar == null || !Files.isRegularFile(jar)) {
            Path target = RepoLayout.root().resolve("jdbc-driver/target");
            try (var files = Files.list(target)) {
                jar = files.filter(p -> p.getFileName().toString().matches("basalt-jdbc-.*\\.jar")
                        && !p.getFileName().toString().startsWith("original-")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                jar = null;
            }
        }
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("the Basalt JDBC driver jar is missing; build it with: "
                    + "mvn -pl jdbc-driver package -DskipTests");
        }
        return jar.toAbsolutePath();
    }

    /** The driver loaded from the jar alone (one loader per test JVM: the jar is 30 MB). */
    public static synchronized Driver driver() {
        if (driver == null) {
            try {
                loader = new URLClassLoader("basalt-jdbc", new URL[] {path().toUri().toURL()},
                        ClassLoader.getPlatformClassLoader());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
            List<Driver> found = new ArrayList<>();
            ServiceLoader.load(Driver.class, loader).forEach(found::add);
            if (found.size() != 1) {
                throw new IllegalStateException("expected one java.sql.Driver in the jar, found " + found);
            }
            driver = found.get(0);
        }
        return driver;
    }

    static ClassLoader loader() {
        driver();
        return loader;
    }

    static String url(BasaltProcess basalt, String database) {
        return "jdbc:basalt://127.0.0.1:" + basalt.flightPort() + "/" + (database == null ? "" : database)
                + "?user=root&password=";
    }

    public static Connection connect(String url) throws SQLException {
        return connect(url, new Properties());
    }

    static Connection connect(String url, Properties info) throws SQLException {
        Connection c = driver().connect(url, info);
        if (c == null) {
            throw new SQLException("the driver did not take " + url);
        }
        return c;
    }

    static Connection connect(BasaltProcess basalt) throws SQLException {
        return connect(url(basalt, null));
    }
}
