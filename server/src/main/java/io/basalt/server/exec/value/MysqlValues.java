package io.basalt.server.exec.value;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.session.ClientText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * MySQL's value semantics over Basalt's runtime representation. Runtime values are null, Boolean,
 * Long (every integer type), BigDecimal, Double (FLOAT and DOUBLE), String, byte[], LocalDate,
 * LocalDateTime and Duration (TIME). Conversions follow MySQL: strings become numbers by their numeric
 * prefix (with a warning), numbers round half away from zero when made integral, and comparisons
 * between strings and numbers happen as doubles.
 */
public final class MysqlValues {
    /** ER_TRUNCATED_WRONG_VALUE, the warning for a string that is not a number. */
    public static final int WARN_TRUNCATED = 1292;

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private MysqlValues() {}

    // ---- truth ----------------------------------------------------------------------------

    /** MySQL truthiness: null for NULL, else whether the value is non-zero. */
    public static Boolean truth(Object v, Warnings w) {
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        if (v instanceof BigDecimal d) {
            return d.signum() != 0;
        }
        if (v instanceof Double d) {
            return d != 0;
        }
        if (v instanceof String || v instanceof byte[]) {
            return toDouble(v, w) != 0;
        }
        return true;
    }

    // ---- numbers --------------------------------------------------------------------------

    /** True for the numeric runtime classes (and Boolean, which MySQL treats as 0/1). */
    public static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof BigDecimal || v instanceof Double || v instanceof Boolean;
    }

    public static double toDouble(Object v, Warnings w) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String s) {
            return parseDoublePrefix(s, w);
        }
        if (v instanceof byte[] b) {
            return parseDoublePrefix(new String(b, StandardCharsets.UTF_8), w);
        }
        if (Temporals.isTemporal(v)) {
            return Temporals.toNumber(v).doubleValue();
        }
        throw new IllegalArgumentException("not a value: " + v.getClass());
    }

    /** Integer conversion as CAST(x AS SIGNED): decimals round half away from zero, doubles to the even
     * neighbour, strings stop at the first non-digit. */
    public static long toLong(Object v, Warnings w) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof Double d) {
            return doubleToLong(d, w);
        }
        if (v instanceof BigDecimal d) {
            return decimalToLong(d.setScale(0, RoundingMode.HALF_UP), w);
        }
        if (v instanceof String s) {
            return parseLongPrefix(s, w);
        }
        if (v instanceof byte[] b) {
            return parseLongPrefix(new String(b, StandardCharsets.UTF_8), w);
        }
        if (Temporals.isTemporal(v)) {
            return Temporals.toNumber(v).setScale(0, RoundingMode.HALF_UP).longValue();
        }
        throw new IllegalArgumentException("not a value: " + v.getClass());
    }

    static long doubleToLong(double d, Warnings w) {
        // MySQL converts doubles with rint(): halves go to the even neighbour.
        double r = Math.rint(d);
        if (d >= 9.223372036854775807E18) {
            w.warn(ErrorCode.OUT_OF_RANGE.mysqlErrno(), "Truncated incorrect INTEGER value: '" + d + "'");
            return Long.MAX_VALUE;
        }
        if (d <= -9.223372036854775808E18) {
            w.warn(ErrorCode.OUT_OF_RANGE.mysqlErrno(), "Truncated incorrect INTEGER value: '" + d + "'");
            return Long.MIN_VALUE;
        }
        return (long) r;
    }

    static long decimalToLong(BigDecimal d, Warnings w) {
        if (d.compareTo(LONG_MAX) > 0) {
            w.warn(ErrorCode.OUT_OF_RANGE.mysqlErrno(), "Truncated incorrect INTEGER value: '" + d.toPlainString() + "'");
            return Long.MAX_VALUE;
        }
        if (d.compareTo(LONG_MIN) < 0) {
            w.warn(ErrorCode.OUT_OF_RANGE.mysqlErrno(), "Truncated incorrect INTEGER value: '" + d.toPlainString() + "'");
            return Long.MIN_VALUE;
        }
        return d.longValue();
    }

    public static BigDecimal toDecimal(Object v, Warnings w) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return BigDecimal.ZERO;
            }
            return BigDecimal.valueOf(d);
        }
        if (v instanceof String s) {
            return parseDecimalPrefix(s, w);
        }
        if (v instanceof byte[] b) {
            return parseDecimalPrefix(new String(b, StandardCharsets.UTF_8), w);
        }
        if (Temporals.isTemporal(v)) {
            return Temporals.toNumber(v);
        }
        throw new IllegalArgumentException("not a value: " + v.getClass());
    }

    /** Length of the numeric prefix of s starting at {@code from} (digits, one dot, exponent). */
    private static int numericPrefixEnd(String s, int from, boolean allowFraction) {
        int i = from;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digitsStart = i;
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
        }
        boolean digits = i > digitsStart;
        if (allowFraction && i < n && s.charAt(i) == '.') {
            int j = i + 1;
            while (j < n && Character.isDigit(s.charAt(j))) {
                j++;
            }
            digits |= j > i + 1;
            i = j;
        }
        if (!digits) {
            return from;
        }
        if (allowFraction && i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            int expStart = j;
            while (j < n && Character.isDigit(s.charAt(j))) {
                j++;
            }
            if (j > expStart) {
                i = j;
            }
        }
        return i;
    }

    private static int skipLeadingSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void warnIfTrailing(String s, int end, Warnings w, String typeName) {
        int i = end;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i < s.length() || end == skipLeadingSpace(s)) {
            w.warn(WARN_TRUNCATED, "Truncated incorrect " + typeName + " value: '" + s + "'");
        }
    }

    public static double parseDoublePrefix(String s, Warnings w) {
        int start = skipLeadingSpace(s);
        int end = numericPrefixEnd(s, start, true);
        warnIfTrailing(s, end, w, "DOUBLE");
        if (end == start) {
            return 0;
        }
        try {
            return Double.parseDouble(s.substring(start, end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static BigDecimal parseDecimalPrefix(String s, Warnings w) {
        int start = skipLeadingSpace(s);
        int end = numericPrefixEnd(s, start, true);
        warnIfTrailing(s, end, w, "DECIMAL");
        if (end == start) {
            return BigDecimal.ZERO;
        }
        try {
            BigDecimal d = new BigDecimal(s.substring(start, end));
            return d.scale() < 0 ? d.setScale(0) : d;
        } catch (NumberFormatException | ArithmeticException e) {
            return BigDecimal.ZERO;
        }
    }

    public static long parseLongPrefix(String s, Warnings w) {
        int start = skipLeadingSpace(s);
        int end = numericPrefixEnd(s, start, false);
        warnIfTrailing(s, end, w, "INTEGER");
        if (end == start) {
            return 0;
        }
        String digits = s.substring(start, end);
        try {
            return Long.parseLong(digits.startsWith("+") ? digits.substring(1) : digits);
        } catch (NumberFormatException e) {
            BigInteger big = new BigInteger(digits.startsWith("+") ? digits.substring(1) : digits);
            return big.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    // ---- comparison ---------------------------------------------------------------------------

    /**
     * Compares two non-null values the way MySQL compares operands of mixed types.
     */
    public static int compare(Object a, Object b, Warnings w) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return Collation.compare(x, y);
        }
        boolean an = isNumber(a);
        boolean bn = isNumber(b);
        if (an && bn) {
            return compareNumbers(a, b, w);
        }
        if (Temporals.isTemporal(a) || Temporals.isTemporal(b)) {
            return Temporals.compare(a, b, w);
        }
        if (a instanceof byte[] && (b instanceof byte[] || b instanceof String)
                || b instanceof byte[] && a instanceof String) {
            // a binary string on either side makes the comparison byte-wise, as in MySQL
            return java.util.Arrays.compareUnsigned(toBytes(a), toBytes(b));
        }
        if ((a instanceof String || a instanceof byte[]) && (b instanceof String || b instanceof byte[])) {
            return Collation.compare(toText(a), toText(b));
        }
        // A string against a number compares as doubles.
        return Double.compare(toDouble(a, w), toDouble(b, w));
    }

    static int compareNumbers(Object a, Object b, Warnings w) {
        if (a instanceof Double || b instanceof Double) {
            return Double.compare(toDouble(a, w), toDouble(b, w));
        }
        if (a instanceof BigDecimal || b instanceof BigDecimal) {
            return toDecimal(a, w).compareTo(toDecimal(b, w));
        }
        return Long.compare(toLong(a, w), toLong(b, w));
    }

    /** Equality under {@link #compare}; false when either is null. */
    public static boolean equal(Object a, Object b, Warnings w) {
        if (a == null || b == null) {
            return false;
        }
        return compare(a, b, w) == 0;
    }

    // ---- text --------------------------------------------------------------------------------

    /** The text MySQL shows for a value (CAST(x AS CHAR), CONCAT, string functions). */
    public static String toText(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Long l) {
            return Long.toString(l);
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Double d) {
            return io.basalt.mysql.text.MysqlText.formatDouble(d);
        }
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (v instanceof byte[] b) {
            return ClientText.decode(b);
        }
        return Temporals.toText(v);
    }

    /** A string value's bytes: binary values as they are, text as the client's bytes. */
    public static byte[] toBytes(Object v) {
        return v instanceof byte[] b ? b : ClientText.encode(toText(v));
    }

    // ---- errors ------------------------------------------------------------------------------

    /** The error MySQL raises when BIGINT arithmetic overflows. */
    public static BasaltException bigintOutOfRange(String expression) {
        return BasaltException.of(ErrorCode.NUMERIC_OVERFLOW, "BIGINT value is out of range in '%s'", expression);
    }

    /** The error MySQL raises when DOUBLE arithmetic overflows. */
    public static BasaltException doubleOutOfRange(String expression) {
        return BasaltException.of(ErrorCode.NUMERIC_OVERFLOW, "DOUBLE value is out of range in '%s'", expression);
    }
}
