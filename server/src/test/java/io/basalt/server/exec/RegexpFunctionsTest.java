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

/** REGEXP_LIKE, REGEXP_INSTR, REGEXP_SUBSTR and REGEXP_REPLACE with MySQL 8 results and errors. */
class RegexpFunctionsTest extends OneSessionTest {
    private static void assertError(String sql, ErrorCode code, String message) {
        assertThatThrownBy(() -> value(s, sql)).isInstanceOfSatisfying(BasaltException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void regexpLikeIsCaseInsensitiveUnlessMatchTypeSaysC() {
        assertThat(value(s, "SELECT REGEXP_LIKE('Basalt', '^ba')")).isEqualTo("1");
        assertThat(value(s, "SELECT REGEXP_LIKE('Basalt', '^ba', 'c')")).isEqualTo("0");
        assertThat(value(s, "SELECT REGEXP_LIKE('Basalt', '^ba', 'ci')")).isEqualTo("1");
        assertThat(value(s, "SELECT REGEXP_LIKE('Basalt', '^ba', 'ic')")).isEqualTo("0");
        assertThat(value(s, "SELECT REGEXP_LIKE('abc', 'x')")).isEqualTo("0");
        assertThat(value(s, "SELECT REGEXP_LIKE('a\\nb', '^b')")).isEqualTo("0");
        assertThat(value(s, "SELECT REGEXP_LIKE('a\\nb', '^b', 'm')")).isEqualTo("1");
        assertThat(value(s, "SELECT REGEXP_LIKE('a\\nb', 'a.b')")).isEqualTo("0");
        assertThat(value(s, "SELECT REGEXP_LIKE('a\\nb', 'a.b', 'n')")).isEqualTo("1");
        assertThat(value(s, "SELECT 'Basalt' REGEXP '^BA'")).isEqualTo("1");
    }

    @Test
    void posixBracketClassesWorkAsInIcu() {
        assertThat(value(s, "SELECT REGEXP_LIKE('abc', '^[[:alpha:]]+$')")).isEqualTo("1");
        assertThat(value(s, "SELECT REGEXP_LIKE('ab1', '^[[:alpha:]]+$')")).isEqualTo("0");
        assertThat(value(s, "SELECT REGEXP_LIKE('a:', '^[[:alpha:]]+$')")).isEqualTo("0");
        assertThat(value(s, "SELECT REGEXP_SUBSTR('order 66 shipped', '[[:digit:]]+')")).isEqualTo("66");
        assertThat(value(s, "SELECT REGEXP_REPLACE('a b\tc', '[[:space:]]', '_')")).isEqualTo("a_b_c");
    }

    @Test
    void regexpInstrCountsCharactersFromOne() {
        assertThat(value(s, "SELECT REGEXP_INSTR('dog cat dog', 'dog')")).isEqualTo("1");
        assertThat(value(s, "SELECT REGEXP_INSTR('dog cat dog', 'dog', 2)")).isEqualTo("9");
        assertThat(value(s, "SELECT REGEXP_INSTR('dog cat dog', 'dog', 1, 2)")).isEqualTo("9");
        assertThat(value(s, "SELECT REGEXP_INSTR('dog cat dog', 'dog', 1, 3)")).isEqualTo("0");
        assertThat(value(s, "SELECT REGEXP_INSTR('dog cat dog', 'dog', 1, 1, 1)")).isEqualTo("4");
        assertThat(value(s, "SELECT REGEXP_INSTR('aa aaa aaaa', 'a{4}')")).isEqualTo("8");
        assertThat(value(s, "SELECT REGEXP_INSTR('Dog', 'd', 1, 1, 0, 'c')")).isEqualTo("0");
        assertThat(value(s, "SELECT REGEXP_INSTR('żółw żółw', 'ŻÓŁW', 2)")).isEqualTo("6");
        assertThat(value(s, "SELECT REGEXP_INSTR('abc', 'x', 4)")).isEqualTo("0");
    }

    @Test
    void regexpSubstrReturnsTheNthMatchOrNull() {
        assertThat(value(s, "SELECT REGEXP_SUBSTR('abc def ghi', '[a-z]+')")).isEqualTo("abc");
        assertThat(value(s, "SELECT REGEXP_SUBSTR('abc def ghi', '[a-z]+', 1, 3)")).isEqualTo("ghi");
        assertThat(value(s, "SELECT REGEXP_SUBSTR('abc def ghi', '[a-z]+', 6)")).isEqualTo("ef");
        assertThat(value(s, "SELECT REGEXP_SUBSTR('abc def ghi', '[a-z]+', 1, 4)")).isNull();
        assertThat(value(s, "SELECT REGEXP_SUBSTR('ABC', 'b', 1, 1, 'c')")).isNull();
    }

    @Test
    void regexpReplaceReplacesAllOrOneOccurrenceFromAPosition() {
        assertThat(value(s, "SELECT REGEXP_REPLACE('a b c', 'b', 'X')")).isEqualTo("a X c");
        assertThat(value(s, "SELECT REGEXP_REPLACE('abc def ghi', '[a-z]+', 'X', 1, 3)")).isEqualTo("abc def X");
        assertThat(value(s, "SELECT REGEXP_REPLACE('abc def ghi', '[a-z]+', 'X', 1, 0)")).isEqualTo("X X X");
        assertThat(value(s, "SELECT REGEXP_REPLACE('abc def ghi', '[a-z]+', 'X', 5)")).isEqualTo("abc X X");
        assertThat(value(s, "SELECT REGEXP_REPLACE('abc def ghi', '[a-z]+', 'X', 5, 2)")).isEqualTo("abc def X");
        assertThat(value(s, "SELECT REGEXP_REPLACE('John Smith', '(\\\\w+) (\\\\w+)', '$2, $1')")).isEqualTo("Smith, John");
        assertThat(value(s, "SELECT REGEXP_REPLACE('Aaa', 'a', 'b')")).isEqualTo("bbb");
        assertThat(value(s, "SELECT REGEXP_REPLACE('Aaa', 'a', 'b', 1, 0, 'c')")).isEqualTo("Abb");
        assertThat(value(s, "SELECT REGEXP_REPLACE('abc', 'x', 'y')")).isEqualTo("abc");
    }

    @Test
    void anyNullArgumentGivesNull() {
        assertThat(value(s, "SELECT REGEXP_LIKE(NULL, 'a')")).isNull();
        assertThat(value(s, "SELECT REGEXP_LIKE('a', NULL)")).isNull();
        assertThat(value(s, "SELECT REGEXP_LIKE('a', 'a', NULL)")).isNull();
        assertThat(value(s, "SELECT REGEXP_INSTR('a', 'a', NULL)")).isNull();
        assertThat(value(s, "SELECT REGEXP_SUBSTR(NULL, 'a')")).isNull();
        assertThat(value(s, "SELECT REGEXP_REPLACE('a', 'a', NULL)")).isNull();
        assertThat(value(s, "SELECT REGEXP_REPLACE('a', 'a', 'b', 1, NULL)")).isNull();
    }

    @Test
    void patternsFromColumnsAreCompiledPerValue() {
        rows(s, "CREATE DATABASE IF NOT EXISTS re; USE re; DROP TABLE IF EXISTS p; "
                + "CREATE TABLE p (id INT, s VARCHAR(20), pat VARCHAR(20)); "
                + "INSERT INTO p VALUES (1, 'apple', '^a'), (2, 'banana', 'an+'), (3, 'cherry', NULL), (4, 'date', '^a')");
        assertThat(rows(s, "SELECT id, REGEXP_LIKE(s, pat), REGEXP_SUBSTR(s, pat) FROM p ORDER BY id")).containsExactly(
                List.of("1", "1", "a"), List.of("2", "1", "an"), java.util.Arrays.asList("3", null, null),
                java.util.Arrays.asList("4", "0", null));
        assertThat(rows(s, "SELECT id FROM p WHERE REGEXP_LIKE(s, 'A') ORDER BY id"))
                .containsExactly(List.of("1"), List.of("2"), List.of("4"));
    }

    @Test
    void badPatternsAndArgumentsGiveMysqlErrors() {
        assertError("SELECT REGEXP_LIKE('a', '(')", ErrorCode.REGEXP_MISMATCHED_PAREN,
                "Mismatched parenthesis in regular expression.");
        assertError("SELECT REGEXP_LIKE('a', 'a)')", ErrorCode.REGEXP_MISMATCHED_PAREN,
                "Mismatched parenthesis in regular expression.");
        assertError("SELECT REGEXP_SUBSTR('a', '[a')", ErrorCode.REGEXP_MISSING_CLOSE_BRACKET,
                "The regular expression contains an unclosed bracket expression.");
        assertError("SELECT REGEXP_INSTR('a', '[z-a]')", ErrorCode.REGEXP_INVALID_RANGE,
                "The regular expression contains an [x-y] character range where x comes after y.");
        assertError("SELECT REGEXP_LIKE('a', '*')", ErrorCode.REGEXP_RULE_SYNTAX,
                "Syntax error in regular expression on line 1, character 1.");
        assertError("SELECT 'a' REGEXP '('", ErrorCode.REGEXP_MISMATCHED_PAREN,
                "Mismatched parenthesis in regular expression.");
        assertError("SELECT REGEXP_LIKE('a', '[[:<:]]a')", ErrorCode.REGEXP_ILLEGAL_ARGUMENT,
                "Illegal argument to a regular expression.");
        assertError("SELECT REGEXP_LIKE('a', 'a', 'x')", ErrorCode.WRONG_ARGUMENTS, "Incorrect arguments to regexp_like");
        assertError("SELECT REGEXP_INSTR('abc', 'b', 1, 1, 2)", ErrorCode.WRONG_ARGUMENTS,
                "Incorrect arguments to regexp_instr: return_option must be 1 or 0.");
        assertError("SELECT REGEXP_INSTR('abc', 'b', 5)", ErrorCode.REGEXP_INDEX_OUT_OF_BOUNDS,
                "Index out of bounds in regular expression search.");
        assertError("SELECT REGEXP_SUBSTR('abc', 'b', 0)", ErrorCode.REGEXP_INDEX_OUT_OF_BOUNDS,
                "Index out of bounds in regular expression search.");
        assertError("SELECT REGEXP_REPLACE('abc', 'b', '$1')", ErrorCode.REGEXP_INDEX_OUT_OF_BOUNDS,
                "Index out of bounds in regular expression search.");
    }
}
