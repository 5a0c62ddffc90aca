package io.basalt.server.exec.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Path parsing and selection on documents, without SQL around them. */
class JsonPathTest {
    private static List<String> seek(String doc, String path) {
        JsonNode root = JsonText.parse(doc, 1, "test");
        return JsonPath.parse(path).seek(root).stream().map(JsonText::format).toList();
    }

    @Test
    void membersAndCells() {
        String doc = "{\"a\": {\"b\": [1, 2, 3]}, \"x y\": 7, \"é\": 8, \"$_k1\": 9}";
        assertThat(seek(doc, "$")).containsExactly("{\"a\": {\"b\": [1, 2, 3]}, \"é\": 8, \"x y\": 7, \"$_k1\": 9}");
        assertThat(seek(doc, "$.a.b[1]")).containsExactly("2");
        assertThat(seek(doc, "$.a.b[last]")).containsExactly("3");
        assertThat(seek(doc, "$.a.b[last - 2]")).containsExactly("1");
        assertThat(seek(doc, "$.a.b[last-3]")).isEmpty();
        assertThat(seek(doc, "$.\"x y\"")).containsExactly("7");
        assertThat(seek(doc, "$.é")).containsExactly("8");
        assertThat(seek(doc, "$.$_k1")).containsExactly("9");
        assertThat(seek(doc, " $ .a [ 0 ] ")).containsExactly("{\"b\": [1, 2, 3]}");
    }

    @Test
    void wildcardsRangesAndDescendants() {
        String doc = "{\"b\": [1, {\"k\": 2}], \"a\": {\"k\": 1}}";
        assertThat(seek(doc, "$.*")).containsExactly("{\"k\": 1}", "[1, {\"k\": 2}]");
        assertThat(seek(doc, "$.b[*]")).containsExactly("1", "{\"k\": 2}");
        assertThat(seek(doc, "$**.k")).containsExactly("1", "2");
        assertThat(seek(doc, "$.b[0 to 5]")).containsExactly("1", "{\"k\": 2}");
        assertThat(seek(doc, "$.b[last-5 to 0]")).containsExactly("1");
        assertThat(seek(doc, "$**[1]")).containsExactly("{\"k\": 2}");
        assertThat(JsonPath.parse("$.a[1 to 2]").canMatchMany()).isTrue();
        assertThat(JsonPath.parse("$**.a").canMatchMany()).isTrue();
        assertThat(JsonPath.parse("$.a[last].b").canMatchMany()).isFalse();
    }

    @Test
    void invalidPathsReportWhereTheyGoWrong() {
        for (String[] c : new String[][] {{"", "0"}, {"$.", "2"}, {"$a", "1"}, {"$.a-b", "2"}, {"$.1a", "2"}, {"$[", "2"},
                {"$[x]", "2"}, {"$[1", "3"}, {"$[2 to 1]", "2"}, {"$**", "3"}, {"$.\"a", "2"}, {"$[-1]", "2"}}) {
            assertThatThrownBy(() -> JsonPath.parse(c[0])).as(c[0]).isInstanceOfSatisfying(BasaltException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_JSON_PATH);
                assertThat(e.getMessage()).isEqualTo("Invalid JSON path expression. The error is around character position "
                        + c[1] + ".");
            });
        }
    }
}
