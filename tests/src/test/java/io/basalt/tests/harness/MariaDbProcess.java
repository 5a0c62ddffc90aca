package io.basalt.tests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throwaway MariaDB server (the distribution's {@code mariadbd}), started as a child process on a free
 * port on 127.0.0.1 with a fresh data directory and no grant tables. It is the reference MySQL-protocol
 * server that the conformance runner is validated against ({@code -Dbasalt.slt.server=mariadb}).
 */
public final class MariaDbProcess implements AutoCloseable {

    private final Path baseDir;
    private final int port;
    private final ServerProcess process;

    private MariaDbProcess(Path baseDir) {
        this.baseDir = baseDir;
        this.port = Ports.freePort();
        List<String> command = new ArrayList<>(List.of(binary("mariadbd"), "--no-defaults",
                "--datadir=" + baseDir.resolve("data"), "--port=" + port,
                "--socket=" + baseDir.resolve("mariadb.sock"), "--bind-address=127.0.0.1",
                "--skip-grant-tables", "--skip-log-bin", "--innodb-buffer-pool-size=256M"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
        this.process = new ServerProcess("mariadb", command, baseDir.resolve("mariadb.log"),
                new JdbcReadiness(jdbcUrl(null)), Duration.ofSeconds(60), Duration.ofSeconds(30));
    }

    /** Initializes a data directory under {@code tests/target/mariadb/} and starts the server on it. */
    public static MariaDbProcess start() {
        Path base;
        try {
            Path parent = RepoLayout.testsTarget().resolve("mariadb");
            Files.createDirectories(parent);
            base = Files.createTempDirectory(parent, "mariadb-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a MariaDB directory", e);
        }
        List<String> install = new ArrayList<>(List.of(binary("mariadb-install-db"), "--no-defaults",
                "--datadir=" + base.resolve("data"), "--auth-root-authentication-method=normal"));
        if ("root".equals(System.getProperty("user.name"))) {
            install.add("--user=root");
        }
        CommandResult installed = CommandRunner.run(install, Duration.ofMinutes(2));
        if (!installed.succeeded()) {
            throw new IllegalStateException("mariadb-install-db failed:\n" + installed.describe());
        }
        MariaDbProcess mariadb = new MariaDbProcess(base);
        mariadb.process.start();
        return mariadb;
    }

    /** A MariaDB Connector/J URL for root with {@code database} as the default (none when null). */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + (database == null ? "" : database) + "?user=root";
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return process.logFile();
    }

    /** Stops the server and deletes its data directory (some hundred MB); the log stays. */
    @Override
    public void close() {
        process.close();
        Path data = baseDir.resolve("data");
        try (Stream<Path> paths = Files.walk(data)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + data, e);
        }
    }

    /** {@code name} from the PATH, else from /usr/sbin or /usr/bin where Debian puts the MariaDB programs. */
    private static String binary(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : (path + ":/usr/sbin:/usr/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        throw new IllegalStateException(name + " not found on the PATH; install the mariadb-server package");
    }
}
