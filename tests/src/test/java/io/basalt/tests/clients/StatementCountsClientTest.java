package io.basalt.tests.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.BasaltServerExtension;
import io.basalt.tests.harness.CommandResult;
import io.basalt.tests.harness.MysqlCli;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ROW_COUNT() and FOUND_ROWS() through MySQL Connector/J and the mysql CLI, against a real server. */
@ExtendWith(BasaltServerExtension.class)
class StatementCountsClientTest {

    @Test
    void connectorJSeesThePreviousStatementsCounts(BasaltProcess basalt) throws Exception {
        try (Connection c = DriverManager.getConnection(basalt.mysqlJdbcUrl(null)); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS counts_j");
            s.execute("DROP TABLE IF EXISTS counts_j.t");
            assertThat(single(s, "SELECT ROW_COUNT()")).isEqualTo(0); // DDL
            s.execute("CREATE TABLE counts_j.t (id INT PRIMARY KEY, v INT)");
            assertThat(s.executeUpdate("INSERT INTO counts_j.t VALUES (1, 0), (2, 0), (3, 0)")).isEqualTo(3);
            assertThat(single(s, "SELECT ROW_COUNT()")).isEqualTo(3);
            assertThat(single(s, "SELECT ROW_COUNT()")).isEqualTo(-1);

            assertThat(s.executeUpdate("UPDATE counts_j.t SET v = v + 1 WHERE id <= 2")).isEqualTo(2);
            assertThat(single(s, "SELECT ROW_COUNT()")).isEqualTo(2);
            assertThat(s.executeUpdate("DELETE FROM counts_j.t WHERE id = 3")).isEqualTo(1);
            assertThat(single(s, "SELECT ROW_COUNT()")).isEqualTo(1);

            s.executeUpdate("INSERT INTO counts_j.t VALUES (3, 0), (4, 0), (5, 0), (6, 0)");
            int read = 0;
            try (ResultSet rs = s.executeQuery("SELECT id FROM counts_j.t WHERE id <= 5 ORDER BY id")) {
                while (rs.next()) {
                    read++;
                }
            }
            assertThat(read).isEqualTo(5);
            assertThat(single(s, "SELECT FOUND_ROWS()")).isEqualTo(5);
            assertThat(single(s, "SELECT FOUND_ROWS()")).isEqualTo(1);

            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO counts_j.t VALUES (1, 9)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1062));
            assertThat(single(s, "SELECT ROW_COUNT()")).isEqualTo(-1);
        }
    }

    @Test
    void mysqlCliSeesFoundRows(BasaltProcess basalt) {
        MysqlCli mysql = new MysqlCli(basalt.mysqlPort());
        CommandResult setup = mysql.execute("CREATE DATABASE IF NOT EXISTS counts_cli; "
                + "DROP TABLE IF EXISTS counts_cli.t; CREATE TABLE counts_cli.t (id INT); "
                + "INSERT INTO counts_cli.t VALUES (1), (2), (3), (4), (5), (6), (7)");
        assertThat(setup.succeeded()).as(setup.describe()).isTrue();

        CommandResult r = mysql.execute("counts_cli", "INSERT INTO t VALUES (8), (9); SELECT ROW_COUNT() AS rc; "
                + "SELECT id FROM t WHERE id > 3 ORDER BY id; SELECT FOUND_ROWS() AS fr");
        assertThat(r.succeeded()).as(r.describe()).isTrue();
        assertThat(r.stdout()).contains("rc\n2\n").contains("fr\n6\n");

        CommandResult calc = mysql.execute("counts_cli", "SELECT SQL_CALC_FOUND_ROWS id FROM t ORDER BY id LIMIT 2; "
                + "SELECT FOUND_ROWS() AS calc");
        assertThat(calc.succeeded()).as(calc.describe()).isTrue();
        assertThat(calc.stdout()).contains("id\n1\n2\n").contains("calc\n9\n");
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            long v = rs.getLong(1);
            assertThat(rs.next()).as(sql).isFalse();
            return v;
        }
    }
}
