package io.basalt.tests.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.BasaltServerExtension;
import io.basalt.tests.harness.CommandResult;
import io.basalt.tests.harness.MysqlCli;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** WITH RECURSIVE through the mysql CLI and Connector/J (server-side prepared), against a real server. */
@ExtendWith(BasaltServerExtension.class)
class RecursiveQueryTest {
    private static final String TREE = "WITH RECURSIVE chain (id, name, depth) AS ("
            + " SELECT id, name, 0 FROM rq.staff WHERE id = ?"
            + " UNION ALL"
            + " SELECT s.id, s.name, c.depth + 1 FROM rq.staff s JOIN chain c ON s.boss = c.id)"
            + " SELECT name, depth FROM chain ORDER BY depth, name";

    @Test
    void mysqlCliRunsARecursiveQuery(BasaltProcess basalt) {
        MysqlCli mysql = new MysqlCli(basalt.mysqlPort());
        CommandResult r = mysql.execute("WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq "
                + "WHERE n < 100) SELECT COUNT(*), SUM(n) FROM seq");
        assertThat(r.succeeded()).as(r.describe()).isTrue();
        assertThat(r.stdout()).contains("100\t5050");

        CommandResult deep = mysql.execute("WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq) "
                + "SELECT COUNT(*) FROM seq");
        assertThat(deep.succeeded()).isFalse();
        assertThat(deep.stderr()).contains("ERROR 3636 (HY000)").contains("cte_max_recursion_depth");

        CommandResult raised = mysql.execute("SET SESSION cte_max_recursion_depth = 3000; "
                + "WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 2500) "
                + "SELECT MAX(n) FROM seq");
        assertThat(raised.succeeded()).as(raised.describe()).isTrue();
        assertThat(raised.stdout()).contains("2500");
    }

    @Test
    void preparedRecursiveQueryTakesParameters(BasaltProcess basalt) throws Exception {
        try (Connection c = basalt.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS rq");
            s.execute("DROP TABLE IF EXISTS rq.staff");
            s.execute("CREATE TABLE rq.staff (id INT PRIMARY KEY, name VARCHAR(20), boss INT)");
            s.execute("INSERT INTO rq.staff VALUES (1, 'Ada', NULL), (2, 'Bo', 1), (3, 'Cy', 1), (4, 'Di', 2), "
                    + "(5, 'Ed', 4)");
        }
        String url = basalt.mysqlJdbcUrl("rq") + "&useServerPrepStmts=true&cachePrepStmts=true";
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(TREE)) {
            ps.setInt(1, 1);
            assertThat(rows(ps)).containsExactly("Ada/0", "Bo/1", "Cy/1", "Di/2", "Ed/3");
            ps.setInt(1, 2);
            assertThat(rows(ps)).containsExactly("Bo/0", "Di/1", "Ed/2");
            ps.setInt(1, 5);
            assertThat(rows(ps)).containsExactly("Ed/0");

            try (Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeQuery("WITH RECURSIVE r AS (SELECT n FROM r) SELECT * FROM r"))
                        .isInstanceOfSatisfying(SQLException.class, e -> {
                            assertThat(e.getErrorCode()).isEqualTo(3573);
                            assertThat(e.getSQLState()).isEqualTo("HY000");
                        });
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM staff")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(5);
                }
            }
        }
    }

    private static List<String> rows(PreparedStatement ps) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1) + "/" + rs.getInt(2));
            }
        }
        return out;
    }
}
