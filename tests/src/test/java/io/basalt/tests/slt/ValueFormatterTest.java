package io.basalt.tests.slt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueFormatterTest {

    @Test
    void nullPrintsNullWhateverTheType() {
        assertThat(ValueFormatter.format(null, 'I')).isEqualTo("NULL");
        assertThat(ValueFormatter.format(null, 'R')).isEqualTo("NULL");
        assertThat(ValueFormatter.format(null, 'T')).isEqualTo("NULL");
    }

    @Test
    void integerColumnReadsDecimalsAndDoublesAsInt64TruncatedTowardZero() {
        // MariaDB sends DECIMAL for e.g. CASE ... AVG(x) ... ELSE 10 * COUNT(*) END
        assertThat(ValueFormatter.format("10.0000", 'I')).isEqualTo("10");
        assertThat(ValueFormatter.format("2.5000", 'I')).isEqualTo("2");
        assertThat(ValueFormatter.format("-2.5000", 'I')).isEqualTo("-2");
        assertThat(ValueFormatter.format("-0.9", 'I')).isEqualTo("0");
        assertThat(ValueFormatter.format("42", 'I')).isEqualTo("42");
        assertThat(ValueFormatter.format("-9223372036854775808", 'I')).isEqualTo("-9223372036854775808");
        assertThat(ValueFormatter.format("1.5e3", 'I')).isEqualTo("1500");
        assertThat(ValueFormatter.format("1e20", 'I')).isEqualTo("9223372036854775807");
        assertThat(ValueFormatter.format("-1e20", 'I')).isEqualTo("-9223372036854775808");
    }

    @Test
    void integerColumnReadsTextByItsNumericPrefixLikeSqlite() {
        assertThat(ValueFormatter.format("abc", 'I')).isEqualTo("0");
        assertThat(ValueFormatter.format("", 'I')).isEqualTo("0");
        assertThat(ValueFormatter.format("12abc", 'I')).isEqualTo("12");
        assertThat(ValueFormatter.format("  7", 'I')).isEqualTo("7");
        assertThat(ValueFormatter.format("3e", 'I')).isEqualTo("3");
        assertThat(ValueFormatter.format(".9", 'I')).isEqualTo("0");
    }

    @Test
    void realColumnPrintsThreeDecimalsTheWaySqlitePrintfDoes() {
        assertThat(ValueFormatter.format("2.5", 'R')).isEqualTo("2.500");
        assertThat(ValueFormatter.format("5", 'R')).isEqualTo("5.000");
        assertThat(ValueFormatter.format("1.2500", 'R')).isEqualTo("1.250");
        // half up on the exact binary value: 0.0625 is exact, 1.0005 is 1.000499999... in binary
        assertThat(ValueFormatter.format("0.0625", 'R')).isEqualTo("0.063");
        assertThat(ValueFormatter.format("1.0005", 'R')).isEqualTo("1.000");
        assertThat(ValueFormatter.format("-0.0001", 'R')).isEqualTo("-0.000");
        assertThat(ValueFormatter.format("-0.0", 'R')).isEqualTo("0.000");
        assertThat(ValueFormatter.format("abc", 'R')).isEqualTo("0.000");
        // at most 16 significant digits; the corpus expects this for sum() of -2^63
        assertThat(ValueFormatter.format("-9223372036854775808", 'R')).isEqualTo("-9223372036854776000.000");
        assertThat(ValueFormatter.format("1e20", 'R')).isEqualTo("100000000000000000000.000");
        assertThat(ValueFormatter.format("1e400", 'R')).isEqualTo("Inf");
    }

    @Test
    void textColumnMarksEmptyAndNonPrintableBytes() {
        assertThat(ValueFormatter.format("", 'T')).isEqualTo("(empty)");
        assertThat(ValueFormatter.format("hello world", 'T')).isEqualTo("hello world");
        assertThat(ValueFormatter.format("a\tb\nc", 'T')).isEqualTo("a@b@c");
        // every byte of a multi-byte UTF-8 character is outside ' '..'~'
        assertThat(ValueFormatter.format("caf\u00e9", 'T')).isEqualTo("caf@@");
        assertThat(ValueFormatter.format("2.5000", 'T')).isEqualTo("2.5000");
        assertThat(ValueFormatter.format("NULL", 'T')).isEqualTo("NULL");
    }

    @Test
    void unknownTypeCharacterIsAnError() {
        assertThatThrownBy(() -> ValueFormatter.format("1", 'X')).hasMessageContaining("X");
    }
}
