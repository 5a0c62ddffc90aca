package io.basalt.mysql.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.mysql.server.fake.CannedResults;
import io.basalt.mysql.server.fake.FakeSessionFactory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code mysql} command-line client (MySQL's or MariaDB's) against the server. */
class MysqlCliTest {
    private static FakeSessionFactory sessions;
    private static MysqlServer server;
    private static Path mysql;

    /** Exit code and output of one client run. */
    private record Run(int exitCode, String stdout, String stderr) {}

    @BeforeAll
    static void start() throws Exception {
        mysql = onPath("mysql");
        assertThat(mysql).as("the mysql client must be installed (apt-get install mariadb-client)").isNotNull();
        sessions = new FakeSessionFactory();
        server = new MysqlServer(MysqlServerConfig.defaults().withPort(0).withIoThreads(1).withWorkerThreads(2), sessions);
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            sessions.close();
        }
    }

    @Test
    void printsEveryTypeAsMysqlDoes() throws Exception {
        Run run = mysql("--batch", "-e", "select all_types");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        String[] lines = run.stdout().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0].split("\t")).startsWith("c_bool", "c_tiny", "c_small", "c_int");
        assertThat(lines[1].split("\t", -1)).containsExactly("1", "-128", "-32768", "1", "-9223372036854775808", "0.1",
                "1e20", "2.5000", CannedResults.UNICODE, "ab", "long text", "\\0\u0001\u0002\ufffd", "\\0\u0001\u0002\ufffd",
                "2024-02-29", "2024-02-29 13:45:30", "2024-02-29 13:45:30.123456", "2024-02-29 13:45:30.123", "13:45:30.5",
                "NULL", "18446744073709551615");
        assertThat(lines[2].split("\t")).filteredOn(v -> !v.equals("NULL")).containsExactly("2");
    }

    @Test
    void reportsErrorsWithTheirCodeAndState() throws Exception {
        Run run = mysql("-e", "select 1; select missing");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("1");
        assertThat(run.stderr()).contains("ERROR 1146 (42S02) at line 1: Table 'shop.missing' doesn't exist");
    }

    @Test
    void pingsAndReportsStatusThroughMysqladmin() throws Exception {
        Path admin = onPath("mysqladmin");
        assertThat(admin).as("mysqladmin must be installed (apt-get install mariadb-client)").isNotNull();
        Run run = run(admin, "ping", "status");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("mysqld is alive").contains("Uptime: ").contains("Threads: ");
    }

    private static Run mysql(String... args) throws IOException, InterruptedException {
        return run(mysql, args);
    }

    private static Run run(Path program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(program.toString(), "--no-defaults", "-h127.0.0.1",
                "-P" + server.port(), "-uroot"));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("mysql", ".out");
        Path stderr = Files.createTempFile("mysql", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("client finished").isTrue();
            // Lenient decoding: binary column values are not valid UTF-8.
            return new Run(process.exitValue(), new String(Files.readAllBytes(stdout), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
