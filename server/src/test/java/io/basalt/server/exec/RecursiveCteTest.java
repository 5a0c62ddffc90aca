package io.basalt.server.exec;

import static io.basalt.server.LocalDatabase.rows;
import static io.basalt.server.LocalDatabase.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.server.OneSessionTest;
import io.basalt.session.Session;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WITH RECURSIVE, as MySQL 8 runs it. */
class RecursiveCteTest extends OneSessionTest {
    @Test
    void countsWithoutADatabase() {
        assertThat(value(s, "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 5) "
                + "SELECT SUM(n) FROM c")).isEqualTo("15");
        assertThat(rows(s, "WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3) "
                + "SELECT n, n * n FROM c ORDER BY n DESC"))
                .containsExactly(List.of("3", "9"), List.of("2", "4"), List.of("1", "1"));
    }

    @Test
    void fibonacciCarriesSeveralColumns() {
        assertThat(rows(s, "WITH RECURSIVE fib (k, a, b) AS (SELECT 1, 0, 1 UNION ALL "
                + "SELECT k + 1, b, a + b FROM fib WHERE k < 10) SELECT k, a FROM fib WHERE k >= 8"))
                .containsExactly(List.of("8", "13"), List.of("9", "21"), List.of("10", "34"));
    }

    @Test
    void walksAHierarchyStoredInATable() {
        rows(s, "CREATE DATABASE IF NOT EXISTS org");
        rows(s, "CREATE TABLE org.staff (id INT PRIMARY KEY, name VARCHAR(20), boss INT)");
        rows(s, "INSERT INTO org.staff VALUES (1, 'Ada', NULL), (2, 'Bo', 1), (3, 'Cy', 1), (4, 'Di', 2), "
                + "(5, 'Ed', 4), (6, 'Fay', 3)");
        String chain = "WITH RECURSIVE chain (id, name, depth, path) AS ("
                + " SELECT id, name, 0, CAST(name AS CHAR(200)) FROM org.staff WHERE boss IS NULL"
                + " UNION ALL"
                + " SELECT s.id, s.name, c.depth + 1, CONCAT(c.path, ' > ', s.name)"
                + " FROM org.staff s JOIN chain c ON s.boss = c.id)"
                + " SELECT name, depth, path FROM chain ORDER BY depth, name";
        assertThat(rows(s, chain)).containsExactly(
                List.of("Ada", "0", "Ada"),
                List.of("Bo", "1", "Ada > Bo"),
                List.of("Cy", "1", "Ada > Cy"),
                List.of("Di", "2", "Ada > Bo > Di"),
                List.of("Fay", "2", "Ada > Cy > Fay"),
                List.of("Ed", "3", "Ada > Bo > Di > Ed"));
        // The same query as a prepared statement, and twice in a row (plans may be reused).
        assertThat(rows(s, chain)).hasSize(6);
    }

    @Test
    void unionDistinctStopsOnACycle() {
        rows(s, "CREATE DATABASE IF NOT EXISTS g");
        rows(s, "CREATE TABLE g.edges (src INT, dst INT)");
        rows(s, "INSERT INTO g.edges VALUES (1, 2), (2, 3), (3, 1), (3, 4), (7, 8)");
        assertThat(rows(s, "WITH RECURSIVE reach (node) AS (SELECT 1 UNION "
                + "SELECT e.dst FROM g.edges e JOIN reach r ON e.src = r.node) SELECT node FROM reach ORDER BY node"))
                .containsExactly(List.of("1"), List.of("2"), List.of("3"), List.of("4"));
    }

    @Test
    void recursionPastTheDepthLimitFails() {
        String upTo = "WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < %d) SELECT COUNT(*) FROM c";
        assertThat(value(s, String.format(upTo, 1001))).isEqualTo("1001");
        assertThatThrownBy(() -> value(s, String.format(upTo, 1002)))
                .isInstanceOfSatisfying(BasaltException.class, e -> {
                    assertThat(e.code().mysqlErrno()).isEqualTo(3636);
                    assertThat(e.getMessage()).isEqualTo("Recursive query aborted after 1001 iterations. "
                            + "Try increasing @@cte_max_recursion_depth to a larger value.");
                });
        assertThatThrownBy(() -> value(s, "WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) "
                + "SELECT COUNT(*) FROM c")).isInstanceOfSatisfying(BasaltException.class,
                        e -> assertThat(e.code().mysqlErrno()).isEqualTo(3636));

        Session other = db.session();
        try {
            rows(other, "SET SESSION cte_max_recursion_depth = 5000");
            assertThat(value(other, String.format(upTo, 4000))).isEqualTo("4000");
            rows(other, "SET SESSION cte_max_recursion_depth = 2");
            assertThat(value(other, String.format(upTo, 3))).isEqualTo("3");
            assertThatThrownBy(() -> value(other, String.format(upTo, 4))).isInstanceOf(BasaltException.class);
            // Writes evaluate their query at apply time, with the proposing session's limit.
            rows(other, "CREATE DATABASE IF NOT EXISTS gen");
            rows(other, "CREATE TABLE gen.numbers (n INT)");
            rows(other, "SET SESSION cte_max_recursion_depth = 3000");
            rows(other, "INSERT INTO gen.numbers WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c "
                    + "WHERE n < 2500) SELECT n FROM c");
            assertThat(value(other, "SELECT COUNT(*) FROM gen.numbers")).isEqualTo("2500");
        } finally {
            other.close();
        }
    }

    @Test
    void recursiveAndPlainItemsMix() {
        assertThat(rows(s, "WITH RECURSIVE base AS (SELECT 10 AS start), "
                + "c (n) AS (SELECT start FROM base UNION ALL SELECT n + 1 FROM c WHERE n < 12) "
                + "SELECT n FROM c ORDER BY n"))
                .containsExactly(List.of("10"), List.of("11"), List.of("12"));
        assertThat(value(s, "WITH RECURSIVE one AS (SELECT 1 AS x) SELECT x FROM one")).isEqualTo("1");
    }

    @Test
    void worksAsASubqueryAndJoinsItself() {
        assertThat(value(s, "SELECT (WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 4) "
                + "SELECT SUM(n) FROM c)")).isEqualTo("10");
        assertThat(rows(s, "WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3) "
                + "SELECT c1.n, c2.n FROM c c1 JOIN c c2 ON c2.n = c1.n + 1 ORDER BY c1.n"))
                .containsExactly(List.of("1", "2"), List.of("2", "3"));
    }

    @Test
    void recursivePartMayWidenItsColumns() {
        // The seed's 'a' is one character; the recursive part's values are kept whole.
        assertThat(rows(s, "WITH RECURSIVE c (n, s) AS (SELECT 1, 'a' UNION ALL "
                + "SELECT n + 1, CONCAT(s, 'b') FROM c WHERE n < 4) SELECT s FROM c ORDER BY n"))
                .containsExactly(List.of("a"), List.of("ab"), List.of("abb"), List.of("abbb"));
        assertThat(rows(s, "WITH RECURSIVE days (d) AS (SELECT DATE '2024-02-27' UNION ALL "
                + "SELECT d + INTERVAL 1 DAY FROM days WHERE d < '2024-03-01') SELECT d FROM days"))
                .containsExactly(List.of("2024-02-27"), List.of("2024-02-28"), List.of("2024-02-29"),
                        List.of("2024-03-01"));
    }

    @Test
    void unsupportedShapesGetMysqlErrors() {
        assertThatThrownBy(() -> rows(s, "WITH RECURSIVE c AS (SELECT n FROM c) SELECT * FROM c"))
                .isInstanceOfSatisfying(BasaltException.class, e -> {
                    assertThat(e.code().mysqlErrno()).isEqualTo(3573);
                    assertThat(e.getMessage()).contains("Recursive Common Table Expression 'c'");
                });
        assertThatThrownBy(() -> rows(s, "WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT COUNT(*) FROM c) "
                + "SELECT * FROM c")).isInstanceOfSatisfying(BasaltException.class,
                        e -> assertThat(e.code().mysqlErrno()).isEqualTo(3575));
        assertThatThrownBy(() -> rows(s, "WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c "
                + "WHERE n < 3 UNION ALL SELECT n + 10 FROM c WHERE n < 3) SELECT * FROM c"))
                .isInstanceOfSatisfying(BasaltException.class, e -> assertThat(e.code().mysqlErrno()).isEqualTo(1235));
        assertThatThrownBy(() -> rows(s, "WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c LIMIT 5) "
                + "SELECT * FROM c")).isInstanceOfSatisfying(BasaltException.class,
                        e -> assertThat(e.code().mysqlErrno()).isEqualTo(1235));
        // A subquery that aggregates some other table is fine in the recursive part.
        assertThat(value(s, "WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT n + (SELECT COUNT(*) FROM "
                + "(SELECT 1 AS one) o) FROM c WHERE n < 3) SELECT COUNT(*) FROM c")).isEqualTo("3");
        assertThat(value(s, "SELECT 1")).isEqualTo("1");
    }

    @Test
    void explainShowsTheRecursion() {
        assertThat(rows(s, "EXPLAIN WITH RECURSIVE c (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3) "
                + "SELECT * FROM c")).extracting(r -> r.get(0)).anyMatch(line -> line.contains("RepeatUnion"));
    }
}
