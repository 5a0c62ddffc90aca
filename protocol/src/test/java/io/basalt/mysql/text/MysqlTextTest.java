package io.basalt.mysql.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected strings are what MySQL 8.0 prints for the same values (my_gcvt for DOUBLE/FLOAT without
 * decimals, my_fcvt with decimals, decimal2string, my_datetime_to_str).
 */
class MysqlTextTest {

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource({
        "100.0, 100",
        "1.5, 1.5",
        "0.1, 0.1",
        "-2.5, -2.5",
        "12345.678, 12345.678",
        "0.0, 0",
        "-0.0, -0",
        "1e14, 100000000000000",
        "1e15, 1e15",
        "1e20, 1e20",
        "1234567890123456, 1.234567890123456e15",
        "1234567890123456.7, 1234567890123456.8",
        "123456789012345678, 1.2345678901234568e17",
        "1.5e300, 1.5e300",
        "1e-7, 0.0000001",
        "1.5e-7, 0.00000015",
        "1e-15, 0.000000000000001",
        "1e-16, 1e-16",
        "1.234e-16, 1.234e-16",
        "-1.5e-20, -1.5e-20",
        "1.7976931348623157e308, 1.7976931348623157e308",
    })
    void doublesPrintLikeMysql(double value, String expected) {
        assertThat(MysqlText.formatDouble(value)).isEqualTo(expected);
    }

    @Test
    void doublesUseTheShortestDigitsThatRoundTrip() {
        assertThat(MysqlText.formatDouble(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        // JDK 17's Double.toString prints these as 2.82879384806159008E17 and 9.999999999999999E22.
        assertThat(MysqlText.formatDouble(2.82879384806159E17)).isEqualTo("2.82879384806159e17");
        assertThat(MysqlText.formatDouble(1e23)).isEqualTo("1e23");
        assertThat(MysqlText.formatDouble(1.0 / 3)).isEqualTo("0.3333333333333333");
    }

    @ParameterizedTest(name = "{0} with {1} decimals prints as {2}")
    @CsvSource({
        "2.5, 2, 2.50",
        "1.005, 2, 1.00",
        "-3.14159, 3, -3.142",
        "100, 0, 100",
        "0.5, 0, 0",
        "1.5, 0, 2",
    })
    void doublesWithKnownDecimalsPrintFixed(double value, int decimals, String expected) {
        assertThat(MysqlText.formatDouble(value, decimals)).isEqualTo(expected);
    }

    @Test
    void doublesWithUnknownDecimalsFallBackToTheShortestForm() {
        assertThat(MysqlText.formatDouble(1e20, MysqlText.DECIMALS_NOT_SPECIFIED)).isEqualTo("1e20");
    }

    @ParameterizedTest(name = "{0}f prints as {1}")
    @CsvSource({
        "0.1, 0.1",
        "0.5, 0.5",
        "100, 100",
        "-1.5, -1.5",
        "0, 0",
        "1.23456789, 1.23457",
        "3.14159265, 3.14159",
        "1234567, 1234570",
        "16777217, 16777200",
        "123456789, 123457000",
        "999999.5, 1000000",
        "1e-45, 1.4013e-45",
        "3.4e38, 3.4e38",
        "1e-5, 0.00001",
    })
    void floatsPrintWithSixSignificantDigits(float value, String expected) {
        assertThat(MysqlText.formatFloat(value)).isEqualTo(expected);
    }

    @Test
    void nonFiniteValuesKeepTheirJavaSpelling() {
        assertThat(MysqlText.formatDouble(Double.NaN)).isEqualTo("NaN");
        assertThat(MysqlText.formatDouble(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(MysqlText.formatFloat(Float.POSITIVE_INFINITY)).isEqualTo("Infinity");
    }

    @ParameterizedTest(name = "{0} at scale {1} prints as {2}")
    @CsvSource({
        "25000, 4, 2.5000",
        "-25000, 4, -2.5000",
        "5, 4, 0.0005",
        "-5, 4, -0.0005",
        "0, 2, 0.00",
        "123, 0, 123",
        "-9223372036854775808, 2, -92233720368547758.08",
        "9223372036854775807, 18, 9.223372036854775807",
    })
    void decimalsPrintWithExactlyTheirScale(long unscaled, int scale, String expected) {
        assertThat(MysqlText.formatDecimal(unscaled, scale)).isEqualTo(expected);
    }

    @Test
    void bigDecimalsPrintWithExactlyTheScale() {
        assertThat(MysqlText.formatDecimal(new BigDecimal("2.5"), 4)).isEqualTo("2.5000");
        assertThat(MysqlText.formatDecimal(new BigDecimal("-12345678901234567890123.45"), 2))
                .isEqualTo("-12345678901234567890123.45");
        assertThat(MysqlText.formatDecimal(new BigDecimal("1E+3"), 0)).isEqualTo("1000");
    }

    @Test
    void datesMatchTheProlepticGregorianCalendarForMysqlsWholeRange() {
        long first = LocalDate.of(1, 1, 1).toEpochDay();
        long last = LocalDate.of(9999, 12, 31).toEpochDay();
        for (long day = first; day <= last; day++) {
            String expected = LocalDate.ofEpochDay(day).toString();
            if (!MysqlText.formatDate(day).equals(expected)) {
                assertThat(MysqlText.formatDate(day)).isEqualTo(expected);
            }
        }
        assertThat(MysqlText.formatDate(0)).isEqualTo("1970-01-01");
        assertThat(MysqlText.formatDate(LocalDate.of(2024, 2, 29).toEpochDay())).isEqualTo("2024-02-29");
    }

    @Test
    void dateTimesPrintTheFractionOnlyToTheColumnsPrecision() {
        long micros = micros(LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000));
        assertThat(MysqlText.formatDateTime(micros, 0)).isEqualTo("2024-02-29 13:45:30");
        assertThat(MysqlText.formatDateTime(micros, 3)).isEqualTo("2024-02-29 13:45:30.123");
        assertThat(MysqlText.formatDateTime(micros, 6)).isEqualTo("2024-02-29 13:45:30.123456");
        assertThat(MysqlText.formatDateTime(micros(LocalDateTime.of(2024, 1, 1, 0, 0)), 2)).isEqualTo("2024-01-01 00:00:00.00");
        assertThat(MysqlText.formatDateTime(-1, 6)).isEqualTo("1969-12-31 23:59:59.999999");
        assertThat(MysqlText.formatDateTime(micros(LocalDateTime.of(1000, 1, 1, 0, 0)), 0)).isEqualTo("1000-01-01 00:00:00");
    }

    @Test
    void timesMayBeNegativeOrLongerThanADay() {
        long micros = ((13 * 60 + 45) * 60 + 30) * 1_000_000L + 500_000;
        assertThat(MysqlText.formatTime(micros, 0)).isEqualTo("13:45:30");
        assertThat(MysqlText.formatTime(micros, 1)).isEqualTo("13:45:30.5");
        assertThat(MysqlText.formatTime(micros, 6)).isEqualTo("13:45:30.500000");
        assertThat(MysqlText.formatTime(-1_000_000, 0)).isEqualTo("-00:00:01");
        assertThat(MysqlText.formatTime(((838 * 60 + 59) * 60 + 59) * 1_000_000L, 0)).isEqualTo("838:59:59");
    }

    private static long micros(LocalDateTime time) {
        return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + time.getNano() / 1000;
    }
}
