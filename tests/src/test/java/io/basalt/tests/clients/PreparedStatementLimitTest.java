package io.basalt.tests.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.tests.harness.Await;
import io.basalt.tests.harness.BasaltProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * max_prepared_stmt_count bounds the prepared statements open on a node over all sessions: one
 * more fails with MySQL's error 1461, closing one or ending a session gives room back, and
 * SHOW GLOBAL STATUS reports the count.
 */
class PreparedStatementLimitTest {

    private static BasaltProcess basalt;

    @BeforeAll
    static void start() {
        basalt = BasaltProcess.start("prepared-limit", null, List.of("--max-prepared-stmt-count", "3"), List.of());
    }

    @AfterAll
    static void stop() {
        if (basalt != null) {
            basalt.close();
        }
    }

    private static Connection serverPrepared() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + basalt.mysqlPort()
                + "/?user=root&password=&useServerPrepStmts=true&cachePrepStmts=false&useSSL=false"
                // without it Connector/J quietly prepares on the client when the server refuses
                + "&emulateUnsupportedPstmts=false");
    }

    private static int openCount() throws SQLException {
        try (Connection c = DriverManager.getConnection(basalt.mysqlJdbcUrl(null)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Prepared_stmt_count'")) {
            assertThat(rs.next()).as("Prepared_stmt_count in SHOW GLOBAL STATUS").isTrue();
            return Integer.parseInt(rs.getString(2));
        }
    }

    @Test
    void oneMoreThanTheLimitFailsWith1461() throws Exception {
        try (Connection a = serverPrepared(); Connection b = serverPrepared()) {
            PreparedStatement p1 = a.prepareStatement("SELECT ?");
            PreparedStatement p2 = a.prepareStatement("SELECT ? + 1");
            PreparedStatement p3 = b.prepareStatement("SELECT ? + 2");
            assertThat(openCount()).isEqualTo(3);
            assertThatThrownBy(() -> b.prepareStatement("SELECT ? + 3")).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(1461);
                assertThat(e.getSQLState()).isEqualTo("42000");
                assertThat(e.getMessage()).contains("max_prepared_stmt_count").contains("3");
            });
            p2.close();
            // COM_STMT_CLOSE has no reply: wait until the server has handled it before using the room on b.
            Await.untilTrue("p2 released", Duration.ofSeconds(10), () -> openCount() == 2);
            try (PreparedStatement p4 = b.prepareStatement("SELECT ? + 4")) {
                p4.setInt(1, 1);
                try (ResultSet rs = p4.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(5);
                }
            }
            p1.close();
            p3.close();
        }
        // Sessions a and b end as their connections close, which may trail the client.
        Await.untilTrue("a's and b's statements released", Duration.ofSeconds(10), () -> openCount() == 0);
        // a session's statements are released when it ends, even those never closed
        try (Connection c = serverPrepared()) {
            c.prepareStatement("SELECT ?");
            c.prepareStatement("SELECT ? + 1");
            assertThat(openCount()).isEqualTo(2);
        }
        Await.untilTrue("open prepared statements back to 0", Duration.ofSeconds(10), () -> openCount() == 0);
    }
}
