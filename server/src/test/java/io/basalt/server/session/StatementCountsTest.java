package io.basalt.server.session;

import static io.basalt.server.LocalDatabase.rows;
import static io.basalt.server.LocalDatabase.update;
import static io.basalt.server.LocalDatabase.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.server.FreshDatabaseTest;
import io.basalt.session.BatchStream;
import io.basalt.session.QueryResult;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ROW_COUNT() and FOUND_ROWS(): what the session's previous statement did, as MySQL reports it. */
class StatementCountsTest extends FreshDatabaseTest {
    @BeforeEach
    void setUp() {
        rows(s, "CREATE DATABASE c; USE c; CREATE TABLE t (id INT PRIMARY KEY, v INT)");
    }

    @Test
    void rowCountIsThePreviousStatementsAffectedRows() {
        assertThat(value(s, "SELECT ROW_COUNT()")).isEqualTo("0"); // the CREATE TABLE before it
        assertThat(update(s, "INSERT INTO t VALUES (1, 0), (2, 0), (3, 5)")).isEqualTo(3);
        assertThat(value(s, "SELECT ROW_COUNT()")).isEqualTo("3");
        // SELECT ROW_COUNT() returned a result set: the next one sees -1.
        assertThat(value(s, "SELECT ROW_COUNT()")).isEqualTo("-1");

        assertThat(update(s, "UPDATE t SET v = 5")).isEqualTo(2); // the row with v = 5 already is not changed
        assertThat(value(s, "SELECT ROW_COUNT()")).isEqualTo("2");
        assertThat(update(s, "REPLACE INTO t VALUES (1, 7)")).isEqualTo(2);
        assertThat(value(s, "SELECT ROW_COUNT()")).isEqualTo("2");
        assertThat(update(s, "DELETE FROM t WHERE id = 3")).isEqualTo(1);
        assertThat(value(s, "SELECT ROW_COUNT()")).isEqualTo("1");
        assertThat(update(s, "DELETE FROM t WHERE id = 42")).isEqualTo(0);
        assertThat(value(s, "SELECT ROW_COUNT()")).isEqualTo("0");

        update(s, "INSERT INTO t VALUES (10, 1)");
        update(s, "CREATE TABLE u (a INT)");
        assertThat(value(s, "SELECT ROW_COUNT()")).isEqualTo("0");

        rows(s, "SHOW TABLES");
        assertThat(value(s, "SELECT ROW_COUNT()")).isEqualTo("-1");

        update(s, "INSERT INTO t VALUES (11, 1)");
        assertThatThrownBy(() -> update(s, "INSERT INTO t VALUES (11, 2)")).isInstanceOf(BasaltException.class);
        assertThat(value(s, "SELECT ROW_COUNT()")).isEqualTo("-1");
    }

    @Test
    void foundRowsIsTheRowCountOfTheLastResultSet() {
        rows(s, "INSERT INTO t VALUES (1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 6)");
        assertThat(value(s, "SELECT FOUND_ROWS()")).isEqualTo("0");

        assertThat(rows(s, "SELECT id FROM t WHERE id <= 5")).hasSize(5);
        assertThat(value(s, "SELECT FOUND_ROWS()")).isEqualTo("5");
        // SELECT FOUND_ROWS() itself returned one row.
        assertThat(value(s, "SELECT FOUND_ROWS()")).isEqualTo("1");

        assertThat(rows(s, "SELECT id FROM t ORDER BY id LIMIT 2")).hasSize(2);
        // Statements without a result set leave it alone.
        update(s, "UPDATE t SET v = 0 WHERE id = 1");
        update(s, "SET @x = 1");
        assertThat(value(s, "SELECT FOUND_ROWS()")).isEqualTo("2");

        assertThat(rows(s, "SELECT id FROM t WHERE id > 100")).isEmpty();
        assertThat(value(s, "SELECT FOUND_ROWS()")).isEqualTo("0");
        int databases = rows(s, "SHOW DATABASES").size();
        assertThat(databases).isGreaterThan(1);
        assertThat(value(s, "SELECT FOUND_ROWS()")).isEqualTo(Integer.toString(databases));
    }

    @Test
    void sqlCalcFoundRowsCountsTheRowsWithoutTheLimit() {
        rows(s, "INSERT INTO t VALUES (1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 6)");
        assertThat(rows(s, "SELECT SQL_CALC_FOUND_ROWS id FROM t ORDER BY id LIMIT 2"))
                .containsExactly(List.of("1"), List.of("2"));
        assertThat(value(s, "SELECT FOUND_ROWS()")).isEqualTo("6");
        assertThat(rows(s, "SELECT SQL_CALC_FOUND_ROWS id FROM t ORDER BY id LIMIT 4, 10")).hasSize(2);
        assertThat(value(s, "SELECT FOUND_ROWS()")).isEqualTo("6");
        // A written WHERE with a number runs from a plan template.
        assertThat(rows(s, "SELECT SQL_CALC_FOUND_ROWS id FROM t WHERE id > 2 ORDER BY id LIMIT 1")).hasSize(1);
        assertThat(value(s, "SELECT FOUND_ROWS()")).isEqualTo("4");
        assertThat(rows(s, "SELECT SQL_CALC_FOUND_ROWS id FROM t WHERE id > 4 ORDER BY id LIMIT 1")).hasSize(1);
        assertThat(value(s, "SELECT FOUND_ROWS()")).isEqualTo("2");
        assertThat(rows(s, "SELECT SQL_CALC_FOUND_ROWS id FROM t UNION ALL SELECT id FROM t LIMIT 3")).hasSize(3);
        assertThat(value(s, "SELECT FOUND_ROWS()")).isEqualTo("12");
        assertThat(rows(s, "WITH x AS (SELECT id FROM t WHERE v > 1) SELECT SQL_CALC_FOUND_ROWS id FROM x LIMIT 1"))
                .hasSize(1);
        assertThat(value(s, "SELECT FOUND_ROWS()")).isEqualTo("5");
        assertThat(rows(s, "SELECT SQL_CALC_FOUND_ROWS v, COUNT(*) FROM t GROUP BY v ORDER BY v LIMIT 2")).hasSize(2);
        assertThat(value(s, "SELECT FOUND_ROWS()")).isEqualTo("6");
        // Without a LIMIT the rows sent are the count; without SQL_CALC_FOUND_ROWS the LIMIT counts.
        assertThat(rows(s, "SELECT SQL_CALC_FOUND_ROWS id FROM t WHERE id < 4")).hasSize(3);
        assertThat(value(s, "SELECT FOUND_ROWS()")).isEqualTo("3");
        assertThat(rows(s, "SELECT id FROM t ORDER BY id LIMIT 2")).hasSize(2);
        assertThat(value(s, "SELECT FOUND_ROWS()")).isEqualTo("2");

        io.basalt.session.PreparedStatement ps = s.prepare("SELECT SQL_CALC_FOUND_ROWS id FROM t WHERE id > ? LIMIT 1");
        for (long from : new long[] {1, 3}) {
            try (QueryResult r = ps.execute(List.of(from))) {
                BatchStream stream = ((QueryResult.Rows) r).stream();
                while (stream.next()) {
                    // read to the end
                }
            }
            assertThat(value(s, "SELECT FOUND_ROWS()")).isEqualTo(Long.toString(6 - from));
        }
        ps.close();
    }

    @Test
    void foundRowsCountsEveryBatchOfALargeResult() {
        rows(s, "CREATE TABLE ten (d INT); INSERT INTO ten VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
        long sent = 0;
        try (QueryResult r = s.execute("SELECT a.d FROM ten a, ten b, ten c, ten d, ten e")) {
            BatchStream stream = ((QueryResult.Rows) r).stream();
            while (stream.next()) {
                sent += stream.root().getRowCount();
            }
        }
        assertThat(sent).isEqualTo(100_000);
        assertThat(value(s, "SELECT FOUND_ROWS()")).isEqualTo("100000");
    }

    @Test
    void aResultClosedBeforeItsEndCountsTheRowsSent() {
        rows(s, "INSERT INTO t VALUES (1, 1), (2, 2)");
        QueryResult r = s.execute("SELECT id FROM t");
        r.close();
        assertThat(value(s, "SELECT FOUND_ROWS()")).isEqualTo("0");
    }

    @Test
    void writesEvaluateTheCountsOfTheStatementBeforeThem() {
        rows(s, "CREATE TABLE log (rc BIGINT, fr BIGINT)");
        update(s, "INSERT INTO t VALUES (1, 1), (2, 2), (3, 3)");
        update(s, "INSERT INTO log VALUES (ROW_COUNT(), FOUND_ROWS())");
        rows(s, "SELECT * FROM t WHERE id < 3");
        update(s, "INSERT INTO log SELECT ROW_COUNT(), FOUND_ROWS()");
        assertThat(rows(s, "SELECT rc, fr FROM log ORDER BY rc")).containsExactly(List.of("-1", "2"), List.of("3", "0"));
    }

    @Test
    void queriesThatShareAPlanStillSeeTheirOwnCounts() {
        update(s, "INSERT INTO t VALUES (1, 1), (2, 2), (3, 3)");
        // Written queries comparing a column with a number run from a shared plan template.
        assertThat(value(s, "SELECT ROW_COUNT() FROM t WHERE id = 1")).isEqualTo("3");
        update(s, "DELETE FROM t WHERE id = 3");
        assertThat(value(s, "SELECT ROW_COUNT() FROM t WHERE id = 2")).isEqualTo("1");
        assertThat(value(s, "SELECT FOUND_ROWS() FROM t WHERE id = 1")).isEqualTo("1");
    }

    @Test
    void preparedStatementsCountLikeWrittenOnes() {
        io.basalt.session.PreparedStatement insert = s.prepare("INSERT INTO t VALUES (?, ?)");
        try (QueryResult r = insert.execute(List.of(1L, 1L))) {
            assertThat(((QueryResult.UpdateCount) r).affectedRows()).isEqualTo(1);
        }
        assertThat(value(s, "SELECT ROW_COUNT()")).isEqualTo("1");
        io.basalt.session.PreparedStatement select = s.prepare("SELECT id FROM t WHERE id >= ?");
        try (QueryResult r = select.execute(List.of(0L))) {
            BatchStream stream = ((QueryResult.Rows) r).stream();
            while (stream.next()) {
                // read to the end
            }
        }
        assertThat(value(s, "SELECT FOUND_ROWS()")).isEqualTo("1");
    }
}
