package io.basalt.server.exec;

import static io.basalt.server.LocalDatabase.rows;
import static io.basalt.server.LocalDatabase.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.OneSessionTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MySQL expression semantics, evaluated by the real planner and executor. */
class SemanticsTest extends OneSessionTest {
    @Test
    void arithmeticFollowsMysql() {
        assertThat(value(s, "SELECT 7/2")).isEqualTo("3.5000");
        assertThat(value(s, "SELECT 1/3")).isEqualTo("0.3333");
        assertThat(value(s, "SELECT 7 DIV 2")).isEqualTo("3");
        assertThat(value(s, "SELECT -7 DIV 2")).isEqualTo("-3");
        assertThat(value(s, "SELECT -7 % 3")).isEqualTo("-1");
        assertThat(value(s, "SELECT 5 / 0")).isNull();
        assertThat(value(s, "SELECT 5 DIV 0")).isNull();
        assertThat(value(s, "SELECT 2.50 * 2")).isEqualTo("5.00");
        assertThat(value(s, "SELECT 1e20 * 10")).isEqualTo("1e21");
        assertThat(value(s, "SELECT '3' + 4")).isEqualTo("7");
        assertThat(value(s, "SELECT - - 96 + CAST(90 AS SIGNED)")).isEqualTo("186");
        assertThatThrownBy(() -> value(s, "SELECT 9223372036854775807 + 1"))
                .isInstanceOfSatisfying(BasaltException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NUMERIC_OVERFLOW));
    }

    @Test
    void stringsCompareCaseInsensitivelyAndNumbersWithStringsAsDoubles() {
        assertThat(value(s, "SELECT 'abc' = 'ABC'")).isEqualTo("1");
        assertThat(value(s, "SELECT 'abc' = 'abc   '")).isEqualTo("1");
        assertThat(value(s, "SELECT '1.5' = 1")).isEqualTo("0");
        assertThat(value(s, "SELECT '10' > 9")).isEqualTo("1");
        assertThat(value(s, "SELECT 'Hello' LIKE 'h%O'")).isEqualTo("1");
        assertThat(value(s, "SELECT NULL = NULL")).isNull();
        assertThat(value(s, "SELECT NULL <=> NULL")).isEqualTo("1");
    }

    @Test
    void anyValueIsACondition() {
        assertThat(value(s, "SELECT CASE WHEN 5 THEN 'y' ELSE 'n' END")).isEqualTo("y");
        assertThat(value(s, "SELECT NOT 0")).isEqualTo("1");
        assertThat(value(s, "SELECT 2 AND 'x'")).isEqualTo("0");
        assertThat(value(s, "SELECT 1 XOR 1")).isEqualTo("0");
        assertThat(value(s, "SELECT IF('', 'y', 'n')")).isEqualTo("n");
    }

    @Test
    void castsAndFunctions() {
        assertThat(value(s, "SELECT CAST('12abc' AS SIGNED)")).isEqualTo("12");
        assertThat(value(s, "SELECT CAST(2.5 AS SIGNED)")).isEqualTo("3");
        assertThat(value(s, "SELECT CAST(1.239 AS DECIMAL(4,2))")).isEqualTo("1.24");
        assertThat(value(s, "SELECT CONCAT('a', 1, NULL)")).isNull();
        assertThat(value(s, "SELECT CONCAT_WS('-', 'a', NULL, 'b')")).isEqualTo("a-b");
        assertThat(value(s, "SELECT SUBSTRING('basalt', -3)")).isEqualTo("alt");
        assertThat(value(s, "SELECT LOCATE('SAL', 'basalt')")).isEqualTo("3");
        assertThat(value(s, "SELECT ROUND(-2.5)")).isEqualTo("-3");
        assertThat(value(s, "SELECT DATE_ADD('2024-01-31', INTERVAL 1 MONTH)")).isEqualTo("2024-02-29");
        assertThat(value(s, "SELECT DATEDIFF('2024-03-01', '2024-02-01')")).isEqualTo("29");
        assertThat(value(s, "SELECT DATE_FORMAT('2024-03-05 14:07:09', '%W %D %M %Y %H:%i:%s')"))
                .isEqualTo("Tuesday 5th March 2024 14:07:09");
        assertThat(value(s, "SELECT GREATEST(3, 10, 7)")).isEqualTo("10");
        assertThat(value(s, "SELECT COALESCE(NULL, NULL, 'z')")).isEqualTo("z");
    }

    @Test
    void aggregatesWindowsAndSetOperations() {
        db.state();
        rows(s, "CREATE DATABASE IF NOT EXISTS sem; USE sem; DROP TABLE IF EXISTS t; "
                + "CREATE TABLE t (g VARCHAR(5), x INT); INSERT INTO t VALUES ('a', 1), ('A', 2), ('b', 3), ('b', NULL)");
        assertThat(rows(s, "SELECT g, COUNT(*), COUNT(x), SUM(x), AVG(x) FROM t GROUP BY g ORDER BY g")).containsExactly(
                List.of("a", "2", "2", "3", "1.5000"), java.util.Arrays.asList("b", "2", "1", "3", "3.0000"));
        assertThat(rows(s, "SELECT x, ROW_NUMBER() OVER (ORDER BY x DESC) FROM t WHERE x IS NOT NULL ORDER BY x"))
                .containsExactly(List.of("1", "3"), List.of("2", "2"), List.of("3", "1"));
        assertThat(rows(s, "SELECT x FROM t WHERE x < 3 UNION SELECT 2 ORDER BY 1")).containsExactly(List.of("1"), List.of("2"));
        assertThat(value(s, "SELECT GROUP_CONCAT(x ORDER BY x DESC SEPARATOR '/') FROM t")).isEqualTo("3/2/1");
        assertThat(value(s, "SELECT COUNT(*) FROM t a JOIN t b ON a.g = b.g")).isEqualTo("8");
    }

    @Test
    void bitOperatorsWorkOnUnsigned64BitIntegers() {
        assertThat(value(s, "SELECT 1 | 4")).isEqualTo("5");
        assertThat(value(s, "SELECT 1 | 4 + 1")).isEqualTo("5");
        assertThat(value(s, "SELECT 12 & 10")).isEqualTo("8");
        assertThat(value(s, "SELECT 12 ^ 10")).isEqualTo("6");
        assertThat(value(s, "SELECT 1 << 3")).isEqualTo("8");
        assertThat(value(s, "SELECT 16 >> 2")).isEqualTo("4");
        assertThat(value(s, "SELECT -1 | 0")).isEqualTo("18446744073709551615");
        assertThat(value(s, "SELECT ~0")).isEqualTo("18446744073709551615");
        assertThat(value(s, "SELECT ~1")).isEqualTo("18446744073709551614");
        assertThat(value(s, "SELECT -8 & -1")).isEqualTo("18446744073709551608");
        assertThat(value(s, "SELECT 3 ^ -1")).isEqualTo("18446744073709551612");
        assertThat(value(s, "SELECT -1 >> 1")).isEqualTo("9223372036854775807");
        assertThat(value(s, "SELECT 1 << 64")).isEqualTo("0");
        assertThat(value(s, "SELECT 1 << 63")).isEqualTo("9223372036854775808");
        assertThat(value(s, "SELECT 2 << -1")).isEqualTo("0");
        assertThat(value(s, "SELECT 18446744073709551615 | 0")).isEqualTo("18446744073709551615");
        assertThat(value(s, "SELECT 18446744073709551615 >> 63")).isEqualTo("1");
        assertThat(value(s, "SELECT 1.6 | 0")).isEqualTo("2");
        assertThat(value(s, "SELECT '6' & 3")).isEqualTo("2");
        assertThat(value(s, "SELECT 1 | '18446744073709551614'")).isEqualTo("18446744073709551615");
        assertThat(value(s, "SELECT NULL | 1")).isNull();
        assertThat(value(s, "SELECT 1 & NULL")).isNull();
        assertThat(value(s, "SELECT NULL << 1")).isNull();
        assertThat(value(s, "SELECT ~NULL")).isNull();
    }

    @Test
    void bitOperatorsOnColumns() {
        rows(s, "CREATE DATABASE IF NOT EXISTS sem; USE sem; DROP TABLE IF EXISTS bits; "
                + "CREATE TABLE bits (id INT, a BIGINT, b BIGINT UNSIGNED); "
                + "INSERT INTO bits VALUES (1, 1, 4), (2, -1, 18446744073709551615), (3, NULL, 2)");
        assertThat(rows(s, "SELECT a | b, a & b, a ^ b, ~a, b >> 1, a << 1 FROM bits ORDER BY id")).containsExactly(
                List.of("5", "0", "5", "18446744073709551614", "2", "2"),
                List.of("18446744073709551615", "18446744073709551615", "0", "0", "9223372036854775807",
                        "18446744073709551614"),
                java.util.Arrays.asList(null, null, null, null, "1", null));
        assertThat(value(s, "SELECT COUNT(*) FROM bits WHERE (a | b) = 5")).isEqualTo("1");
        assertThat(value(s, "SELECT SUM(b & 6) FROM bits")).isEqualTo("12");
    }

    @Test
    void aWrongArgumentCountIsNotAnUnknownFunction() {
        for (String sql : List.of("SELECT ABS()", "SELECT ABS(1, 2)", "SELECT JSON_TYPE()", "SELECT CONCAT_WS('a')",
                "SELECT SUBSTRING('a')", "SELECT ROW_COUNT(1)")) {
            assertThatThrownBy(() -> value(s, sql)).as(sql).isInstanceOfSatisfying(BasaltException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.WRONG_PARAMETER_COUNT);
                assertThat(e.code().mysqlErrno()).isEqualTo(1582);
                assertThat(e.code().sqlState()).isEqualTo("42000");
                assertThat(e.getMessage()).startsWith("Incorrect parameter count in the call to native function '");
            });
        }
        assertThatThrownBy(() -> value(s, "SELECT ABS()")).hasMessage(
                "Incorrect parameter count in the call to native function 'ABS'");
        assertThatThrownBy(() -> value(s, "SELECT NO_SUCH_FUNCTION(1)")).isInstanceOfSatisfying(BasaltException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FUNCTION));
        assertThatThrownBy(() -> value(s, "SELECT NO_SUCH_FUNCTION()")).isInstanceOfSatisfying(BasaltException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FUNCTION));
    }
}
