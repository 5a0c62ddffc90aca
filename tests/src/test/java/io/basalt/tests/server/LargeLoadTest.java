package io.basalt.tests.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.BasaltServerExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A million rows load through SQL (INSERT ... SELECT over a cross join) and an aggregate with a
 * filter answers correctly, also after a restart that rebuilds the state from the log. Prints the
 * load rate and query time as facts; they are not asserted.
 */
@ExtendWith(BasaltServerExtension.class)
class LargeLoadTest {

    private static final String DIGITS = "a.x*100000 + b.x*10000 + c.x*1000 + d.x*100 + e.x*10 + f.x";

    @Test
    void loadsAMillionRowsAndAggregatesThem(BasaltProcess basalt) throws Exception {
        try (Connection c = basalt.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE big");
            s.execute("USE big");
            s.execute("CREATE TABLE d10 (x INT)");
            s.execute("INSERT INTO d10 VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)");
            s.execute("CREATE TABLE t (id BIGINT NOT NULL, x INT, y DECIMAL(10,2), s VARCHAR(20))");
            long start = System.nanoTime();
            int rows = s.executeUpdate("INSERT INTO t SELECT " + DIGITS + ", (" + DIGITS + ") % 1000, (" + DIGITS
                    + ") / 100, CONCAT('row', f.x) FROM d10 a, d10 b, d10 c, d10 d, d10 e, d10 f");
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            assertThat(rows).isEqualTo(1_000_000);
            System.out.printf("LargeLoadTest: loaded 1000000 rows in %.2f s (%.0f rows/s)%n", loadSeconds,
                    1_000_000 / loadSeconds);

            checkAggregates(s, true);
        }
        basalt.restart();
        try (Connection c = basalt.connect("big"); Statement s = c.createStatement()) {
            checkAggregates(s, false);
        }
    }

    private static void checkAggregates(Statement s, boolean print) throws Exception {
        long start = System.nanoTime();
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(x), SUM(y) FROM t WHERE x < 500 AND id >= 100000")) {
            double querySeconds = (System.nanoTime() - start) / 1e9;
            assertThat(rs.next()).isTrue();
            // ids 100000..999999 with x = id % 1000 < 500: 900 blocks of 500 rows.
            assertThat(rs.getLong(1)).isEqualTo(450_000);
            assertThat(rs.getLong(2)).isEqualTo(900L * (499L * 500 / 2));
            assertThat(rs.getBigDecimal(3)).isEqualByComparingTo(expectedSumY());
            if (print) {
                System.out.printf("LargeLoadTest: SELECT COUNT(*), SUM(x), SUM(y) ... WHERE over 1M rows in %.3f s%n",
                        querySeconds);
            }
        }
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(1_000_000);
        }
    }

    private static java.math.BigDecimal expectedSumY() {
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (long id = 100_000; id < 1_000_000; id++) {
            if (id % 1000 < 500) {
                sum = sum.add(java.math.BigDecimal.valueOf(id).divide(java.math.BigDecimal.valueOf(100)));
            }
        }
        return sum;
    }
}
