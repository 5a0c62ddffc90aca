package io.basalt.server.session;

import static io.basalt.server.LocalDatabase.rows;
import static io.basalt.server.LocalDatabase.update;
import static io.basalt.server.LocalDatabase.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.FreshDatabaseTest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DDL and DML through the state machine: keys, defaults, strict checks, and MySQL's counts. */
class WriteTest extends FreshDatabaseTest {
    @BeforeEach
    void setUp() {
        rows(s, "CREATE DATABASE w; USE w");
    }

    private static ErrorCode codeOf(Runnable r) {
        try {
            r.run();
        } catch (BasaltException e) {
            return e.code();
        }
        throw new AssertionError("no error");
    }

    @Test
    void primaryKeysAutoIncrementAndReplace() {
        update(s, "CREATE TABLE t (id INT PRIMARY KEY AUTO_INCREMENT, v VARCHAR(5) DEFAULT 'd')");
        assertThat(update(s, "INSERT INTO t (v) VALUES ('a'), ('b')")).isEqualTo(2);
        assertThat(value(s, "SELECT LAST_INSERT_ID()")).isEqualTo("1");
        assertThat(codeOf(() -> update(s, "INSERT INTO t VALUES (1, 'x')"))).isEqualTo(ErrorCode.DUPLICATE_ENTRY);
        assertThat(update(s, "INSERT IGNORE INTO t VALUES (1, 'x'), (5, 'y')")).isEqualTo(1);
        assertThat(update(s, "REPLACE INTO t VALUES (1, 'r')")).isEqualTo(2);
        update(s, "INSERT INTO t () VALUES ()");
        assertThat(rows(s, "SELECT id, v FROM t ORDER BY id")).containsExactly(List.of("1", "r"), List.of("2", "b"),
                List.of("5", "y"), List.of("6", "d"));
    }

    @Test
    void strictModeRejectsBadValuesWithMysqlCodes() {
        update(s, "CREATE TABLE t (i TINYINT NOT NULL, d DECIMAL(4,2), c CHAR(3), dt DATE)");
        assertThat(codeOf(() -> update(s, "INSERT INTO t (i) VALUES (300)"))).isEqualTo(ErrorCode.OUT_OF_RANGE);
        assertThat(codeOf(() -> update(s, "INSERT INTO t (i) VALUES ('x')"))).isEqualTo(ErrorCode.INCORRECT_VALUE_FOR_FIELD);
        assertThat(codeOf(() -> update(s, "INSERT INTO t (i, d) VALUES (1, 123.4)"))).isEqualTo(ErrorCode.OUT_OF_RANGE);
        assertThat(codeOf(() -> update(s, "INSERT INTO t (i, c) VALUES (1, 'abcd')"))).isEqualTo(ErrorCode.DATA_TOO_LONG);
        assertThat(codeOf(() -> update(s, "INSERT INTO t (i, dt) VALUES (1, '2024-13-01')")))
                .isEqualTo(ErrorCode.TRUNCATED_WRONG_VALUE);
        assertThat(codeOf(() -> update(s, "INSERT INTO t (d) VALUES (1)"))).isEqualTo(ErrorCode.NO_DEFAULT_FOR_FIELD);
        assertThat(codeOf(() -> update(s, "INSERT INTO t VALUES (1, 2)"))).isEqualTo(ErrorCode.WRONG_VALUE_COUNT);
        update(s, "INSERT INTO t VALUES ('7', '1.005', 'ab ', '2024-2-9')");
        assertThat(rows(s, "SELECT * FROM t")).containsExactly(List.of("7", "1.01", "ab", "2024-02-09"));
        assertThat(value(s, "SELECT COUNT(*) FROM t")).isEqualTo("1");
    }

    @Test
    void updateAndDeleteCountAsMysqlDoes() {
        update(s, "CREATE TABLE t (k INT, n INT)");
        update(s, "INSERT INTO t VALUES (1, 1), (2, 2), (3, 3), (4, NULL)");
        assertThat(update(s, "UPDATE t SET n = 2 WHERE k <= 2")).as("changed rows only").isEqualTo(1);
        assertThat(update(s, "UPDATE t SET n = n + 10, k = n WHERE k = 3")).isEqualTo(1);
        assertThat(rows(s, "SELECT k, n FROM t WHERE n = 13")).as("SET sees earlier assignments")
                .containsExactly(List.of("13", "13"));
        assertThat(update(s, "DELETE FROM t WHERE n IS NULL OR k = 1")).isEqualTo(2);
        assertThat(update(s, "DELETE FROM t ORDER BY k DESC LIMIT 1")).isEqualTo(1);
        assertThat(rows(s, "SELECT k, n FROM t")).containsExactly(List.of("2", "2"));
    }

    @Test
    void alterTableFillsDefaultsAndKeepsData() {
        update(s, "CREATE TABLE t (a INT)");
        update(s, "INSERT INTO t VALUES (1), (2)");
        update(s, "ALTER TABLE t ADD COLUMN b VARCHAR(3) DEFAULT 'z', ADD COLUMN c INT");
        assertThat(rows(s, "SELECT a, b, c FROM t ORDER BY a")).containsExactly(Arrays.asList("1", "z", null),
                Arrays.asList("2", "z", null));
        update(s, "ALTER TABLE t DROP COLUMN a");
        assertThat(rows(s, "SELECT * FROM t")).hasSize(2).allSatisfy(r -> assertThat(r).hasSize(2));
        assertThat(codeOf(() -> update(s, "ALTER TABLE t DROP COLUMN a"))).isEqualTo(ErrorCode.CANT_DROP_FIELD_OR_KEY);
        assertThat(codeOf(() -> update(s, "CREATE TABLE t (x INT)"))).isEqualTo(ErrorCode.TABLE_EXISTS);
        assertThat(codeOf(() -> update(s, "DROP TABLE nope"))).isEqualTo(ErrorCode.BAD_TABLE);
        assertThat(codeOf(() -> update(s, "CREATE TABLE u (x INT, x INT)"))).isEqualTo(ErrorCode.DUPLICATE_COLUMN);
    }

    @Test
    void showCreateTableReadsBackToTheSameTable() {
        update(s, "CREATE TABLE t (id BIGINT NOT NULL AUTO_INCREMENT, name VARCHAR(10) DEFAULT 'n', price DECIMAL(8,2), "
                + "PRIMARY KEY (id), UNIQUE KEY uname (name))");
        String ddl = rows(s, "SHOW CREATE TABLE t").get(0).get(1);
        update(s, "DROP TABLE t");
        update(s, ddl);
        assertThat(rows(s, "SHOW CREATE TABLE t").get(0).get(1)).isEqualTo(ddl);
    }

    @Test
    void statementsAfterBeginAreCommittedAndRollbackSaysSo() {
        update(s, "CREATE TABLE t (a INT)");
        update(s, "BEGIN");
        update(s, "INSERT INTO t VALUES (1)");
        assertThatThrownBy(() -> update(s, "ROLLBACK")).isInstanceOfSatisfying(BasaltException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_SUPPORTED));
        assertThat(value(s, "SELECT COUNT(*) FROM t")).isEqualTo("1");
        update(s, "BEGIN");
        update(s, "ROLLBACK");
    }
}
