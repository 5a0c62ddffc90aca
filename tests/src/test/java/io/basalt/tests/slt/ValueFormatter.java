package io.basalt.tests.slt;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Turns one result value, as the server sent it in the text protocol, into the string the reference
 * sqllogictest runner would print for the column's declared type.
 *
 * <p>The reference (SQLite's engine) reads an {@code I} column with {@code sqlite3_column_int64} and an
 * {@code R} column with {@code sqlite3_column_double}, whatever the value's own type. So an {@code I}
 * column holding MySQL's {@code DECIMAL} {@code 2.5000} (e.g. from {@code AVG} or {@code /}) prints
 * {@code 2}: the numeric prefix of the text, truncated toward zero. Text that has no numeric prefix reads
 * as 0, as in SQLite.
 */
public final class ValueFormatter {

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    /** SQLite's printf prints no more significant digits than this for %f. */
    private static final int SIGNIFICANT_DIGITS = 16;

    private ValueFormatter() {
    }

    /**
     * Formats one value.
     *
     * @param raw the value's text as the server sent it, or null for SQL NULL
     * @param type the column's type character from the {@code query} line: I, R or T
     */
    public static String format(String raw, char type) {
        if (raw == null) {
            return "NULL";
        }
        return switch (type) {
            case 'I' -> formatInteger(raw);
            case 'R' -> formatReal(raw);
            case 'T' -> formatText(raw);
            default -> throw new IllegalArgumentException("unknown column type character: " + type);
        };
    }

    /** {@code %lld} of the value read as a 64-bit integer: numeric prefix, truncated toward zero, saturated. */
    static String formatInteger(String raw) {
        BigDecimal value = numericPrefix(raw);
        if (value.compareTo(LONG_MAX) > 0) {
            return Long.toString(Long.MAX_VALUE);
        }
        if (value.compareTo(LONG_MIN) < 0) {
            return Long.toString(Long.MIN_VALUE);
        }
        return value.setScale(0, RoundingMode.DOWN).toBigInteger().toString();
    }

    /**
     * {@code %.3f} of the value read as a double, as SQLite's printf does it (not C's): the sign is printed
     * for any negative value (so {@code -0.0001} prints {@code -0.000}, {@code -0.0} prints {@code 0.000}), the
     * exact binary magnitude is rounded half up, and at most 16 significant digits are printed, zeros after
     * them ({@code -9223372036854775808} prints {@code -9223372036854776000.000}).
     */
    static String formatReal(String raw) {
        double d = numericPrefix(raw).doubleValue();
        return formatDouble(d);
    }

    static String formatDouble(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Inf" : "-Inf";
        }
        BigDecimal exact = new BigDecimal(Math.abs(d));
        int integerDigits = exact.precision() - exact.scale();
        BigDecimal rounded = integerDigits + 3 > SIGNIFICANT_DIGITS
                ? exact.round(new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_UP)).setScale(3)
                : exact.setScale(3, RoundingMode.HALF_UP);
        String magnitude = rounded.toPlainString();
        return d < 0 ? "-" + magnitude : magnitude;
    }

    /** Text as-is, except the empty string prints as {@code (empty)} and bytes outside ' '..'~' as '@'. */
    static String formatText(String raw) {
        if (raw.isEmpty()) {
            return "(empty)";
        }
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            out.append(b >= ' ' && b <= '~' ? (char) b : '@');
        }
        return out.toString();
    }

    /**
     * The longest prefix of {@code raw} (after leading blanks) that reads as a number: sign, digits,
     * fraction, exponent. Zero when there is none, as SQLite reads non-numeric text.
     */
    static BigDecimal numericPrefix(String raw) {
        int i = 0;
        int n = raw.length();
        while (i < n && Character.isWhitespace(raw.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < n && (raw.charAt(i) == '+' || raw.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(raw.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && raw.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(raw.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return BigDecimal.ZERO;
        }
        int mantissaEnd = i;
        if (i < n && (raw.charAt(i) == 'e' || raw.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (raw.charAt(j) == '+' || raw.charAt(j) == '-')) {
                j++;
            }
            int expDigits = 0;
            while (j < n && isDigit(raw.charAt(j))) {
                j++;
                expDigits++;
            }
            if (expDigits > 0) {
                mantissaEnd = j;
            }
        }
        String number = raw.substring(start, mantissaEnd);
        if (number.endsWith(".")) {
            number = number.substring(0, number.length() - 1);
        }
        if (number.startsWith("+")) {
            number = number.substring(1);
        }
        if (number.startsWith(".") || number.startsWith("-.")) {
            number = number.replaceFirst("\\.", "0.");
        }
        try {
            return new BigDecimal(number);
        } catch (NumberFormatException | ArithmeticException e) {
            // an exponent beyond BigDecimal's range: as far out as a double can tell apart
            return new BigDecimal(number.startsWith("-") ? "-1e400" : "1e400");
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

}
