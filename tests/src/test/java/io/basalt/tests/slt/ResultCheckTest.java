package io.basalt.tests.slt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultCheckTest {

    @Test
    void md5HashesEachValueFollowedByANewline() {
        // printf '1\n2\n' | md5sum
        assertThat(ResultCheck.md5(List.of("1", "2"))).isEqualTo("6ddb4095eb719e2a9f0a3f95677d24e0");
        // printf 'NULL\n(empty)\n-3\n' | md5sum
        assertThat(ResultCheck.md5(List.of("NULL", "(empty)", "-3"))).isEqualTo("591652aa411c2d38e126d2e1df1dd505");
        assertThat(ResultCheck.md5(List.of())).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(ResultCheck.hashLine(List.of("1", "2")))
                .isEqualTo("2 values hashing to 6ddb4095eb719e2a9f0a3f95677d24e0");
    }

    @Test
    void comparesValueByValue() {
        assertThat(ResultCheck.mismatch(List.of("1", "x"), List.of("1", "x"), 0)).isEmpty();
        assertThat(ResultCheck.mismatch(List.of("1", "y"), List.of("1", "x"), 0)).contains("1\ny");
        assertThat(ResultCheck.mismatch(List.of("1"), List.of("1", "x"), 0)).contains("1");
        assertThat(ResultCheck.mismatch(List.of(), List.of(), 8)).isEmpty();
    }

    @Test
    void comparesByHashWhenTheExpectedSideIsAHashLine() {
        List<String> expected = List.of("2 values hashing to 6ddb4095eb719e2a9f0a3f95677d24e0");
        assertThat(ResultCheck.mismatch(List.of("1", "2"), expected, 0)).isEmpty();
        assertThat(ResultCheck.mismatch(List.of("2", "1"), expected, 0))
                .hasValueSatisfying(actual -> assertThat(actual).startsWith("2 values hashing to "));
        // right hash, wrong count
        assertThat(ResultCheck.mismatch(List.of("1", "2"),
                List.of("3 values hashing to 6ddb4095eb719e2a9f0a3f95677d24e0"), 0)).isPresent();
    }

    @Test
    void resultAboveTheThresholdOnlyMatchesAHashLine() {
        List<String> values = List.of("1", "2", "3");
        assertThat(ResultCheck.mismatch(values, values, 2)).contains(ResultCheck.hashLine(values));
        assertThat(ResultCheck.mismatch(values, List.of(ResultCheck.hashLine(values)), 2)).isEmpty();
        assertThat(ResultCheck.mismatch(values, values, 3)).isEmpty();
    }

    @Test
    void sortModesOrderLikeTheReference() {
        List<List<String>> rows = List.of(List.of("9", "b"), List.of("10", "a"), List.of("9", "a"));

        assertThat(SortMode.NOSORT.apply(rows)).containsExactly("9", "b", "10", "a", "9", "a");
        // strcmp order, column by column: "10" < "9"
        assertThat(SortMode.ROWSORT.apply(rows)).containsExactly("10", "a", "9", "a", "9", "b");
        assertThat(SortMode.VALUESORT.apply(rows)).containsExactly("10", "9", "9", "a", "a", "b");
        assertThat(SortMode.parse("valuesort")).isEqualTo(SortMode.VALUESORT);
    }
}
