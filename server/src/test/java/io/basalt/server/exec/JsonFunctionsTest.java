package io.basalt.server.exec;

import static io.basalt.server.LocalDatabase.rows;
import static io.basalt.server.LocalDatabase.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.OneSessionTest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MySQL's JSON functions and the -> and ->> operators over text, with MySQL's output format and errors. */
class JsonFunctionsTest extends OneSessionTest {
    @BeforeAll
    static void setUp() {
        rows(s, "CREATE DATABASE IF NOT EXISTS js; USE js; "
                + "CREATE TABLE docs (id INT, doc VARCHAR(200)); "
                + "INSERT INTO docs VALUES (1, '{\"name\": \"Ann\", \"tags\": [\"a\", \"b\"], \"age\": 30}'), "
                + "(2, '{\"name\": \"Bob\", \"tags\": [], \"age\": null}'), (3, NULL), (4, '{\"name\": \"Cy\"}')");
    }

    private static void assertError(String sql, ErrorCode code, String message) {
        assertThatThrownBy(() -> value(s, sql)).isInstanceOfSatisfying(BasaltException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void objectsAndArraysPrintAsMysqlDoes() {
        assertThat(value(s, "SELECT JSON_OBJECT('k', 1)")).isEqualTo("{\"k\": 1}");
        assertThat(value(s, "SELECT JSON_OBJECT()")).isEqualTo("{}");
        assertThat(value(s, "SELECT JSON_ARRAY()")).isEqualTo("[]");
        // Keys sorted shortest first, then by bytes; a repeated key keeps its last value.
        assertThat(value(s, "SELECT JSON_OBJECT('bb', 1, 'a', 2, 'c', 3, 'a', 4)")).isEqualTo("{\"a\": 4, \"c\": 3, \"bb\": 1}");
        assertThat(value(s, "SELECT JSON_ARRAY(1, 'a\"b', NULL, TRUE, 1.50, 1e2, 0.1e0)"))
                .isEqualTo("[1, \"a\\\"b\", null, true, 1.50, 100.0, 0.1]");
        assertThat(value(s, "SELECT JSON_OBJECT('d', DATE '2024-01-02', 't', TIMESTAMP '2024-01-02 03:04:05')"))
                .isEqualTo("{\"d\": \"2024-01-02\", \"t\": \"2024-01-02 03:04:05.000000\"}");
    }

    @Test
    void nestedJsonFunctionsNestDocumentsWhileStringsStayStrings() {
        assertThat(value(s, "SELECT JSON_ARRAY(JSON_OBJECT('a', JSON_ARRAY(1, 2)), '[1]')"))
                .isEqualTo("[{\"a\": [1, 2]}, \"[1]\"]");
        assertThat(value(s, "SELECT JSON_OBJECT('x', JSON_EXTRACT('{\"a\": [1, {\"b\": null}]}', '$.a'))"))
                .isEqualTo("{\"x\": [1, {\"b\": null}]}");
        assertThat(value(s, "SELECT JSON_TYPE(JSON_EXTRACT(JSON_ARRAY(1.50, 2), '$[0]'))")).isEqualTo("DECIMAL");
        assertThat(value(s, "SELECT JSON_LENGTH(JSON_ARRAY(1, 2, 3))")).isEqualTo("3");
    }

    @Test
    void extractFollowsPaths() {
        String doc = "'{\"a\": {\"b\": [10, 20, {\"c\": \"x\"}]}, \"d\": 1.5, \"e b\": true}'";
        assertThat(value(s, "SELECT JSON_EXTRACT(" + doc + ", '$.a.b[2].c')")).isEqualTo("\"x\"");
        assertThat(value(s, "SELECT JSON_EXTRACT(" + doc + ", '$.a.b[0]')")).isEqualTo("10");
        assertThat(value(s, "SELECT JSON_EXTRACT(" + doc + ", '$.d')")).isEqualTo("1.5");
        assertThat(value(s, "SELECT JSON_EXTRACT(" + doc + ", '$.\"e b\"')")).isEqualTo("true");
        assertThat(value(s, "SELECT JSON_EXTRACT(" + doc + ", '$.a.b[last]')")).isEqualTo("{\"c\": \"x\"}");
        assertThat(value(s, "SELECT JSON_EXTRACT(" + doc + ", '$')"))
                .isEqualTo("{\"a\": {\"b\": [10, 20, {\"c\": \"x\"}]}, \"d\": 1.5, \"e b\": true}");
        assertThat(value(s, "SELECT JSON_EXTRACT(" + doc + ", '$.nope')")).isNull();
        assertThat(value(s, "SELECT JSON_EXTRACT(" + doc + ", '$.a.b[3]')")).isNull();
        assertThat(value(s, "SELECT JSON_EXTRACT(" + doc + ", '$.a', '$.d')")).isEqualTo("[{\"b\": [10, 20, {\"c\": \"x\"}]}, 1.5]");
        assertThat(value(s, "SELECT JSON_EXTRACT('[1.0, 1e2, -0.5, 18446744073709551615]', '$')"))
                .isEqualTo("[1.0, 100.0, -0.5, 18446744073709551615]");
        // A value that is not an array reads as a one-element array.
        assertThat(value(s, "SELECT JSON_EXTRACT('{\"a\": 1}', '$[0]')")).isEqualTo("{\"a\": 1}");
        assertThat(value(s, "SELECT JSON_EXTRACT('5', '$[1]')")).isNull();
    }

    @Test
    void wildcardPathsReturnAnArrayOfMatches() {
        assertThat(value(s, "SELECT JSON_EXTRACT('[1, [2, 3]]', '$[*]')")).isEqualTo("[1, [2, 3]]");
        assertThat(value(s, "SELECT JSON_EXTRACT('{\"a\": {\"b\": [10, 20]}}', '$.a.b[*]')")).isEqualTo("[10, 20]");
        assertThat(value(s, "SELECT JSON_EXTRACT('{\"b\": 2, \"a\": 1}', '$.*')")).isEqualTo("[1, 2]");
        assertThat(value(s, "SELECT JSON_EXTRACT('{\"a\": {\"a\": 1}, \"b\": [{\"a\": 2}]}', '$**.a')"))
                .isEqualTo("[{\"a\": 1}, 1, 2]");
        assertThat(value(s, "SELECT JSON_EXTRACT('[1, 2, 3, 4]', '$[1 to 2]')")).isEqualTo("[2, 3]");
        assertThat(value(s, "SELECT JSON_EXTRACT('[1, 2, 3, 4]', '$[last-1 to last]')")).isEqualTo("[3, 4]");
        assertThat(value(s, "SELECT JSON_EXTRACT('[[1], [2]]', '$[*][0]')")).isEqualTo("[1, 2]");
        // One match still comes wrapped; no match is NULL.
        assertThat(value(s, "SELECT JSON_EXTRACT('{\"a\": 1}', '$.*')")).isEqualTo("[1]");
        assertThat(value(s, "SELECT JSON_EXTRACT('{}', '$.*')")).isNull();
    }

    @Test
    void unquoteAndQuote() {
        assertThat(value(s, "SELECT JSON_UNQUOTE('\"a\\\\tb\\\\u00e9\"')")).isEqualTo("a\tbé");
        assertThat(value(s, "SELECT JSON_UNQUOTE('abc')")).isEqualTo("abc");
        assertThat(value(s, "SELECT JSON_UNQUOTE('\"abc')")).isEqualTo("\"abc");
        assertThat(value(s, "SELECT JSON_UNQUOTE(JSON_EXTRACT('{\"a\": \"x\"}', '$.a'))")).isEqualTo("x");
        assertThat(value(s, "SELECT JSON_UNQUOTE(JSON_EXTRACT('{\"a\": [1, \"x\"]}', '$.a'))")).isEqualTo("[1, \"x\"]");
        assertThat(value(s, "SELECT JSON_QUOTE('a\"b\\\\c\\n')")).isEqualTo("\"a\\\"b\\\\c\\n\"");
        assertThat(value(s, "SELECT JSON_QUOTE('null')")).isEqualTo("\"null\"");
        assertThat(value(s, "SELECT JSON_QUOTE('[1]')")).isEqualTo("\"[1]\"");
    }

    @Test
    void validLengthKeysAndType() {
        assertThat(rows(s, "SELECT JSON_VALID('{\"a\": 1}'), JSON_VALID('{a: 1}'), JSON_VALID(''), JSON_VALID('null'), "
                + "JSON_VALID('[1] x'), JSON_VALID(1)")).containsExactly(List.of("1", "0", "0", "1", "0", "0"));
        assertThat(rows(s, "SELECT JSON_LENGTH('[1, 2, 3]'), JSON_LENGTH('{\"a\": 1, \"b\": 2}'), JSON_LENGTH('\"x\"'), "
                + "JSON_LENGTH('{\"a\": [1, 2]}', '$.a'), JSON_LENGTH('{}', '$.x')"))
                .containsExactly(Arrays.asList("3", "2", "1", "2", null));
        assertThat(rows(s, "SELECT JSON_KEYS('{\"bb\": 1, \"a\": {\"c\": 2}}'), JSON_KEYS('{\"a\": {\"c\": 2}}', '$.a'), "
                + "JSON_KEYS('[1]')")).containsExactly(Arrays.asList("[\"a\", \"bb\"]", "[\"c\"]", null));
        assertThat(rows(s, "SELECT JSON_TYPE('{}'), JSON_TYPE('[]'), JSON_TYPE('1'), JSON_TYPE('1.5'), JSON_TYPE('\"s\"'), "
                + "JSON_TYPE('true'), JSON_TYPE('null'), JSON_TYPE('18446744073709551615')")).containsExactly(
                List.of("OBJECT", "ARRAY", "INTEGER", "DOUBLE", "STRING", "BOOLEAN", "NULL", "UNSIGNED INTEGER"));
    }

    @Test
    void containsAndContainsPath() {
        String doc = "'{\"a\": 1, \"b\": 2, \"c\": {\"d\": 4}}'";
        assertThat(rows(s, "SELECT JSON_CONTAINS(" + doc + ", '1', '$.a'), JSON_CONTAINS(" + doc + ", '{\"a\": 1}'), "
                + "JSON_CONTAINS(" + doc + ", '{\"d\": 4}', '$.c'), JSON_CONTAINS(" + doc + ", '{\"a\": 2}'), "
                + "JSON_CONTAINS(" + doc + ", '1', '$.x')")).containsExactly(Arrays.asList("1", "1", "1", "0", null));
        assertThat(rows(s, "SELECT JSON_CONTAINS('[1, 2, [3, 4]]', '2'), JSON_CONTAINS('[1, 2, [3, 4]]', '3'), "
                + "JSON_CONTAINS('[1, 2, [3, 4]]', '[[3]]'), JSON_CONTAINS('[1, 2]', '[2, 1]'), JSON_CONTAINS('[1, 2]', '[1, 3]'), "
                + "JSON_CONTAINS('1', '1.0'), JSON_CONTAINS('\"a\"', '\"A\"'), JSON_CONTAINS('[{\"a\": 1, \"b\": 2}]', '{\"a\": 1}')"))
                .containsExactly(List.of("1", "0", "1", "1", "0", "1", "0", "1"));
        assertThat(rows(s, "SELECT JSON_CONTAINS_PATH(" + doc + ", 'one', '$.a', '$.x'), "
                + "JSON_CONTAINS_PATH(" + doc + ", 'all', '$.a', '$.x'), JSON_CONTAINS_PATH(" + doc + ", 'ALL', '$.a', '$.c.d'), "
                + "JSON_CONTAINS_PATH(" + doc + ", 'one', '$**.d')")).containsExactly(List.of("1", "0", "1", "1"));
    }

    @Test
    void nullArgumentsGiveNull() {
        assertThat(rows(s, "SELECT JSON_EXTRACT(NULL, '$.a'), JSON_EXTRACT('{}', NULL), JSON_UNQUOTE(NULL), JSON_VALID(NULL), "
                + "JSON_LENGTH(NULL), JSON_KEYS(NULL), JSON_TYPE(NULL), JSON_QUOTE(NULL), JSON_CONTAINS(NULL, '1'), "
                + "JSON_CONTAINS('1', NULL), JSON_CONTAINS_PATH(NULL, 'one', '$'), JSON_CONTAINS_PATH('{}', NULL, '$'), "
                + "JSON_CONTAINS_PATH('{}', 'one', NULL)")).containsExactly(Arrays.asList(new String[13]));
        assertThat(value(s, "SELECT JSON_OBJECT('a', NULL)")).isEqualTo("{\"a\": null}");
        assertThat(value(s, "SELECT JSON_ARRAY(NULL, JSON_EXTRACT('{}', '$.x'))")).isEqualTo("[null, null]");
    }

    @Test
    void arrowOperatorsExtractFromAColumn() {
        assertThat(rows(s, "SELECT id, doc->'$.name', doc->>'$.name', doc->'$.tags[0]', doc->'$.age' FROM docs ORDER BY id"))
                .containsExactly(List.of("1", "\"Ann\"", "Ann", "\"a\"", "30"), Arrays.asList("2", "\"Bob\"", "Bob", null, "null"),
                        Arrays.asList("3", null, null, null, null), Arrays.asList("4", "\"Cy\"", "Cy", null, null));
        // ->> of a JSON null is the text 'null', as in MySQL.
        assertThat(value(s, "SELECT doc->>'$.age' IS NULL FROM docs WHERE id = 2")).isEqualTo("0");
        assertThat(value(s, "SELECT id FROM docs WHERE doc->>'$.name' = 'bob'")).isEqualTo("2");
        assertThat(value(s, "SELECT docs.doc->'$.tags[*]' FROM docs WHERE id = 1")).isEqualTo("[\"a\", \"b\"]");
        assertThat(rows(s, "SELECT id FROM docs WHERE JSON_LENGTH(doc, '$.tags') > 0 OR doc->'$.age' IS NULL ORDER BY doc->>'$.name' DESC"))
                .containsExactly(List.of("4"), List.of("1"), List.of("3"));
        assertError("SELECT '{\"a\": 1}'->'$.a'", ErrorCode.PARSE_ERROR,
                "You have an error in your SQL syntax; check the manual that corresponds to your Basalt server version "
                        + "for the right syntax to use near '->'$.a'' at line 1");
        assertError("SELECT doc->'$[' FROM docs", ErrorCode.INVALID_JSON_PATH,
                "Invalid JSON path expression. The error is around character position 2.");
    }

    @Test
    void badDocumentsAndPathsGiveMysqlErrors() {
        assertError("SELECT JSON_EXTRACT('{\"a\": 1', '$')", ErrorCode.INVALID_JSON_TEXT_IN_PARAM,
                "Invalid JSON text in argument 1 to function json_extract: \"Missing a comma or '}' after an object member.\" at position 7.");
        assertError("SELECT JSON_EXTRACT('', '$')", ErrorCode.INVALID_JSON_TEXT_IN_PARAM,
                "Invalid JSON text in argument 1 to function json_extract: \"The document is empty.\" at position 0.");
        assertError("SELECT JSON_TYPE('abc')", ErrorCode.INVALID_JSON_TEXT_IN_PARAM,
                "Invalid JSON text in argument 1 to function json_type: \"Invalid value.\" at position 0.");
        assertError("SELECT JSON_CONTAINS('[1]', '[1')", ErrorCode.INVALID_JSON_TEXT_IN_PARAM,
                "Invalid JSON text in argument 2 to function json_contains: \"Missing a comma or ']' after an array element.\" at position 2.");
        assertError("SELECT JSON_UNQUOTE('\"a\"b\"')", ErrorCode.INVALID_JSON_TEXT_IN_PARAM,
                "Invalid JSON text in argument 1 to function json_unquote: \"The document root must not be followed by other values.\" at position 3.");
        assertError("SELECT JSON_EXTRACT('{}', '$.')", ErrorCode.INVALID_JSON_PATH,
                "Invalid JSON path expression. The error is around character position 2.");
        assertError("SELECT JSON_EXTRACT('{}', 'a')", ErrorCode.INVALID_JSON_PATH,
                "Invalid JSON path expression. The error is around character position 0.");
        assertError("SELECT JSON_EXTRACT('{}', '$**')", ErrorCode.INVALID_JSON_PATH,
                "Invalid JSON path expression. The error is around character position 3.");
        assertError("SELECT JSON_EXTRACT(doc, '$[') FROM docs", ErrorCode.INVALID_JSON_PATH,
                "Invalid JSON path expression. The error is around character position 2.");
        assertError("SELECT JSON_LENGTH('[1]', '$[*]')", ErrorCode.INVALID_JSON_PATH_WILDCARD,
                "In this situation, path expressions may not contain the * and ** tokens or an array range.");
        assertError("SELECT JSON_CONTAINS('[1]', '1', '$**.a')", ErrorCode.INVALID_JSON_PATH_WILDCARD,
                "In this situation, path expressions may not contain the * and ** tokens or an array range.");
        assertError("SELECT JSON_EXTRACT(1, '$')", ErrorCode.INVALID_TYPE_FOR_JSON,
                "Invalid data type for JSON data in argument 1 to function json_extract; a JSON string or JSON type is required.");
        assertError("SELECT JSON_CONTAINS_PATH('{}', 'any', '$')", ErrorCode.JSON_BAD_ONE_OR_ALL_ARG,
                "The oneOrAll argument to json_contains_path may take these values: 'one' or 'all'.");
        assertError("SELECT JSON_OBJECT('a')", ErrorCode.WRONG_PARAMETER_COUNT,
                "Incorrect parameter count in the call to native function 'json_object'");
        assertError("SELECT JSON_OBJECT(NULL, 1)", ErrorCode.JSON_DOCUMENT_NULL_KEY,
                "JSON documents may not contain NULL member names.");
    }

    @Test
    void invalidDocumentsInAColumnFailOnlyWhenRead() {
        rows(s, "DROP TABLE IF EXISTS mixed; CREATE TABLE mixed (id INT, doc VARCHAR(50)); "
                + "INSERT INTO mixed VALUES (1, '[1, 2]'), (2, 'not json')");
        assertThat(rows(s, "SELECT id, JSON_VALID(doc) FROM mixed ORDER BY id")).containsExactly(List.of("1", "1"), List.of("2", "0"));
        assertThat(value(s, "SELECT JSON_EXTRACT(doc, '$[1]') FROM mixed WHERE id = 1")).isEqualTo("2");
        assertThatThrownBy(() -> rows(s, "SELECT JSON_EXTRACT(doc, '$[1]') FROM mixed"))
                .isInstanceOfSatisfying(BasaltException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_JSON_TEXT_IN_PARAM));
    }
}
