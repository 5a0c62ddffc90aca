package io.basalt.mysql.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.mysql.server.CommandLineClient.Run;
import io.basalt.mysql.server.fake.FakeSession;
import io.basalt.mysql.server.fake.FakeSessionFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sysbench's OLTP read-only workload, a libmysqlclient-style client (libmariadb) that runs every
 * statement as a server-side prepared statement, plain and over TLS with compression.
 */
class SysbenchTest {
    @TempDir
    static Path certificates;

    private static FakeSessionFactory sessions;
    private static MysqlServer server;

    @BeforeAll
    static void start() throws Exception {
        sessions = new FakeSessionFactory();
        server = new MysqlServer(MysqlServerConfig.defaults().withPort(0).withIoThreads(2).withWorkerThreads(4)
                .withTls(TlsSettings.selfSigned(certificates)), sessions);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        assertThat(sessions.sessions()).allMatch(FakeSession::isClosed);
        assertThat(sessions.sessions()).allMatch(s -> s.openStatements() == 0);
        assertThat(sessions.allocatedBytes()).as("Arrow memory left behind").isZero();
        sessions.close();
    }

    @Test
    void oltpReadOnlyRunsOnServerSidePreparedStatements() throws Exception {
        for (List<String> options : List.of(List.of("--mysql-ssl=off"), List.of("--mysql-ssl=on", "--mysql-compression=on"))) {
            int known = sessions.sessions().size();
            Run run = sysbench(options);
            assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
            assertThat(number(run.stdout(), "transactions:\\s+(\\d+)")).isEqualTo(200);
            assertThat(number(run.stdout(), "ignored errors:\\s+(\\d+)")).isZero();
            // 10 point selects and 4 range selects per transaction.
            assertThat(number(run.stdout(), "read:\\s+(\\d+)")).isEqualTo(200 * 14);

            List<FakeSession> opened = sessions.sessions().subList(known, sessions.sessions().size());
            assertThat(opened).isNotEmpty();
            assertThat(opened).allMatch(s -> s.client().secureTransport() == options.contains("--mysql-ssl=on"));
            FakeSession worker = opened.stream().filter(s -> !s.bound().isEmpty()).findFirst().orElseThrow();
            assertThat(worker.prepared()).contains("SELECT c FROM sbtest1 WHERE id=?",
                    "SELECT SUM(k) FROM sbtest1 WHERE id BETWEEN ? AND ?");
            assertThat(worker.bound()).allMatch(values -> values.stream().allMatch(v -> v instanceof Long));
        }
    }

    private static Run sysbench(List<String> options) throws Exception {
        CommandLineClient sysbench = CommandLineClient.find("sysbench");
        List<String> args = new java.util.ArrayList<>(List.of("oltp_read_only", "--db-driver=mysql", "--mysql-host=127.0.0.1",
                "--mysql-port=" + server.port(), "--mysql-user=root", "--mysql-password=", "--tables=1",
                "--table-size=10000", "--threads=2", "--events=200", "--time=0", "--db-ps-mode=auto"));
        args.addAll(options);
        args.add("run");
        return sysbench.runIn(clientFiles(), args.toArray(String[]::new));
    }

    // sysbench 1.0 passes fixed file names to mysql_ssl_set: a client certificate and key, and the
    // CA to check the server with, all in its working directory.
    private static Path clientFiles() throws Exception {
        Path directory = certificates.resolve("sysbench");
        if (!Files.exists(directory.resolve("cacert.pem"))) {
            Files.createDirectories(directory);
            Path[] client = TlsFixtures.pemFiles(directory);
            Files.move(client[0], directory.resolve("client-cert.pem"));
            Files.move(client[1], directory.resolve("client-key.pem"));
            Files.copy(certificates.resolve(TlsSettings.SelfSigned.CERTIFICATE_FILE), directory.resolve("cacert.pem"));
        }
        return directory;
    }

    private static long number(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        assertThat(m.find()).as("%s in %s", regex, output).isTrue();
        return Long.parseLong(m.group(1));
    }
}
