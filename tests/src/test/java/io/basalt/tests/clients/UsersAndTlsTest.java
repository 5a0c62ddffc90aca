package io.basalt.tests.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.CommandResult;
import io.basalt.tests.harness.MysqlCli;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Accounts, passwords and TLS through real clients. The server offers caching_sha2_password first
 * (MySQL 8's default) and TLS with a certificate it generates, so every login path is exercised:
 * full authentication over TLS and over Connector/J's RSA key exchange, the fast path once the
 * account is cached, mysql_native_password, and require_secure_transport.
 */
class UsersAndTlsTest {

    private static final String SECRET = "Sw0rdf1sh-never-logged";
    private static BasaltProcess basalt;

    @BeforeAll
    static void start() throws SQLException {
        basalt = BasaltProcess.start("users-tls", null, List.of("--mysql-tls", "self-signed",
                "--default-auth-plugin", "caching_sha2_password", "--log-level", "DEBUG"), List.of());
        try (Connection c = root(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE app");
            s.execute("CREATE TABLE app.t (id INT PRIMARY KEY, v VARCHAR(10))");
            s.execute("INSERT INTO app.t VALUES (1, 'one')");
            s.execute("CREATE USER 'alice'@'%' IDENTIFIED BY '" + SECRET + "'");
            s.execute("GRANT SELECT ON app.* TO 'alice'@'%'");
            s.execute("CREATE USER 'bob'@'%' IDENTIFIED BY 'bobpw'");
            s.execute("GRANT SELECT ON app.* TO 'bob'@'%'");
            s.execute("CREATE USER 'carol'@'%' IDENTIFIED WITH mysql_native_password BY 'carolpw'");
        }
    }

    @AfterAll
    static void stop() {
        if (basalt != null) {
            basalt.close();
        }
    }

    private static Connection root() throws SQLException {
        return DriverManager.getConnection(basalt.mysqlJdbcUrl(null));
    }

    private static Connection connect(String user, String password, String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + basalt.mysqlPort() + "/app?user=" + user
                + "&password=" + password + "&" + options);
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    @Test
    void cachingSha2FullAuthenticationOverTlsThenTheFastPath() throws SQLException {
        try (Connection c = connect("alice", SECRET, "sslMode=REQUIRED")) {
            assertThat(single(c, "SELECT v FROM t WHERE id = 1")).isEqualTo("one");
            assertThat(single(c, "SELECT USER()")).startsWith("alice@");
        }
        // Cached now: the scramble alone logs in, without TLS and without the RSA key.
        try (Connection c = connect("alice", SECRET, "sslMode=DISABLED")) {
            assertThat(single(c, "SELECT COUNT(*) FROM t")).isEqualTo("1");
        }
    }

    @Test
    void cachingSha2FullAuthenticationByRsaKeyExchange() throws SQLException {
        try (Connection c = connect("bob", "bobpw", "sslMode=DISABLED&allowPublicKeyRetrieval=true")) {
            assertThat(single(c, "SELECT CURRENT_USER()")).startsWith("bob@");
        }
    }

    @Test
    void nativePasswordAccountsAndTheMysqlCliOverTls() {
        CommandResult r = new MysqlCli(basalt.mysqlPort()).run(List.of("--batch", "--ssl", "-ucarol", "-pcarolpw",
                "-e", "SELECT 'hello from carol'"), null, java.time.Duration.ofSeconds(30));
        assertThat(r.succeeded()).as(r.describe()).isTrue();
        assertThat(r.stdout()).contains("hello from carol");
    }

    @Test
    void wrongPasswordUnknownUserAndUnknownDatabaseAreRefusedClearly() {
        assertThatThrownBy(() -> connect("alice", "wrong", "sslMode=REQUIRED"))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> {
                    assertThat(((SQLException) e).getErrorCode()).isEqualTo(1045);
                    assertThat(((SQLException) e).getSQLState()).isEqualTo("28000");
                });
        assertThatThrownBy(() -> connect("mallory", "x", "sslMode=REQUIRED"))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(1045));
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + basalt.mysqlPort()
                + "/no_such_db?user=root&sslMode=REQUIRED"))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(1049));
    }

    @Test
    void privilegesAreEnforcedAndUsersCanBeChangedAndDropped() throws SQLException {
        try (Connection c = connect("alice", SECRET, "sslMode=REQUIRED"); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("INSERT INTO t VALUES (2, 'two')"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(1142));
        }
        try (Connection c = root(); Statement s = c.createStatement()) {
            s.execute("CREATE USER 'dave'@'%' IDENTIFIED BY 'first'");
            s.execute("GRANT SELECT ON app.* TO 'dave'@'%'");
            s.execute("ALTER USER 'dave'@'%' IDENTIFIED BY 'second'");
        }
        assertThatThrownBy(() -> connect("dave", "first", "sslMode=REQUIRED")).isInstanceOf(SQLException.class);
        try (Connection c = connect("dave", "second", "sslMode=REQUIRED")) {
            assertThat(single(c, "SELECT 1")).isEqualTo("1");
        }
        try (Connection c = root(); Statement s = c.createStatement()) {
            s.execute("DROP USER 'dave'@'%'");
        }
        assertThatThrownBy(() -> connect("dave", "second", "sslMode=REQUIRED"))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(1045));
    }

    @Test
    void requireSecureTransportRefusesPlainConnections() throws SQLException {
        try (Connection c = root(); Statement s = c.createStatement()) {
            s.execute("ADMIN SET FRONTEND CONFIG (\"require_secure_transport\" = \"true\")");
        }
        try {
            assertThatThrownBy(() -> connect("alice", SECRET, "sslMode=DISABLED"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(3159));
            try (Connection c = connect("alice", SECRET, "sslMode=REQUIRED")) {
                assertThat(single(c, "SELECT 2")).isEqualTo("2");
            }
        } finally {
            try (Connection c = DriverManager.getConnection(basalt.mysqlJdbcUrl(null) + "&sslMode=REQUIRED");
                    Statement s = c.createStatement()) {
                s.execute("ADMIN SET FRONTEND CONFIG (\"require_secure_transport\" = \"false\")");
            }
        }
    }

    @Test
    void passwordsNeverReachTheLogOrTheProcessList() throws Exception {
        try (Connection c = root(); Statement s = c.createStatement()) {
            // A failing statement is logged (at DEBUG): its password must be masked there too.
            assertThatThrownBy(() -> s.execute("CREATE USER 'eve'@'%' IDENTIFIED BY '" + SECRET + "' garbage"))
                    .isInstanceOf(SQLException.class);
            s.execute("CREATE USER 'frank'@'%' IDENTIFIED BY '" + SECRET + "'");
        }
        String log = Files.readString(basalt.logFile());
        assertThat(log).contains("statement failed").doesNotContain(SECRET);
        try (Connection c = root(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW CREATE USER 'frank'@'%'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).doesNotContain(SECRET);
        }
    }
}
