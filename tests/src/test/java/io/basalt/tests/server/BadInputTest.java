package io.basalt.tests.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.BasaltServerExtension;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input gets a clear error (or a closed connection) for that client only: other sessions keep
 * working and committed data stays.
 */
@ExtendWith(BasaltServerExtension.class)
class BadInputTest {
    private BasaltProcess basalt;

    @BeforeEach
    void setUp(BasaltProcess basalt) throws Exception {
        this.basalt = basalt;
        try (Connection c = basalt.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS bad");
            s.execute("CREATE TABLE IF NOT EXISTS bad.t (id INT NOT NULL, name VARCHAR(10))");
            s.execute("DELETE FROM bad.t");
            s.execute("INSERT INTO bad.t VALUES (1, 'one'), (2, 'two')");
        }
    }

    private void assertHealthy(Connection bystander) throws SQLException {
        try (Statement s = bystander.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(id) FROM bad.t")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(2);
            assertThat(rs.getLong(2)).isEqualTo(3);
        }
    }

    private static void assertError(Statement s, String sql, int errno, String sqlState, String messagePart) {
        assertThatThrownBy(() -> s.execute(sql)).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getErrorCode()).as(e.getMessage()).isEqualTo(errno);
            assertThat(e.getSQLState()).isEqualTo(sqlState);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    @Test
    void statementErrorsCarryMysqlCodesAndTheSessionGoesOn() throws Exception {
        try (Connection bystander = basalt.connect(); Connection c = basalt.connect("bad"); Statement s = c.createStatement()) {
            assertError(s, "SELEKT 1", 1064, "42000", "You have an error in your SQL syntax");
            assertError(s, "SELECT * FROM t WHERE", 1064, "42000", "near ''");
            assertError(s, "USE nowhere", 1049, "42000", "Unknown database 'nowhere'");
            assertError(s, "SELECT * FROM missing", 1146, "42S02", "Table 'bad.missing' doesn't exist");
            assertError(s, "SELECT * FROM nowhere.t", 1146, "42S02", "Table 'nowhere.t' doesn't exist");
            assertError(s, "SELECT 1 FROM t JOIN (SELECT * FROM nowhere.u) x ON true", 1146, "42S02",
                    "Table 'nowhere.u' doesn't exist");
            try (Statement noDatabase = bystander.createStatement()) {
                assertError(noDatabase, "SELECT * FROM nowhere.t", 1146, "42S02", "Table 'nowhere.t' doesn't exist");
                assertError(noDatabase, "SELECT * FROM t", 1046, "3D000", "No database selected");
            }
            assertError(s, "SELECT nope FROM t", 1054, "42S22", "Unknown column 'nope'");
            assertError(s, "INSERT INTO t VALUES ('abc', 'x')", 1366, "HY000", "Incorrect integer value: 'abc' for column 'id'");
            assertError(s, "INSERT INTO t VALUES (3, 'much too long')", 1406, "22001", "Data too long for column 'name'");
            assertError(s, "INSERT INTO t VALUES (NULL, 'x')", 1048, "23000", "Column 'id' cannot be null");
            assertError(s, "SELECT 9223372036854775807 + 1", 1690, "22003", "BIGINT value is out of range");
            assertError(s, "SELECT NOSUCHFUNC(1)", 1305, "42000", "does not exist");
            assertError(s, "SELECT JSON_EXTRACT(name, '$.a') FROM t", 3141, "22032",
                    "Invalid JSON text in argument 1 to function json_extract: \"Invalid value.\" at position 0.");
            assertError(s, "SELECT JSON_EXTRACT('[]', '$.')", 3143, "42000", "Invalid JSON path expression.");
            assertError(s, "SELECT name FROM t WHERE REGEXP_LIKE(name, 'o(')", 3691, "HY000",
                    "Mismatched parenthesis in regular expression.");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
            assertHealthy(bystander);
        }
    }

    @Test
    void aTwentyMegabyteStatementIsAnswered() throws Exception {
        StringBuilder sql = new StringBuilder(21 * 1024 * 1024).append("SELECT LENGTH('");
        String chunk = "0123456789abcdef".repeat(64);
        while (sql.length() < 20 * 1024 * 1024) {
            sql.append(chunk);
        }
        int expected = sql.length() - "SELECT LENGTH('".length();
        sql.append("')");
        try (Connection bystander = basalt.connect(); Connection c = basalt.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql.toString())) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(expected);
            assertHealthy(bystander);
        }
    }

    @Test
    void garbageInsteadOfAHandshakeClosesOnlyThatConnection() throws Exception {
        try (Connection bystander = basalt.connect()) {
            byte[] garbage = new byte[4096];
            new Random(42).nextBytes(garbage);
            for (byte[] bytes : new byte[][] {garbage, "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)}) {
                try (Socket socket = new Socket("127.0.0.1", basalt.mysqlPort())) {
                    socket.setSoTimeout(15_000);
                    InputStream in = socket.getInputStream();
                    OutputStream out = socket.getOutputStream();
                    readGreeting(in);
                    out.write(bytes);
                    out.flush();
                    // The server answers with at most an ERR packet and then closes: read to end of stream.
                    byte[] buf = new byte[8192];
                    int total = 0;
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        total += n;
                        assertThat(total).as("server must close the connection").isLessThan(64 * 1024);
                    }
                }
            }
            assertHealthy(bystander);
        }
    }

    private static void readGreeting(InputStream in) throws Exception {
        byte[] header = in.readNBytes(4);
        assertThat(header).hasSize(4);
        int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
        byte[] body = in.readNBytes(length);
        assertThat(body[0]).as("protocol version 10").isEqualTo((byte) 10);
    }
}
