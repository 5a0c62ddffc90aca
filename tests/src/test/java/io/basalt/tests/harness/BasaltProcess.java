package io.basalt.tests.harness;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real Basalt server, started as a child JVM on free ports on 127.0.0.1 and owned by the test.
 *
 * <pre>{@code
 * try (BasaltProcess basalt = BasaltProcess.start("my-test")) {
 *     try (Connection c = basalt.connect()) { ... }
 *     basalt.kill9();
 *     basalt.restart();   // same data directory and ports
 * }
 * }</pre>
 *
 * <p>It runs {@code server/target/basalt.jar}. When that jar is missing or older than the server's compiled
 * classes (a {@code mvn test} that stopped before {@code package}), it runs {@code io.basalt.server.Main}
 * from the test class path instead, which holds the server module and its dependencies.
 * {@code -Dbasalt.server.jvmArgs="..."} adds JVM options to the child.
 */
public final class BasaltProcess implements AutoCloseable {

    /** The server's main class, as the shaded jar's manifest names it. */
    public static final String MAIN_CLASS = "io.basalt.server.Main";

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Path dataDir;
    private final int mysqlPort;
    private final int httpPort;
    private final int flightPort;
    private final int raftPort;
    private final ServerProcess process;
    private final NodeHttp http;

    private BasaltProcess(String name, Path dataDir, NodePorts ports, List<String> extraArgs, List<String> jvmArgs) {
        this.name = requireNonNull(name, "name");
        String id = uniqueName(name);
        this.dataDir = (dataDir != null ? dataDir : RepoLayout.testsTarget().resolve("basalt-data").resolve(id))
                .toAbsolutePath();
        this.mysqlPort = ports.mysql();
        this.httpPort = ports.http();
        this.flightPort = ports.flight();
        this.raftPort = ports.raft();
        this.http = new NodeHttp(httpPort);
        List<String> command = new ArrayList<>();
        command.add(ServerProcess.javaBinary());
        command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
        String extraJvm = System.getProperty("basalt.server.jvmArgs", "").trim();
        if (!extraJvm.isEmpty()) {
            command.addAll(Arrays.asList(extraJvm.split("\\s+")));
        }
        command.addAll(jvmArgs);
        command.addAll(launchTarget());
        command.addAll(List.of(
                "--data-dir", this.dataDir.toString(),
                "--mysql-port", Integer.toString(mysqlPort),
                "--http-port", Integer.toString(httpPort),
                "--flight-port", Integer.toString(flightPort),
                "--raft-port", Integer.toString(raftPort)));
        command.addAll(extraArgs);
        Path log = RepoLayout.testsTarget().resolve("basalt-logs").resolve(id + ".log");
        this.process = new ServerProcess("basalt[" + name + "]", command, log,
                new JdbcReadiness(jdbcUrl(null)), START_TIMEOUT, STOP_TIMEOUT);
    }

    /** Starts a server with a fresh data directory {@code tests/target/basalt-data/<name>-<n>}. */
    public static BasaltProcess start(String name) {
        return start(name, null, List.of());
    }

    /**
     * Starts a server.
     *
     * @param name names the log file and data directory; made unique in this JVM
     * @param dataDir the data directory (created if missing; kept across {@link #restart()}); null for a fresh
     *                one under {@code tests/target/basalt-data/}
     * @param extraArgs more server arguments after the standard ones
     */
    public static BasaltProcess start(String name, Path dataDir, List<String> extraArgs) {
        return start(name, dataDir, extraArgs, List.of());
    }

    /** As {@link #start(String, Path, List)}, with JVM options for the server process (e.g. {@code -Xmx256m}). */
    public static BasaltProcess start(String name, Path dataDir, List<String> extraArgs, List<String> jvmArgs) {
        for (int attempt = 1;; attempt++) {
            try {
                return start(name, dataDir, NodePorts.allocate(), extraArgs, jvmArgs);
            } catch (RuntimeException e) {
                if (attempt >= PORT_ATTEMPTS || !portTaken(e)) {
                    throw e;
                }
            }
        }
    }

    /** Starts tried with fresh ports when a port was taken between choosing it and binding it. */
    static final int PORT_ATTEMPTS = 3;

    /**
     * Whether a start failed because a chosen port was in use by then: free ports are picked before
     * the server binds them, and another process (or an outgoing connection) may take one meanwhile.
     */
    static boolean portTaken(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Address already in use") || m.contains("Failed to bind"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * As {@link #start(String, Path, List, List)}, on ports chosen by the caller, e.g. a cluster member whose
     * Raft address the other members were given before it started.
     */
    public static BasaltProcess start(String name, Path dataDir, NodePorts ports, List<String> extraArgs,
                                      List<String> jvmArgs) {
        BasaltProcess basalt = new BasaltProcess(name, dataDir, requireNonNull(ports, "ports"), extraArgs, jvmArgs);
        try {
            if (dataDir == null) {
                deleteRecursively(basalt.dataDir);
            }
            Files.createDirectories(basalt.dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + basalt.dataDir, e);
        }
        basalt.process.start();
        return basalt;
    }

    /** Clears a data directory left by an earlier run of the tests (ids restart at 1 in every JVM). */
    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String uniqueName(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + INSTANCES.incrementAndGet();
    }

    /** {@code -jar basalt.jar}, or the server's main class from the test class path when the jar is stale or missing. */
    static List<String> launchTarget() {
        Path jar = RepoLayout.serverJar();
        String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        boolean serverOnClassPath = testClassPath != null && testClassPath.contains(RepoLayout.serverClasses().toString());
        if (Files.isRegularFile(jar) && !(serverOnClassPath && newerClassesThan(jar))) {
            return List.of("-jar", jar.toString());
        }
        if (testClassPath == null || testClassPath.isBlank()) {
            throw new IllegalStateException(jar + " does not exist; build it with: mvn -pl server -am package -DskipTests");
        }
        return List.of("-cp", testClassPath, MAIN_CLASS);
    }

    private static boolean newerClassesThan(Path jar) {
        Path classes = RepoLayout.serverClasses();
        if (!Files.isDirectory(classes)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(classes)) {
            FileTime jarTime = Files.getLastModifiedTime(jar);
            return files.filter(Files::isRegularFile).anyMatch(f -> {
                try {
                    return Files.getLastModifiedTime(f).compareTo(jarTime) > 0;
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    /** A MariaDB Connector/J URL for user root on the MySQL port, with {@code database} as default (none when null). */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + mysqlPort + "/" + (database == null ? "" : database) + "?user=root";
    }

    /** The same for MySQL Connector/J. */
    public String mysqlJdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + mysqlPort + "/" + (database == null ? "" : database)
                + "?user=root&useSSL=false&allowPublicKeyRetrieval=true";
    }

    /** A new connection as root with no default database. */
    public Connection connect() throws SQLException {
        return connect(null);
    }

    /** A new connection as root with {@code database} as its default. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database));
    }

    /** SIGTERM, wait up to 30 s, then SIGKILL. Returns the exit code. */
    public int stop() {
        return process.stop();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. Returns the exit code (137). */
    public int kill9() {
        return process.kill9();
    }

    /** Stops the server if it runs and starts it again on the same data directory and ports. */
    public void restart() {
        process.restart();
    }

    /** Starts the server again after {@link #stop()} or {@link #kill9()}. */
    public void start() {
        process.start();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return process.logFile();
    }

    /** The last {@code lines} lines of the server's log, for failure messages. */
    public String logTail(int lines) {
        return process.logTail(lines);
    }

    public int mysqlPort() {
        return mysqlPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public int flightPort() {
        return flightPort;
    }

    public int raftPort() {
        return raftPort;
    }

    /** The Raft address other members know this node by: {@code 127.0.0.1:<raft port>}. */
    public String raftAddress() {
        return "127.0.0.1:" + raftPort;
    }

    /** The node's HTTP port: its status, readiness, metrics and (when enabled) fault injection. */
    public NodeHttp http() {
        return http;
    }

    /** Stops the server if it runs; the data directory stays for post-mortems. */
    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return "BasaltProcess[" + name + ", mysql=127.0.0.1:" + mysqlPort + ", log=" + logFile() + "]";
    }
}
