package io.basalt.tests.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.tests.harness.BasaltProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Server-side prepared queries reuse a plan made with their placeholders when the values allow
 * (whole numbers for integer placeholders), and so do written queries that differ only in the
 * whole numbers their WHERE compares with columns: every execution still returns what the query
 * with the values written in means, the plan follows DDL, and privileges are checked at each
 * execution.
 */
class PreparedPlanReuseTest {

    private static BasaltProcess basalt;

    @BeforeAll
    static void start() throws SQLException {
        basalt = BasaltProcess.start("prepared-plans", null, List.of(), List.of());
        try (Connection c = root(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE pp");
            s.execute("CREATE TABLE pp.t (id INT PRIMARY KEY, k BIGINT, name VARCHAR(20))");
            StringBuilder values = new StringBuilder();
            for (int i = 1; i <= 500; i++) {
                values.append(i == 1 ? "" : ", ").append("(").append(i).append(", ").append(i % 7)
                        .append(", 'n").append(i).append("')");
            }
            s.execute("INSERT INTO pp.t VALUES " + values);
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

    private static Connection serverPrepared(String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + basalt.mysqlPort() + "/pp?user=" + user
                + "&password=" + password + "&useServerPrepStmts=true&cachePrepStmts=false&useSSL=false"
                + "&allowPublicKeyRetrieval=true");
    }

    private static List<String> rows(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rows(rs);
        }
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rows(rs);
        }
    }

    /** Each row as its values joined by '|'. */
    private static List<String> rows(ResultSet rs) throws SQLException {
        List<String> out = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                row.append(i == 1 ? "" : "|").append(rs.getString(i));
            }
            out.add(row.toString());
        }
        return out;
    }

    @Test
    void repeatedExecutionsMatchTheQueryWithValuesWrittenIn() throws SQLException {
        try (Connection c = serverPrepared("root", "");
             PreparedStatement point = c.prepareStatement("SELECT name, k FROM t WHERE id = ?");
             PreparedStatement range = c.prepareStatement(
                     "SELECT k, COUNT(*), SUM(id) FROM t WHERE id BETWEEN ? AND ? GROUP BY k ORDER BY k");
             PreparedStatement limited = c.prepareStatement("SELECT id FROM t WHERE k = ? ORDER BY id LIMIT ?")) {
            for (int id : new int[] {1, 250, 500, 501, -3, 77}) {
                point.setInt(1, id);
                assertThat(rows(point)).as("id = %d", id)
                        .isEqualTo(rows(c, "SELECT name, k FROM t WHERE id = " + id));
            }
            for (int[] r : new int[][] {{1, 10}, {100, 300}, {490, 600}, {50, 40}}) {
                range.setInt(1, r[0]);
                range.setInt(2, r[1]);
                assertThat(rows(range)).as("between %d and %d", r[0], r[1]).isEqualTo(rows(c,
                        "SELECT k, COUNT(*), SUM(id) FROM t WHERE id BETWEEN " + r[0] + " AND " + r[1]
                                + " GROUP BY k ORDER BY k"));
            }
            limited.setLong(1, 3);
            limited.setInt(2, 4);
            assertThat(rows(limited)).containsExactly("3", "10", "17", "24");
            limited.setLong(1, 5);
            limited.setInt(2, 2);
            assertThat(rows(limited)).containsExactly("5", "12");

            // values that are not whole numbers take the written-in path, with MySQL's comparison rules
            point.setString(1, "250");
            assertThat(rows(point)).containsExactly("n250|5");
            point.setString(1, "250.0");
            assertThat(rows(point)).containsExactly("n250|5");
            point.setDouble(1, 249.5);
            assertThat(rows(point)).isEmpty();
            point.setNull(1, Types.INTEGER);
            assertThat(rows(point)).isEmpty();
            point.setLong(1, 1L << 40); // beyond INT: no row, and no overflow
            assertThat(rows(point)).isEmpty();
            point.setInt(1, 2);
            assertThat(rows(point)).containsExactly("n2|2");
        }
    }

    @Test
    void writtenQueriesThatDifferOnlyInNumbersGetTheirOwnAnswers() throws SQLException {
        try (Connection c = root(); Statement s = c.createStatement()) {
            s.execute("USE pp");
            for (int[] r : new int[][] {{1, 10}, {495, 600}, {-5, 3}, {40, 30}, {1, 500}}) {
                long expected = Math.max(0, Math.min(r[1], 500) - Math.max(r[0], 1) + 1);
                assertThat(rows(c, "SELECT COUNT(*) FROM t WHERE id BETWEEN " + r[0] + " AND " + r[1]))
                        .as("between %d and %d", r[0], r[1]).containsExactly(Long.toString(expected));
            }
            for (int id : new int[] {7, 499, 501}) {
                assertThat(rows(c, "SELECT name FROM t WHERE id = " + id))
                        .isEqualTo(id <= 500 ? List.of("n" + id) : List.of());
            }
            assertThat(rows(c, "SELECT name FROM t WHERE id = 3000000000")).isEmpty();
            assertThat(rows(c, "SELECT id FROM t WHERE k IN (1, 2) AND id < 20 ORDER BY id"))
                    .containsExactly("1", "2", "8", "9", "15", "16");
            assertThat(rows(c, "SELECT id FROM t WHERE k IN (3) AND id < 20 ORDER BY id"))
                    .containsExactly("3", "10", "17");
            assertThat(rows(c, "SELECT COUNT(*) FROM t WHERE id <> 5 AND id NOT BETWEEN 10 AND 19"))
                    .containsExactly("489");
            // a number compared with a string column keeps MySQL's rules: 'n5' is 0 as a number
            assertThat(rows(c, "SELECT COUNT(*) FROM t WHERE name = 5")).containsExactly("0");
            assertThat(rows(c, "SELECT COUNT(*) FROM t WHERE name = 0")).containsExactly("500");

            s.execute("CREATE TABLE pp.w (id INT PRIMARY KEY, v VARCHAR(10))");
            s.execute("INSERT INTO pp.w VALUES (1, 'old')");
            assertThat(rows(c, "SELECT v FROM w WHERE id = 1")).containsExactly("old");
            s.execute("DROP TABLE pp.w");
            s.execute("CREATE TABLE pp.w (id INT PRIMARY KEY, v VARCHAR(10))");
            s.execute("INSERT INTO pp.w VALUES (1, 'new')");
            assertThat(rows(c, "SELECT v FROM w WHERE id = 1")).containsExactly("new");
        }
    }

    @Test
    void thePlanFollowsDdl() throws SQLException {
        try (Connection admin = root(); Statement s = admin.createStatement();
             Connection c = serverPrepared("root", "")) {
            s.execute("CREATE TABLE pp.d (id INT PRIMARY KEY, v VARCHAR(10))");
            s.execute("INSERT INTO pp.d VALUES (1, 'old')");
            try (PreparedStatement ps = c.prepareStatement("SELECT v FROM d WHERE id = ?")) {
                ps.setInt(1, 1);
                assertThat(rows(ps)).containsExactly("old");
                s.execute("DROP TABLE pp.d");
                s.execute("CREATE TABLE pp.d (id INT PRIMARY KEY, v VARCHAR(10))");
                s.execute("INSERT INTO pp.d VALUES (1, 'new'), (2, 'two')");
                assertThat(rows(ps)).containsExactly("new");
                ps.setInt(1, 2);
                assertThat(rows(ps)).containsExactly("two");
                s.execute("DROP TABLE pp.d");
                assertThatThrownBy(() -> rows(ps)).isInstanceOf(SQLException.class)
                        .hasMessageContaining("doesn't exist");
            }
        }
    }

    @Test
    void privilegesAreCheckedAtEachExecution() throws SQLException {
        try (Connection admin = root(); Statement s = admin.createStatement()) {
            s.execute("CREATE USER 'reader'@'%' IDENTIFIED BY 'readerpw'");
            s.execute("GRANT SELECT ON pp.* TO 'reader'@'%'");
            try (Connection c = serverPrepared("reader", "readerpw");
                 PreparedStatement ps = c.prepareStatement("SELECT name FROM t WHERE id = ?")) {
                ps.setInt(1, 3);
                assertThat(rows(ps)).containsExactly("n3");
                s.execute("REVOKE SELECT ON pp.* FROM 'reader'@'%'");
                ps.setInt(1, 4);
                assertThatThrownBy(() -> rows(ps)).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(1142));
            }
        }
    }
}
