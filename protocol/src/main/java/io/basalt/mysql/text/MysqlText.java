package io.basalt.mysql.text;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Renders values as text exactly the way MySQL prints them in text result sets and in
 * {@code CAST(x AS CHAR)}. Every {@code appendX} writes ASCII into a caller-owned builder without
 * allocating, except where noted; the {@code formatX} variants return a new string.
 */
public final class MysqlText {
    /**
     * MySQL's DECIMAL_NOT_SPECIFIED: a DOUBLE or FLOAT whose number of decimals is unknown, printed
     * in its shortest form rather than with fixed decimals.
     */
    public static final int DECIMALS_NOT_SPECIFIED = 31;

    // MAX_DECPT_FOR_F_FORMAT (DBL_DIG) in MySQL's strings/dtoa.cc: fixed notation is used while the
    // decimal point stays within 15 places of the first digit, exponent notation beyond.
    private static final int MAX_FIXED_DECIMAL_POINT = 15;
    // FLT_DIG: MySQL prints FLOAT values with at most 6 significant digits.
    private static final int FLOAT_SIGNIFICANT_DIGITS = 6;
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        long p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private static final ThreadLocal<FloatingDigits> DIGITS = ThreadLocal.withInitial(FloatingDigits::new);

    private MysqlText() {}

    /**
     * A DOUBLE with no fixed decimals, as MySQL's my_gcvt prints it: the shortest digits that
     * round-trip; fixed notation for decimal exponents -15..15 (100, 0.000001), exponent notation
     * otherwise (1e20, 1.5e-16); no trailing ".0".
     */
    public static String formatDouble(double value) {
        StringBuilder out = new StringBuilder(24);
        appendDouble(out, value);
        return out.toString();
    }

    /** See {@link #formatDouble(double)}. Allocates the digit string of the value. */
    public static void appendDouble(StringBuilder out, double value) {
        if (!Double.isFinite(value)) {
            appendNonFinite(out, value);
            return;
        }
        FloatingDigits digits = DIGITS.get();
        digits.load(value);
        layout(out, digits);
    }

    /**
     * A DOUBLE with a known number of decimals (a column or expression with a scale), printed with
     * exactly that many digits after the point, as MySQL's my_fcvt does; {@code decimals} of
     * {@link #DECIMALS_NOT_SPECIFIED} or more falls back to {@link #formatDouble(double)}.
     */
    public static String formatDouble(double value, int decimals) {
        StringBuilder out = new StringBuilder(24);
        appendDouble(out, value, decimals);
        return out.toString();
    }

    /** See {@link #formatDouble(double, int)}. Allocates when {@code decimals} is fixed. */
    public static void appendDouble(StringBuilder out, double value, int decimals) {
        if (decimals >= DECIMALS_NOT_SPECIFIED || decimals < 0) {
            appendDouble(out, value);
        } else if (!Double.isFinite(value)) {
            appendNonFinite(out, value);
        } else {
            out.append(new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString());
        }
    }

    /**
     * A FLOAT, as MySQL prints it: at most 6 significant digits rounded from the float's exact
     * value (0.1f prints 0.1, 1234567f prints 1234570), laid out like {@link #formatDouble(double)}.
     */
    public static String formatFloat(float value) {
        StringBuilder out = new StringBuilder(16);
        appendFloat(out, value);
        return out.toString();
    }

    /** See {@link #formatFloat(float)}. */
    public static void appendFloat(StringBuilder out, float value) {
        if (!Float.isFinite(value)) {
            appendNonFinite(out, value);
            return;
        }
        FloatingDigits digits = DIGITS.get();
        digits.load(value);
        digits.round(FLOAT_SIGNIFICANT_DIGITS, value);
        layout(out, digits);
    }

    /** A FLOAT with a known number of decimals; see {@link #formatDouble(double, int)}. */
    public static void appendFloat(StringBuilder out, float value, int decimals) {
        if (decimals >= DECIMALS_NOT_SPECIFIED || decimals < 0) {
            appendFloat(out, value);
        } else {
            appendDouble(out, value, decimals);
        }
    }

    /** A DECIMAL with exactly {@code scale} digits after the point: 2.5 at scale 4 prints 2.5000. */
    public static String formatDecimal(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    /** A DECIMAL given as its unscaled value: (25000, 4) prints 2.5000. */
    public static String formatDecimal(long unscaled, int scale) {
        StringBuilder out = new StringBuilder(24);
        appendDecimal(out, unscaled, scale);
        return out.toString();
    }

    /** See {@link #formatDecimal(long, int)}. */
    public static void appendDecimal(StringBuilder out, long unscaled, int scale) {
        if (scale == 0) {
            out.append(unscaled);
            return;
        }
        if (scale < 0 || scale >= POWERS_OF_TEN.length || unscaled == Long.MIN_VALUE) {
            out.append(formatDecimal(BigDecimal.valueOf(unscaled, scale), Math.max(scale, 0)));
            return;
        }
        if (unscaled < 0) {
            out.append('-');
            unscaled = -unscaled;
        }
        long power = POWERS_OF_TEN[scale];
        out.append(unscaled / power).append('.');
        appendPadded(out, unscaled % power, scale);
    }

    /** A DATE, 'YYYY-MM-DD', from days since 1970-01-01. */
    public static String formatDate(long epochDay) {
        StringBuilder out = new StringBuilder(10);
        appendDate(out, epochDay);
        return out.toString();
    }

    /** See {@link #formatDate(long)}. */
    public static void appendDate(StringBuilder out, long epochDay) {
        // Days to civil date (H. Hinnant's algorithm), proleptic Gregorian like MySQL.
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0) {
            out.append('-');
            year = -year;
        }
        appendPadded(out, year, 4);
        out.append('-');
        appendPadded(out, month, 2);
        out.append('-');
        appendPadded(out, day, 2);
    }

    /**
     * A DATETIME or TIMESTAMP, 'YYYY-MM-DD HH:MM:SS' plus '.' and {@code fsp} fractional digits
     * when {@code fsp > 0}, from microseconds since 1970-01-01 00:00:00.
     */
    public static String formatDateTime(long epochMicros, int fsp) {
        StringBuilder out = new StringBuilder(26);
        appendDateTime(out, epochMicros, fsp);
        return out.toString();
    }

    /** See {@link #formatDateTime(long, int)}. */
    public static void appendDateTime(StringBuilder out, long epochMicros, int fsp) {
        appendDate(out, Math.floorDiv(epochMicros, MICROS_PER_DAY));
        out.append(' ');
        appendClock(out, Math.floorMod(epochMicros, MICROS_PER_DAY), fsp);
    }

    /**
     * A TIME, '[-]HH:MM:SS' plus '.' and {@code fsp} fractional digits when {@code fsp > 0}; hours
     * may exceed 24 as in MySQL's TIME range.
     */
    public static String formatTime(long micros, int fsp) {
        StringBuilder out = new StringBuilder(18);
        appendTime(out, micros, fsp);
        return out.toString();
    }

    /** See {@link #formatTime(long, int)}. */
    public static void appendTime(StringBuilder out, long micros, int fsp) {
        if (micros < 0) {
            out.append('-');
            micros = -micros;
        }
        appendClock(out, micros, fsp);
    }

    private static void appendClock(StringBuilder out, long micros, int fsp) {
        long seconds = micros / MICROS_PER_SECOND;
        appendPadded(out, seconds / 3600, 2);
        out.append(':');
        appendPadded(out, seconds / 60 % 60, 2);
        out.append(':');
        appendPadded(out, seconds % 60, 2);
        if (fsp > 0) {
            int digits = Math.min(fsp, 6);
            out.append('.');
            appendPadded(out, micros % MICROS_PER_SECOND / POWERS_OF_TEN[6 - digits], digits);
        }
    }

    private static void appendPadded(StringBuilder out, long value, int width) {
        for (int i = width - 1; i > 0 && value < POWERS_OF_TEN[i]; i--) {
            out.append('0');
        }
        out.append(value);
    }

    // my_gcvt's layout for a field wide enough to hold every digit.
    private static void layout(StringBuilder out, FloatingDigits d) {
        if (d.negative) {
            out.append('-');
        }
        if (d.length == 0) {
            out.append('0');
            return;
        }
        int point = d.decimalPoint;
        if (point <= 0 && point > -MAX_FIXED_DECIMAL_POINT) {
            out.append("0.");
            for (int i = point; i < 0; i++) {
                out.append('0');
            }
            out.append(d.digits, 0, d.length);
        } else if (point > 0 && (point <= MAX_FIXED_DECIMAL_POINT || d.length > point)) {
            if (d.length <= point) {
                out.append(d.digits, 0, d.length);
                for (int i = d.length; i < point; i++) {
                    out.append('0');
                }
            } else {
                out.append(d.digits, 0, point).append('.').append(d.digits, point, d.length - point);
            }
        } else {
            out.append(d.digits[0]);
            if (d.length > 1) {
                out.append('.').append(d.digits, 1, d.length - 1);
            }
            out.append('e').append(point - 1);
        }
    }

    // MySQL cannot store NaN or infinities; Basalt's computations can produce them, and printing
    // them as Java does keeps them distinguishable (and parseable by JDBC drivers).
    private static void appendNonFinite(StringBuilder out, double value) {
        out.append(Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
    }
}
