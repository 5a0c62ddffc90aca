package io.basalt.server.dml;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.catalog.ColumnDef;
import io.basalt.server.exec.expr.Casts;
import io.basalt.server.exec.value.MysqlValues;
import io.basalt.server.exec.value.Temporals;
import io.basalt.server.exec.value.TimeValues;
import io.basalt.server.exec.value.Warnings;
import io.basalt.server.sql.type.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Converts a value written to a column into the column's type, as MySQL does in strict mode: a
 * value that does not fit (out of range, too long, not a number, not a date) is an error naming
 * the column and row. In lenient mode (INSERT IGNORE) it is adjusted with a warning instead.
 */
public final class ColumnCoercion {
    private ColumnCoercion() {}

    /**
     * @param row 1-based row number for messages
     * @param strict raise errors rather than warnings
     */
    public static Object coerce(Object v, ColumnDef col, long row, boolean strict, Warnings w) {
        if (v == null) {
            return null;
        }
        SqlType t = col.type();
        return switch (t.kind()) {
            case BOOLEAN -> integer(v, col, row, strict, w, -128, 127) != 0;
            case TINYINT -> integer(v, col, row, strict, w, t.unsigned() ? 0 : -128, t.unsigned() ? 255 : 127);
            case SMALLINT -> integer(v, col, row, strict, w, t.unsigned() ? 0 : -32768, t.unsigned() ? 65535 : 32767);
            case INT -> integer(v, col, row, strict, w, t.unsigned() ? 0 : Integer.MIN_VALUE,
                    t.unsigned() ? 4294967295L : Integer.MAX_VALUE);
            case BIGINT -> t.unsigned() ? unsignedBigint(v, col, row, strict, w)
                    : integer(v, col, row, strict, w, Long.MIN_VALUE, Long.MAX_VALUE);
            case FLOAT, DOUBLE -> floating(v, col, row, strict, w);
            case DECIMAL -> decimal(v, col, row, strict, w);
            case CHAR, VARCHAR, TEXT -> string(v, col, row, strict, w);
            case DATE -> {
                LocalDateTime d = temporal(v, col, row, strict, w, "date");
                yield d == null ? null : d.toLocalDate();
            }
            case DATETIME, TIMESTAMP -> {
                LocalDateTime d = temporal(v, col, row, strict, w, "datetime");
                yield d == null ? null : Casts.roundFraction(d, t.length());
            }
            case TIME -> time(v, col, row, strict, w);
            case VARBINARY, BLOB -> binary(v, col, row, strict, w);
        };
    }

    private static BasaltException outOfRange(ColumnDef col, long row) {
        return BasaltException.of(ErrorCode.OUT_OF_RANGE, "Out of range value for column '%s' at row %d", col.name(), row);
    }

    private static BasaltException incorrect(String kind, Object v, ColumnDef col, long row) {
        return BasaltException.of(ErrorCode.INCORRECT_VALUE_FOR_FIELD, "Incorrect %s value: '%s' for column '%s' at row %d",
                kind, MysqlValues.toText(v), col.name(), row);
    }

    /** A string that must be a number entirely (leading/trailing blanks allowed). */
    private static BigDecimal numericText(String s) {
        String x = s.strip();
        if (x.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(x);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long integer(Object v, ColumnDef col, long row, boolean strict, Warnings w, long min, long max) {
        BigDecimal d;
        if (v instanceof Long l) {
            d = null;
            if (l >= min && l <= max) {
                return l;
            }
            if (strict) {
                throw outOfRange(col, row);
            }
            w.warn(1264, "Out of range value for column '" + col.name() + "' at row " + row);
            return l < min ? min : max;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String s) {
            d = numericText(s);
            if (d == null) {
                if (strict) {
                    throw incorrect("integer", v, col, row);
                }
                w.warn(1366, "Incorrect integer value: '" + s + "' for column '" + col.name() + "' at row " + row);
                d = MysqlValues.parseDecimalPrefix(s, Warnings.IGNORE);
            }
        } else if (v instanceof Double x) {
            if (x.isNaN() || x.isInfinite()) {
                throw outOfRange(col, row);
            }
            d = new BigDecimal(x);
        } else if (Temporals.isTemporal(v)) {
            d = Temporals.toNumber(v);
        } else if (v instanceof byte[] b) {
            return integer(new String(b, StandardCharsets.UTF_8), col, row, strict, w, min, max);
        } else {
            d = MysqlValues.toDecimal(v, w);
        }
        BigDecimal r = d.setScale(0, RoundingMode.HALF_UP);
        if (r.compareTo(BigDecimal.valueOf(min)) < 0 || r.compareTo(BigDecimal.valueOf(max)) > 0) {
            if (strict) {
                throw outOfRange(col, row);
            }
            w.warn(1264, "Out of range value for column '" + col.name() + "' at row " + row);
            return r.signum() < 0 ? min : max;
        }
        return r.longValue();
    }

    private static BigDecimal unsignedBigint(Object v, ColumnDef col, long row, boolean strict, Warnings w) {
        BigDecimal d = v instanceof String s ? numericText(s) : MysqlValues.toDecimal(v, w);
        if (d == null) {
            if (strict) {
                throw incorrect("integer", v, col, row);
            }
            d = BigDecimal.ZERO;
        }
        BigDecimal r = d.setScale(0, RoundingMode.HALF_UP);
        BigDecimal max = new BigDecimal(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
        if (r.signum() < 0 || r.compareTo(max) > 0) {
            if (strict) {
                throw outOfRange(col, row);
            }
            return r.signum() < 0 ? BigDecimal.ZERO : max;
        }
        return r;
    }

    private static double floating(Object v, ColumnDef col, long row, boolean strict, Warnings w) {
        if (v instanceof String s) {
            BigDecimal d = numericText(s);
            if (d == null) {
                if (strict) {
                    throw incorrect("double", v, col, row);
                }
                return MysqlValues.parseDoublePrefix(s, Warnings.IGNORE);
            }
            return d.doubleValue();
        }
        double d = MysqlValues.toDouble(v, w);
        if (Double.isNaN(d) || Double.isInfinite(d)
                || (col.type().kind() == SqlType.Kind.FLOAT && Math.abs(d) > Float.MAX_VALUE)) {
            if (strict) {
                throw outOfRange(col, row);
            }
            return col.type().kind() == SqlType.Kind.FLOAT ? Math.copySign(Float.MAX_VALUE, d) : Math.copySign(Double.MAX_VALUE, d);
        }
        return d;
    }

    private static BigDecimal decimal(Object v, ColumnDef col, long row, boolean strict, Warnings w) {
        BigDecimal d;
        if (v instanceof String s) {
            d = numericText(s);
            if (d == null) {
                if (strict) {
                    throw incorrect("decimal", v, col, row);
                }
                d = MysqlValues.parseDecimalPrefix(s, Warnings.IGNORE);
            }
        } else if (v instanceof Double x && (x.isNaN() || x.isInfinite())) {
            throw outOfRange(col, row);
        } else {
            d = MysqlValues.toDecimal(v, w);
        }
        int p = col.type().length();
        int s = col.type().scale();
        BigDecimal r = d.setScale(s, RoundingMode.HALF_UP);
        if (r.precision() - r.scale() > p - s && r.signum() != 0) {
            if (strict) {
                throw outOfRange(col, row);
            }
            w.warn(1264, "Out of range value for column '" + col.name() + "' at row " + row);
            BigDecimal max = BigDecimal.TEN.pow(p - s).subtract(BigDecimal.ONE.movePointLeft(s));
            r = (r.signum() < 0 ? max.negate() : max).setScale(s, RoundingMode.UNNECESSARY);
        }
        if (col.type().unsigned() && r.signum() < 0) {
            if (strict) {
                throw outOfRange(col, row);
            }
            r = BigDecimal.ZERO.setScale(s);
        }
        return r;
    }

    private static String string(Object v, ColumnDef col, long row, boolean strict, Warnings w) {
        String s = MysqlValues.toText(v);
        if (io.basalt.session.ClientText.hasRawBytes(s)) {
            String bad = io.basalt.session.ClientText.describeRawBytes(s);
            if (strict) {
                throw BasaltException.of(ErrorCode.INCORRECT_VALUE_FOR_FIELD,
                        "Incorrect string value: '%s' for column '%s' at row %d", bad, col.name(), row);
            }
            w.warn(1366, "Incorrect string value: '" + bad + "' for column '" + col.name() + "' at row " + row);
            s = new String(io.basalt.session.ClientText.encode(s), StandardCharsets.UTF_8);
        }
        SqlType t = col.type();
        if (t.kind() == SqlType.Kind.CHAR) {
            // CHAR values are stored without trailing spaces, as MySQL returns them.
            int end = s.length();
            while (end > 0 && s.charAt(end - 1) == ' ') {
                end--;
            }
            s = s.substring(0, end);
        }
        int max = t.maxChars();
        if (max >= 0 && s.codePointCount(0, s.length()) > max) {
            if (strict) {
                throw BasaltException.of(ErrorCode.DATA_TOO_LONG, "Data too long for column '%s' at row %d", col.name(), row);
            }
            w.warn(1265, "Data truncated for column '" + col.name() + "' at row " + row);
            s = s.substring(0, s.offsetByCodePoints(0, max));
        }
        return s;
    }

    private static LocalDateTime temporal(Object v, ColumnDef col, long row, boolean strict, Warnings w, String kind) {
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        LocalDateTime t = Temporals.toDateTime(v);
        if (t == null) {
            if (strict) {
                throw BasaltException.of(ErrorCode.TRUNCATED_WRONG_VALUE, "Incorrect %s value: '%s' for column '%s' at row %d",
                        kind, MysqlValues.toText(v), col.name(), row);
            }
            w.warn(1264, "Out of range value for column '" + col.name() + "' at row " + row);
            return null;
        }
        return t;
    }

    private static Duration time(Object v, ColumnDef col, long row, boolean strict, Warnings w) {
        boolean[] clamped = {false};
        Duration t = Casts.toTime(v, (code, message) -> clamped[0] = true);
        if (t != null) {
            t = TimeValues.roundFraction(t, col.type().length());
            if (!TimeValues.inRange(t)) {
                // 838:59:59.6 rounded to TIME(0)
                clamped[0] = true;
                t = TimeValues.clamp(t, Warnings.IGNORE);
            }
        }
        if (t == null || clamped[0]) {
            // Out of -838:59:59..838:59:59 or not a time: an error in strict mode, as in MySQL;
            // otherwise the nearest end of the range (or NULL) with a warning.
            if (strict) {
                throw BasaltException.of(ErrorCode.TRUNCATED_WRONG_VALUE, "Incorrect time value: '%s' for column '%s' at row %d",
                        MysqlValues.toText(v), col.name(), row);
            }
            if (t == null) {
                w.warn(1265, "Data truncated for column '" + col.name() + "' at row " + row);
                return null;
            }
            w.warn(1264, "Out of range value for column '" + col.name() + "' at row " + row);
        }
        return t;
    }

    private static byte[] binary(Object v, ColumnDef col, long row, boolean strict, Warnings w) {
        byte[] b = MysqlValues.toBytes(v);
        int max = col.type().kind() == SqlType.Kind.VARBINARY ? col.type().length() : -1;
        if (max > 0 && b.length > max) {
            if (strict) {
                throw BasaltException.of(ErrorCode.DATA_TOO_LONG, "Data too long for column '%s' at row %d", col.name(), row);
            }
            b = java.util.Arrays.copyOf(b, max);
        }
        return b;
    }
}
