package io.basalt.server.session;

import static io.basalt.server.LocalDatabase.rows;
import static io.basalt.server.LocalDatabase.update;
import static io.basalt.server.LocalDatabase.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.FreshDatabaseTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** INSERT ... ON DUPLICATE KEY UPDATE, with MySQL's row counts and evaluation order. */
class OnDuplicateKeyUpdateTest extends FreshDatabaseTest {
    @BeforeEach
    void setUp() {
        rows(s, "CREATE DATABASE w; USE w");
        update(s, "CREATE TABLE hits (page VARCHAR(20) PRIMARY KEY, n INT NOT NULL, last_ref VARCHAR(20))");
    }

    @Test
    void insertsNewRowsAndUpdatesExistingOnes() {
        assertThat(update(s, "INSERT INTO hits VALUES ('home', 1, 'a') ON DUPLICATE KEY UPDATE n = n + 1")).isEqualTo(1);
        assertThat(update(s, "INSERT INTO hits VALUES ('home', 1, 'b') ON DUPLICATE KEY UPDATE n = n + 1, "
                + "last_ref = VALUES(last_ref)")).isEqualTo(2);
        // Unchanged row: 0 affected.
        assertThat(update(s, "INSERT INTO hits VALUES ('home', 1, 'c') ON DUPLICATE KEY UPDATE n = n")).isEqualTo(0);
        // One row inserted (1) and one updated (2).
        assertThat(update(s, "INSERT INTO hits (page, n, last_ref) VALUES ('home', 5, 'd'), ('about', 1, 'e') "
                + "ON DUPLICATE KEY UPDATE n = n + VALUES(n)")).isEqualTo(3);
        assertThat(rows(s, "SELECT page, n, last_ref FROM hits ORDER BY page"))
                .containsExactly(List.of("about", "1", "e"), List.of("home", "7", "b"));
    }

    @Test
    void assignmentsSeeEarlierAssignmentsAndTheRowAlias() {
        update(s, "INSERT INTO hits VALUES ('p', 10, 'x')");
        // Left to right: last_ref sees the new n.
        update(s, "INSERT INTO hits VALUES ('p', 3, 'y') ON DUPLICATE KEY UPDATE n = n * 2, last_ref = CONCAT('n=', n)");
        assertThat(rows(s, "SELECT n, last_ref FROM hits")).containsExactly(List.of("20", "n=20"));
        update(s, "INSERT INTO hits VALUES ('p', 3, 'z') AS fresh ON DUPLICATE KEY UPDATE n = hits.n + fresh.n, "
                + "last_ref = fresh.last_ref");
        assertThat(rows(s, "SELECT n, last_ref FROM hits")).containsExactly(List.of("23", "z"));
    }

    @Test
    void rowsOfOneStatementMeetEachOther() {
        assertThat(update(s, "INSERT INTO hits VALUES ('q', 1, 'a'), ('q', 1, 'b'), ('q', 1, 'c') "
                + "ON DUPLICATE KEY UPDATE n = n + 1, last_ref = VALUES(last_ref)")).isEqualTo(5);
        assertThat(rows(s, "SELECT page, n, last_ref FROM hits")).containsExactly(List.of("q", "3", "c"));
    }

    @Test
    void insertSelectUpdatesToo() {
        update(s, "INSERT INTO hits VALUES ('a', 1, NULL), ('b', 1, NULL)");
        update(s, "CREATE TABLE src (page VARCHAR(20), n INT)");
        update(s, "INSERT INTO src VALUES ('b', 10), ('c', 20)");
        assertThat(update(s, "INSERT INTO hits (page, n) SELECT page, n FROM src "
                + "ON DUPLICATE KEY UPDATE n = hits.n + VALUES(n)")).isEqualTo(3);
        assertThat(rows(s, "SELECT page, n FROM hits ORDER BY page"))
                .containsExactly(List.of("a", "1"), List.of("b", "11"), List.of("c", "20"));
    }

    @Test
    void uniqueKeysOtherThanThePrimaryKeyCollideToo() {
        update(s, "CREATE TABLE users (id INT PRIMARY KEY AUTO_INCREMENT, email VARCHAR(40) UNIQUE, logins INT)");
        update(s, "INSERT INTO users (email, logins) VALUES ('a@x', 1), ('b@x', 1)");
        assertThat(update(s, "INSERT INTO users (email, logins) VALUES ('b@x', 1) "
                + "ON DUPLICATE KEY UPDATE logins = logins + 1")).isEqualTo(2);
        assertThat(rows(s, "SELECT id, email, logins FROM users ORDER BY id"))
                .containsExactly(List.of("1", "a@x", "1"), List.of("2", "b@x", "2"));
        // Moving a row onto another row's key is a duplicate-key error and changes nothing.
        assertThatThrownBy(() -> update(s, "INSERT INTO users (id, email, logins) VALUES (2, 'z@x', 0) "
                + "ON DUPLICATE KEY UPDATE email = 'a@x'"))
                .isInstanceOfSatisfying(BasaltException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_ENTRY));
        assertThat(rows(s, "SELECT id, email, logins FROM users ORDER BY id"))
                .containsExactly(List.of("1", "a@x", "1"), List.of("2", "b@x", "2"));
    }

    @Test
    void strictChecksAndErrorsApplyToTheUpdatedRow() {
        update(s, "INSERT INTO hits VALUES ('k', 1, 'a')");
        assertThatThrownBy(() -> update(s, "INSERT INTO hits VALUES ('k', 1, 'a') ON DUPLICATE KEY UPDATE n = NULL"))
                .isInstanceOfSatisfying(BasaltException.class, e -> assertThat(e.code().mysqlErrno()).isEqualTo(1048));
        assertThatThrownBy(() -> update(s, "INSERT INTO hits VALUES ('k', 1, 'a') "
                + "ON DUPLICATE KEY UPDATE last_ref = 'far too long for the column'"))
                .isInstanceOfSatisfying(BasaltException.class, e -> assertThat(e.code().mysqlErrno()).isEqualTo(1406));
        assertThatThrownBy(() -> update(s, "INSERT INTO hits VALUES ('k', 1, 'a') ON DUPLICATE KEY UPDATE nope = 1"))
                .isInstanceOfSatisfying(BasaltException.class, e -> assertThat(e.code().mysqlErrno()).isEqualTo(1054));
        assertThat(rows(s, "SELECT page, n, last_ref FROM hits")).containsExactly(List.of("k", "1", "a"));
        assertThat(value(s, "SELECT COUNT(*) FROM hits")).isEqualTo("1");
    }
}
