package io.basalt.server.exec;

import static io.basalt.server.LocalDatabase.rows;
import static io.basalt.server.LocalDatabase.update;
import static io.basalt.server.LocalDatabase.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.OneSessionTest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MySQL's TIME: a signed duration from -838:59:59 to 838:59:59, with fractional seconds. */
class TimeTypeTest extends OneSessionTest {
    @BeforeAll
    static void setUp() {
        update(s, "CREATE DATABASE tt");
        update(s, "USE tt");
    }

    private static void assertError(String sql, ErrorCode code, String message) {
        assertThatThrownBy(() -> rows(s, sql)).isInstanceOfSatisfying(BasaltException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(message);
        });
    }

    /** The warnings of the last statement as "code message". */
    private static List<String> warnings() {
        return rows(s, "SHOW WARNINGS").stream().map(r -> r.get(1) + " " + r.get(2)).toList();
    }

    @Test
    void literalsCoverTheWholeRange() {
        assertThat(value(s, "SELECT TIME '100:00:00'")).isEqualTo("100:00:00");
        assertThat(value(s, "SELECT TIME '-01:30:00'")).isEqualTo("-01:30:00");
        assertThat(value(s, "SELECT TIME '1 10:00:00'")).isEqualTo("34:00:00");
        assertThat(value(s, "SELECT TIME '838:59:59'")).isEqualTo("838:59:59");
        assertThat(value(s, "SELECT TIME '-838:59:59'")).isEqualTo("-838:59:59");
        assertThat(value(s, "SELECT TIME '10:00:00.5'")).isEqualTo("10:00:00.5");
        assertThat(value(s, "SELECT TIME '-100:00:00.250'")).isEqualTo("-100:00:00.250");
        assertThat(value(s, "SELECT TIME '10:00'")).isEqualTo("10:00:00");
        assertError("SELECT TIME '839:00:00'", ErrorCode.TRUNCATED_WRONG_VALUE, "Incorrect TIME value: '839:00:00'");
        assertError("SELECT TIME '-838:59:59.000001'", ErrorCode.TRUNCATED_WRONG_VALUE, "Incorrect TIME value");
        assertError("SELECT TIME '10:60:00'", ErrorCode.TRUNCATED_WRONG_VALUE, "Incorrect TIME value: '10:60:00'");
    }

    @Test
    void castsAndCoercionsFollowMysql() {
        assertThat(value(s, "SELECT CAST('100:00:00' AS TIME)")).isEqualTo("100:00:00");
        assertThat(value(s, "SELECT CAST('-1 02:00:00' AS TIME)")).isEqualTo("-26:00:00");
        assertThat(value(s, "SELECT CAST(1234 AS TIME)")).isEqualTo("00:12:34");
        assertThat(value(s, "SELECT CAST(1000000 AS TIME)")).isEqualTo("100:00:00");
        assertThat(value(s, "SELECT CAST(-13000 AS TIME)")).isEqualTo("-01:30:00");
        assertThat(value(s, "SELECT CAST(123.5 AS TIME(1))")).isEqualTo("00:01:23.5");
        assertThat(value(s, "SELECT CAST('10:00:00.123456' AS TIME(3))")).isEqualTo("10:00:00.123");
        assertThat(value(s, "SELECT CAST('-00:00:01.5' AS TIME(1))")).isEqualTo("-00:00:01.5");
        assertThat(value(s, "SELECT CAST('2024-01-05 10:20:30' AS TIME)")).isEqualTo("10:20:30");
        assertThat(value(s, "SELECT CAST(NULL AS TIME)")).isNull();

        assertThat(value(s, "SELECT CAST('900:00:00' AS TIME)")).isEqualTo("838:59:59");
        assertThat(warnings()).containsExactly("1292 Truncated incorrect time value: '900:00:00'");
        assertThat(value(s, "SELECT CAST(-8390000 AS TIME)")).isEqualTo("-838:59:59");
        assertThat(warnings()).containsExactly("1292 Truncated incorrect time value: '-8390000'");
        assertThat(value(s, "SELECT CAST('abc' AS TIME)")).isNull();
        assertThat(warnings()).containsExactly("1292 Incorrect time value: 'abc'");
        assertThat(value(s, "SELECT CAST(1260 AS TIME)")).isNull();

        assertThat(value(s, "SELECT CAST(TIME '-01:30:00' AS CHAR)")).isEqualTo("-01:30:00");
        assertThat(value(s, "SELECT CAST(CAST('-01:30:00.25' AS TIME(6)) AS CHAR)")).isEqualTo("-01:30:00.250000");
        assertThat(value(s, "SELECT CONCAT(TIME '100:00:00.5', '')")).isEqualTo("100:00:00.5");
        assertThat(value(s, "SELECT TIME '-01:30:00' + 0")).isEqualTo("-13000");
        assertThat(value(s, "SELECT CAST(TIME '100:00:00' AS SIGNED)")).isEqualTo("1000000");
    }

    @Test
    void comparesAsDurationsAndWithStrings() {
        assertThat(value(s, "SELECT TIME '100:00:00' > TIME '23:59:59'")).isEqualTo("1");
        assertThat(value(s, "SELECT TIME '-01:00:00' < TIME '00:00:00'")).isEqualTo("1");
        assertThat(value(s, "SELECT TIME '-02:00:00' < TIME '-01:00:00'")).isEqualTo("1");
        assertThat(value(s, "SELECT TIME '100:00:00' = '100:00:00'")).isEqualTo("1");
        assertThat(value(s, "SELECT '4 04:00:00' = TIME '100:00:00'")).isEqualTo("1");
        assertThat(value(s, "SELECT TIME '-01:30:00' = '-1:30'")).isEqualTo("1");
        assertThat(value(s, "SELECT TIME '09:00:00' < '10:00:00'")).isEqualTo("1");
        assertThat(value(s, "SELECT GREATEST(TIME '100:00:00', TIME '-200:00:00')")).isEqualTo("100:00:00");
        assertThat(value(s, "SELECT TIME '01:00:00' BETWEEN '-10:00:00' AND '10:00:00'")).isEqualTo("1");
    }

    @Test
    void timeFunctionsWorkPastOneDayAndBelowZero() {
        assertThat(value(s, "SELECT TIMEDIFF('100:00:00', '-01:30:00')")).isEqualTo("101:30:00");
        assertThat(value(s, "SELECT TIMEDIFF(TIME '10:00:00', TIME '12:30:00')")).isEqualTo("-02:30:00");
        assertThat(value(s, "SELECT TIMEDIFF('2024-01-02 00:00:00', '2024-01-01 10:00:00')")).isEqualTo("14:00:00");
        assertThat(value(s, "SELECT TIMEDIFF(TIMESTAMP '2024-02-01 00:00:00', TIMESTAMP '2024-01-01 00:00:00')"))
                .isEqualTo("744:00:00");
        assertThat(value(s, "SELECT TIMEDIFF('10:00:00.5', '10:00:00')")).isEqualTo("00:00:00.5");
        assertThat(value(s, "SELECT TIMEDIFF('2025-01-01 00:00:00', '2024-01-01 00:00:00')")).isEqualTo("838:59:59");
        assertThat(warnings()).containsExactly("1292 Truncated incorrect time value: '8784:00:00'");
        assertThat(value(s, "SELECT TIMEDIFF('10:00:00', '2024-01-01 10:00:00')")).isNull();
        assertThat(value(s, "SELECT TIMEDIFF(NULL, '10:00:00')")).isNull();
        assertThat(value(s, "SELECT TIMEDIFF('10:00:00', NULL)")).isNull();

        assertThat(value(s, "SELECT ADDTIME('2024-01-01 23:00:00', '02:00:00')")).isEqualTo("2024-01-02 01:00:00");
        assertThat(value(s, "SELECT ADDTIME(TIMESTAMP '2024-01-01 00:00:00', '-01:00:00')")).isEqualTo("2023-12-31 23:00:00");
        assertThat(value(s, "SELECT ADDTIME(TIME '10:00:00', '100:00:00')")).isEqualTo("110:00:00");
        assertThat(value(s, "SELECT ADDTIME('10:00:00', '1 01:00:00.5')")).isEqualTo("35:00:00.5");
        assertThat(value(s, "SELECT ADDTIME(TIME '800:00:00', TIME '100:00:00')")).isEqualTo("838:59:59");
        assertThat(warnings()).hasSize(1).allMatch(w -> w.startsWith("1292 Truncated incorrect time value"));
        assertThat(value(s, "SELECT SUBTIME(TIME '01:00:00', '02:30:00')")).isEqualTo("-01:30:00");
        assertThat(value(s, "SELECT SUBTIME(TIMESTAMP '2024-01-01 00:00:00', '24:00:00')")).isEqualTo("2023-12-31 00:00:00");
        assertThat(value(s, "SELECT ADDTIME(NULL, '01:00:00')")).isNull();
        assertThat(value(s, "SELECT ADDTIME(TIME '01:00:00', '2024-01-01 01:00:00')")).isNull();
        assertThat(value(s, "SELECT SUBTIME(TIME '01:00:00', NULL)")).isNull();

        assertThat(value(s, "SELECT SEC_TO_TIME(90000)")).isEqualTo("25:00:00");
        assertThat(value(s, "SELECT SEC_TO_TIME(-5400)")).isEqualTo("-01:30:00");
        assertThat(value(s, "SELECT SEC_TO_TIME(1.5)")).isEqualTo("00:00:01.5");
        assertThat(value(s, "SELECT SEC_TO_TIME(3020399)")).isEqualTo("838:59:59");
        assertThat(value(s, "SELECT SEC_TO_TIME(3020400)")).isEqualTo("838:59:59");
        assertThat(warnings()).containsExactly("1292 Truncated incorrect time value: '3020400'");
        assertThat(value(s, "SELECT SEC_TO_TIME(NULL)")).isNull();

        assertThat(value(s, "SELECT TIME_TO_SEC('100:00:00')")).isEqualTo("360000");
        assertThat(value(s, "SELECT TIME_TO_SEC(TIME '-01:30:00')")).isEqualTo("-5400");
        assertThat(value(s, "SELECT TIME_TO_SEC(TIME '-838:59:59')")).isEqualTo("-3020399");
        assertThat(value(s, "SELECT TIME_TO_SEC('2024-01-01 10:00:00')")).isEqualTo("36000");
        assertThat(value(s, "SELECT TIME_TO_SEC(NULL)")).isNull();

        assertThat(value(s, "SELECT MAKETIME(100, 30, 0)")).isEqualTo("100:30:00");
        assertThat(value(s, "SELECT MAKETIME(-1, 30, 0)")).isEqualTo("-01:30:00");
        assertThat(value(s, "SELECT MAKETIME(1, 2, 3.5)")).isEqualTo("01:02:03.5");
        assertThat(value(s, "SELECT MAKETIME(10, 60, 0)")).isNull();
        assertThat(value(s, "SELECT MAKETIME(900, 0, 0)")).isEqualTo("838:59:59");
        assertThat(value(s, "SELECT MAKETIME(NULL, 1, 1)")).isNull();

        assertThat(value(s, "SELECT HOUR('100:00:00')")).isEqualTo("100");
        assertThat(value(s, "SELECT HOUR(TIME '-01:30:00')")).isEqualTo("1");
        assertThat(value(s, "SELECT MINUTE(TIME '-01:30:00')")).isEqualTo("30");
        assertThat(value(s, "SELECT SECOND('838:59:58')")).isEqualTo("58");
        assertThat(value(s, "SELECT MICROSECOND('10:00:00.000123')")).isEqualTo("123");
        assertThat(value(s, "SELECT HOUR('2024-01-01 10:00:00')")).isEqualTo("10");
        assertThat(value(s, "SELECT HOUR(NULL)")).isNull();
        assertThat(value(s, "SELECT MINUTE(NULL)")).isNull();
        assertThat(value(s, "SELECT SECOND(NULL)")).isNull();
        assertThat(value(s, "SELECT MICROSECOND(NULL)")).isNull();
        assertThat(value(s, "SELECT MICROSECOND(TIME '-00:00:01.5')")).isEqualTo("500000");
        assertThat(value(s, "SELECT EXTRACT(HOUR FROM TIME '-100:30:00')")).isEqualTo("-100");

        assertThat(value(s, "SELECT TIME('100:00:00')")).isEqualTo("100:00:00");
        assertThat(value(s, "SELECT TIME('2024-01-01 10:00:00.5')")).isEqualTo("10:00:00.5");
        assertThat(value(s, "SELECT TIME(NULL)")).isNull();

        assertThat(value(s, "SELECT TIME_FORMAT('100:00:00', '%H %k %h %i %s')")).isEqualTo("100 100 04 00 00");
        assertThat(value(s, "SELECT TIME_FORMAT('-01:30:00', '%H:%i')")).isEqualTo("-01:30");
        assertThat(value(s, "SELECT TIME_FORMAT('10:00:00.5', '%T.%f %p')")).isEqualTo("10:00:00.500000 AM");
        assertThat(value(s, "SELECT TIME_FORMAT('10:00:00', '%Y')")).isNull();
        assertThat(value(s, "SELECT TIME_FORMAT(NULL, '%H')")).isNull();

        assertThat(value(s, "SELECT DATE_ADD(TIME '10:00:00', INTERVAL 30 HOUR)")).isEqualTo("40:00:00");
        assertThat(value(s, "SELECT DATE_SUB(TIME '01:00:00', INTERVAL 2 HOUR)")).isEqualTo("-01:00:00");
        assertThat(value(s, "SELECT TIME '10:00:00' + INTERVAL '1:30' HOUR_MINUTE")).isEqualTo("11:30:00");
        // A day or more makes it a DATETIME on the current date, as in MySQL 8.0.28 and later.
        assertThat(value(s, "SELECT DATEDIFF(TIME '10:00:00' + INTERVAL 1 DAY, CURDATE())")).isEqualTo("1");
        assertThat(value(s, "SELECT TIME(DATE_ADD(TIME '10:00:00', INTERVAL '1 2' DAY_HOUR))")).isEqualTo("12:00:00");
        assertThat(value(s, "SELECT DATE_ADD('2024-01-01 10:00:00', INTERVAL '1:30' HOUR_MINUTE)"))
                .isEqualTo("2024-01-01 11:30:00");
        assertThat(value(s, "SELECT DATE_ADD(TIME '800:00:00', INTERVAL 100 HOUR)")).isNull();
        assertThat(value(s, "SELECT DATE_ADD(CAST(NULL AS TIME), INTERVAL 1 HOUR)")).isNull();

        assertThat(value(s, "SELECT TIMESTAMP('2024-01-01', '100:00:00')")).isEqualTo("2024-01-05 04:00:00");
        assertThat(value(s, "SELECT TIMESTAMP('2024-01-01', '-01:00:00')")).isEqualTo("2023-12-31 23:00:00");
        assertThat(value(s, "SELECT TIMESTAMP(NULL, '01:00:00')")).isNull();
    }

    @Test
    void periodsAndDateTrunc() {
        assertThat(value(s, "SELECT PERIOD_ADD(202401, 13)")).isEqualTo("202502");
        assertThat(value(s, "SELECT PERIOD_ADD(2401, 1)")).isEqualTo("202402");
        assertThat(value(s, "SELECT PERIOD_ADD(9912, 1)")).isEqualTo("200001");
        assertThat(value(s, "SELECT PERIOD_ADD(202401, -1)")).isEqualTo("202312");
        assertThat(value(s, "SELECT PERIOD_DIFF(202401, 202312)")).isEqualTo("1");
        assertThat(value(s, "SELECT PERIOD_DIFF(2401, 9912)")).isEqualTo("289");
        assertThat(value(s, "SELECT PERIOD_ADD(NULL, 1)")).isNull();
        assertThat(value(s, "SELECT PERIOD_DIFF(202401, NULL)")).isNull();
        assertError("SELECT PERIOD_ADD(202413, 1)", ErrorCode.WRONG_ARGUMENTS, "Incorrect arguments to period_add");
        assertError("SELECT PERIOD_DIFF(0, 202401)", ErrorCode.WRONG_ARGUMENTS, "Incorrect arguments to period_diff");

        String t = "TIMESTAMP '2024-05-17 10:35:12.5'";
        assertThat(value(s, "SELECT DATE_TRUNC('second', " + t + ")")).isEqualTo("2024-05-17 10:35:12");
        assertThat(value(s, "SELECT DATE_TRUNC('minute', " + t + ")")).isEqualTo("2024-05-17 10:35:00");
        assertThat(value(s, "SELECT DATE_TRUNC('hour', " + t + ")")).isEqualTo("2024-05-17 10:00:00");
        assertThat(value(s, "SELECT DATE_TRUNC('day', " + t + ")")).isEqualTo("2024-05-17 00:00:00");
        assertThat(value(s, "SELECT DATE_TRUNC('week', " + t + ")")).isEqualTo("2024-05-13 00:00:00");
        assertThat(value(s, "SELECT DATE_TRUNC('month', " + t + ")")).isEqualTo("2024-05-01 00:00:00");
        assertThat(value(s, "SELECT DATE_TRUNC('quarter', " + t + ")")).isEqualTo("2024-04-01 00:00:00");
        assertThat(value(s, "SELECT DATE_TRUNC('YEAR', " + t + ")")).isEqualTo("2024-01-01 00:00:00");
        assertThat(value(s, "SELECT DATE_TRUNC('hour', '2024-05-17 10:35:12')")).isEqualTo("2024-05-17 10:00:00");
        assertThat(value(s, "SELECT DATE_TRUNC('month', DATE '2024-05-17')")).isEqualTo("2024-05-01");
        assertThat(value(s, "SELECT DATE_TRUNC('day', NULL)")).isNull();
        assertError("SELECT DATE_TRUNC('hour', DATE '2024-05-17')", ErrorCode.WRONG_ARGUMENTS, "date_trunc");
        assertError("SELECT DATE_TRUNC('fortnight', " + t + ")", ErrorCode.WRONG_ARGUMENTS, "date_trunc");
    }

    @Test
    void columnsStoreTheRangeAndSortAsDurations() {
        update(s, "CREATE TABLE t (id INT PRIMARY KEY, tm TIME, tm6 TIME(6))");
        update(s, "INSERT INTO t VALUES (1, '838:59:59', '838:59:59'), (2, '-838:59:59', '-838:59:59.000000'),"
                + " (3, '-01:30:00', '-01:30:00.25'), (4, '100:00:00.5', '100:00:00.5'), (5, 1234, 1000000),"
                + " (6, NULL, NULL), (7, '1 10:00:00', '23:59:59.999999')");
        assertError("INSERT INTO t VALUES (8, '839:00:00', NULL)", ErrorCode.TRUNCATED_WRONG_VALUE,
                "Incorrect time value: '839:00:00' for column 'tm' at row 1");
        assertError("INSERT INTO t VALUES (8, NULL, '-838:59:59.000001')", ErrorCode.TRUNCATED_WRONG_VALUE,
                "Incorrect time value: '-838:59:59.000001' for column 'tm6' at row 1");
        assertError("INSERT INTO t VALUES (8, 8390000, NULL)", ErrorCode.TRUNCATED_WRONG_VALUE,
                "Incorrect time value: '8390000' for column 'tm' at row 1");
        update(s, "INSERT IGNORE INTO t VALUES (8, '900:00:00', '-900:00:00')");
        assertThat(warnings()).contains("1264 Out of range value for column 'tm' at row 1",
                "1264 Out of range value for column 'tm6' at row 1");

        List<List<String>> expected = List.of(
                List.of("2", "-838:59:59", "-838:59:59.000000"),
                List.of("3", "-01:30:00", "-01:30:00.250000"),
                List.of("5", "00:12:34", "100:00:00.000000"),
                List.of("7", "34:00:00", "23:59:59.999999"),
                List.of("4", "100:00:01", "100:00:00.500000"),
                List.of("1", "838:59:59", "838:59:59.000000"),
                List.of("8", "838:59:59", "-838:59:59.000000"));
        assertThat(rows(s, "SELECT id, tm, tm6 FROM t WHERE tm IS NOT NULL ORDER BY tm, id")).isEqualTo(expected);
        assertThat(rows(s, "SELECT MIN(tm), MAX(tm), MIN(tm6), MAX(tm6) FROM t"))
                .containsExactly(List.of("-838:59:59", "838:59:59", "-838:59:59.000000", "838:59:59.000000"));
        assertThat(rows(s, "SELECT id FROM t WHERE tm > '24:00:00' ORDER BY id"))
                .containsExactly(List.of("1"), List.of("4"), List.of("7"), List.of("8"));
        assertThat(rows(s, "SELECT id FROM t WHERE tm < 0 ORDER BY id")).containsExactly(List.of("2"), List.of("3"));
        assertThat(rows(s, "SELECT id FROM t WHERE tm = TIME '-01:30:00'")).containsExactly(List.of("3"));
        assertThat(value(s, "SELECT SUM(TIME_TO_SEC(tm)) FROM t WHERE id IN (3, 4)")).isEqualTo("354601");

        // The same rows after the write buffer became a Parquet segment.
        long tableId = db.state().catalog().table("tt", "t").id();
        db.state().stores().apply(tableId).flush();
        assertThat(rows(s, "SELECT id, tm, tm6 FROM t WHERE tm IS NOT NULL ORDER BY tm, id")).isEqualTo(expected);
        assertThat(rows(s, "SELECT MIN(tm), MAX(tm6) FROM t")).containsExactly(List.of("-838:59:59", "838:59:59.000000"));
        assertThat(rows(s, "SELECT id FROM t WHERE tm BETWEEN '-02:00:00' AND '35:00:00' ORDER BY id"))
                .containsExactly(List.of("3"), List.of("5"), List.of("7"));
        // Literals a segment's min/max statistics are checked against.
        assertThat(rows(s, "SELECT id FROM t WHERE tm < TIME '00:00:00' ORDER BY id"))
                .containsExactly(List.of("2"), List.of("3"));
        assertThat(rows(s, "SELECT id FROM t WHERE tm >= TIME '00:12:34' AND tm <= TIME '23:00:00'"))
                .containsExactly(List.of("5"));
        assertThat(rows(s, "SELECT COUNT(*) FROM t WHERE tm > TIME '23:59:59'")).containsExactly(List.of("4"));
    }

    @Test
    void aTimePrimaryKeyFindsNegativeAndLongValues() {
        update(s, "CREATE TABLE k (tm TIME PRIMARY KEY, v INT)");
        update(s, "INSERT INTO k VALUES ('-01:30:00', 1), ('100:00:00', 2), ('00:00:00', 3), ('-838:59:59', 4)");
        assertError("INSERT INTO k VALUES ('-1:30', 5)", ErrorCode.DUPLICATE_ENTRY, "Duplicate entry");
        db.state().stores().apply(db.state().catalog().table("tt", "k").id()).flush();
        assertThat(value(s, "SELECT v FROM k WHERE tm = TIME '-01:30:00'")).isEqualTo("1");
        assertThat(value(s, "SELECT v FROM k WHERE tm = '100:00:00'")).isEqualTo("2");
        assertThat(rows(s, "SELECT v FROM k ORDER BY tm DESC"))
                .containsExactly(List.of("2"), List.of("3"), List.of("1"), List.of("4"));
    }

    @Test
    void defaultsAndUserVariablesKeepTheDuration() {
        update(s, "CREATE TABLE d (id INT PRIMARY KEY, tm TIME NOT NULL DEFAULT '-01:30:00', tm2 TIME)");
        update(s, "SET @t = TIME '100:00:00.5'");
        update(s, "INSERT INTO d (id, tm2) VALUES (1, @t)");
        update(s, "INSERT INTO d (id, tm2) SELECT 2, ADDTIME(@t, '1:00:00')");
        assertThat(rows(s, "SELECT id, tm, tm2, @t FROM d ORDER BY id")).containsExactly(
                List.of("1", "-01:30:00", "100:00:01", "100:00:00.5"),
                List.of("2", "-01:30:00", "101:00:01", "100:00:00.5"));
        update(s, "ALTER TABLE d ADD COLUMN tm3 TIME NOT NULL");
        assertThat(value(s, "SELECT tm3 FROM d WHERE id = 1")).isEqualTo("00:00:00");
    }

    @Test
    void preparedStatementParametersAreDurations() {
        update(s, "CREATE TABLE p (id INT PRIMARY KEY, tm TIME)");
        try (io.basalt.session.PreparedStatement insert = s.prepare("INSERT INTO p VALUES (?, ?)")) {
            insert.execute(List.of(1L, java.time.Duration.ofHours(100))).close();
            insert.execute(List.of(2L, java.time.Duration.ofMinutes(-90))).close();
            insert.execute(List.of(3L, java.time.LocalTime.of(10, 0))).close();
            assertThatThrownBy(() -> insert.execute(List.of(4L, java.time.Duration.ofHours(839))))
                    .isInstanceOfSatisfying(BasaltException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.TRUNCATED_WRONG_VALUE));
        }
        try (io.basalt.session.PreparedStatement select = s.prepare("SELECT id, TIMEDIFF(tm, ?) FROM p ORDER BY id")) {
            try (io.basalt.session.QueryResult r = select.execute(List.of(java.time.Duration.ofMinutes(-30)))) {
                io.basalt.session.BatchStream stream = ((io.basalt.session.QueryResult.Rows) r).stream();
                assertThat(stream.next()).isTrue();
                org.apache.arrow.vector.TimeMicroVector v = (org.apache.arrow.vector.TimeMicroVector) stream.root().getVector(1);
                assertThat(List.of(v.get(0), v.get(1), v.get(2))).containsExactly(
                        (100 * 3600 + 1800) * 1_000_000L, -3600 * 1_000_000L, (10 * 3600 + 1800) * 1_000_000L);
            }
        }
    }
}
