package io.basalt.server.exec.expr;

import io.basalt.server.exec.value.MysqlValues;
import io.basalt.server.exec.value.Temporals;
import io.basalt.server.exec.value.TimeValues;
import io.basalt.server.exec.value.Warnings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * CAST with MySQL's rules: lenient conversions that warn instead of failing (CAST('12ab' AS
 * SIGNED) is 12 with a warning, an invalid date is NULL with a warning).
 */
public final class Casts {
    /** ER_TRUNCATED_WRONG_VALUE. */
    private static final int TRUNCATED = 1292;

    private Casts() {}

    /** Converts a runtime value to the representation of {@code target}. */
    public static Object cast(Object v, RelDataType target, Warnings w) {
        if (v == null) {
            return null;
        }
        SqlTypeName t = target.getSqlTypeName();
        return switch (t) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> MysqlValues.toLong(v, w);
            case DECIMAL -> toDecimal(v, target.getPrecision(), target.getScale(), w);
            case DOUBLE, FLOAT, REAL -> MysqlValues.toDouble(v, w);
            case BOOLEAN -> MysqlValues.truth(v, w);
            case CHAR, VARCHAR -> {
                String s = MysqlValues.toText(v);
                int max = target.getPrecision();
                if (max > 0 && max != RelDataType.PRECISION_NOT_SPECIFIED && s.length() > max
                        && max < Integer.MAX_VALUE / 2) {
                    w.warn(TRUNCATED, "Truncated incorrect CHAR(" + max + ") value: '" + s + "'");
                    s = s.substring(0, max);
                }
                yield s;
            }
            case DATE -> toDate(v, w);
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> toDateTime(v, target.getPrecision(), w);
            case TIME -> {
                Duration d = toTime(v, w);
                yield d == null ? null : TimeValues.clamp(TimeValues.roundFraction(d, fsp(target)), w);
            }
            case BINARY, VARBINARY -> MysqlValues.toBytes(v);
            case NULL -> null;
            default -> v;
        };
    }

    public static BigDecimal toDecimal(Object v, int precision, int scale, Warnings w) {
        BigDecimal d = MysqlValues.toDecimal(v, w);
        if (scale == RelDataType.SCALE_NOT_SPECIFIED || precision == RelDataType.PRECISION_NOT_SPECIFIED) {
            return d;
        }
        d = d.setScale(scale, RoundingMode.HALF_UP);
        int integerDigits = d.precision() - d.scale();
        if (d.signum() != 0 && integerDigits > precision - scale) {
            // Out of range for DECIMAL(p,s): MySQL clamps to the largest value and warns.
            w.warn(1264, "Out of range value for column at row 1");
            BigDecimal max = BigDecimal.TEN.pow(precision - scale).subtract(BigDecimal.ONE.movePointLeft(scale));
            d = (d.signum() < 0 ? max.negate() : max).setScale(scale, RoundingMode.UNNECESSARY);
        }
        return d;
    }

    public static LocalDate toDate(Object v, Warnings w) {
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        LocalDateTime t = Temporals.toDateTime(v);
        if (t == null) {
            w.warn(TRUNCATED, "Incorrect datetime value: '" + MysqlValues.toText(v) + "'");
            return null;
        }
        return t.toLocalDate();
    }

    public static LocalDateTime toDateTime(Object v, int precision, Warnings w) {
        LocalDateTime t;
        if (v instanceof LocalDateTime x) {
            t = x;
        } else if (v instanceof Duration x) {
            t = TimeValues.atDate(LocalDate.now(), x);
        } else {
            t = Temporals.toDateTime(v);
        }
        if (t == null) {
            w.warn(TRUNCATED, "Incorrect datetime value: '" + MysqlValues.toText(v) + "'");
            return null;
        }
        return roundFraction(t, precision);
    }

    /** Rounds fractional seconds to {@code fsp} digits (0..6). */
    public static LocalDateTime roundFraction(LocalDateTime t, int fsp) {
        int digits = fsp < 0 || fsp == RelDataType.PRECISION_NOT_SPECIFIED ? 6 : Math.min(6, fsp);
        long unit = (long) Math.pow(10, 9 - digits);
        long nanos = t.getNano();
        long rounded = (nanos + unit / 2) / unit * unit;
        if (rounded == nanos) {
            return t;
        }
        return t.withNano(0).plusNanos(rounded);
    }

    private static int fsp(RelDataType t) {
        int p = t.getPrecision();
        return p == RelDataType.PRECISION_NOT_SPECIFIED || p < 0 ? 0 : Math.min(6, p);
    }

    /**
     * A value as a TIME (CAST(x AS TIME), a TIME argument): a datetime gives its time of day, a
     * date 00:00:00, a number [-]HHMMSS, text any of MySQL's time forms. Null with warning 1292
     * when it is not a time; beyond 838:59:59 it is clamped with the same warning.
     */
    public static Duration toTime(Object v, Warnings w) {
        if (v instanceof Duration t) {
            return t;
        }
        if (v instanceof LocalDateTime t) {
            return TimeValues.ofTimeOfDay(t.toLocalTime());
        }
        if (v instanceof LocalDate) {
            return Duration.ZERO;
        }
        Duration t;
        if (v instanceof Long || v instanceof BigDecimal || v instanceof Double || v instanceof Boolean) {
            t = TimeValues.fromNumber(MysqlValues.toDecimal(v, w), w);
        } else {
            t = TimeValues.parse(MysqlValues.toText(v), w);
        }
        if (t == null) {
            w.warn(TRUNCATED, "Incorrect time value: '" + MysqlValues.toText(v) + "'");
        }
        return t;
    }
}
