package io.basalt.mysql.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.mysql.server.fake.CannedResults;
import io.basalt.mysql.server.fake.FakeSessionFactory;
import io.basalt.session.Credential;
import io.basalt.mysql.server.CommandLineClient.Run;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code mysql} command-line client (MySQL's or MariaDB's) against the server. */
class MysqlCliTest {
    private static FakeSessionFactory sessions;
    private static MysqlServer server;
    private static CommandLineClient mysql;

    @BeforeAll
    static void start() throws Exception {
        mysql = CommandLineClient.find("mysql");
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
        Run run = CommandLineClient.find("mysqladmin").run(server.port(), "-uroot", "ping", "status");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("mysqld is alive").contains("Uptime: ").contains("Threads: ");
    }

    @Test
    void killsThroughMysqladmin() throws Exception {
        Run run = CommandLineClient.find("mysqladmin").run(server.port(), "-uroot", "kill", "4242");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(sessions.last().executed()).anyMatch(sql -> sql.equalsIgnoreCase("kill 4242"));
    }

    @Test
    void logsInWithCachingSha2AndRefusesAPasswordSentInClearOverPlainTcp() throws Exception {
        sessions.rememberPassword("alice");
        Run run = mysql.run(server.port(), "-ualice", "-psecret", "--batch", "-e", "select 1");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("1\n1\n");
        assertThat(sessions.last().client().user()).isEqualTo("alice");
        assertThat(sessions.lastCredential()).isInstanceOf(Credential.CachingSha2Password.class);

        Run wrong = mysql.run(server.port(), "-ualice", "-pwrong", "-e", "select 1");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.stderr()).contains("ERROR 1045 (28000)");

        // MariaDB's client answers a full-authentication request on 127.0.0.1 with the password in
        // clear rather than RSA-encrypted; like mysqld, Basalt takes a clear password only over TLS.
        sessions.forgetPasswords();
        Run clear = mysql.run(server.port(), "-ualice", "-psecret", "-e", "select 1");
        assertThat(clear.exitCode()).isEqualTo(1);
        assertThat(clear.stderr()).contains("ERROR 1045 (28000)");
        assertThat(sessions.credentials()).noneMatch(c -> c instanceof Credential.Cleartext);
    }

    private static Run mysql(String... args) throws IOException, InterruptedException {
        return mysql.run(server.port(), prepend("-uroot", args));
    }

    static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
