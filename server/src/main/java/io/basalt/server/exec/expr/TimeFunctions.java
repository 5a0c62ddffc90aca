package io.basalt.server.exec.expr;

import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.value.MysqlValues;
import io.basalt.server.exec.value.Temporals;
import io.basalt.server.exec.value.TimeValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Functions of MySQL TIME values, which are signed durations up to 838:59:59 (see
 * {@link TimeValues}): HOUR can exceed 23, TIMEDIFF can be negative, ADDTIME works on a DATETIME
 * or a TIME. Results past the TIME range are clamped with warning 1292, as MySQL does.
 */
final class TimeFunctions {
    private TimeFunctions() {}

    /** A TIME argument: a datetime gives its time of day, a date 00:00:00, anything else is converted. */
    static Duration time(Object v, ExecContext ctx) {
        return Casts.toTime(v, ctx);
    }

    private static Scalar timePart(Scalar a, Function<Duration, Object> f) {
        return Functions.unary(a, (v, ctx) -> {
            Duration t = time(v, ctx);
            return t == null ? null : f.apply(t);
        });
    }

    private static long absMicros(Duration t) {
        return Math.abs(TimeValues.toMicros(t));
    }

    private static int fsp(RelDataType type) {
        int p = type.getPrecision();
        return p < 0 || p == RelDataType.PRECISION_NOT_SPECIFIED ? 0 : Math.min(6, p);
    }

    static Scalar compile(String n, List<Scalar> args, RelDataType type) {
        switch (n) {
            case "CURTIME", "CURRENT_TIME" -> {
                int fsp = fsp(type);
                return (row, ctx) -> TimeValues.ofTimeOfDay((fsp == 0 ? ctx.statementTime().withNano(0)
                        : Casts.roundFraction(ctx.statementTime(), fsp)).toLocalTime());
            }
            case "UTC_TIME" -> {
                return (row, ctx) -> TimeValues.ofTimeOfDay(ctx.statementTime().atZone(ZoneId.systemDefault())
                        .withZoneSameInstant(ZoneOffset.UTC).toLocalTime().withNano(0));
            }
            case "TIME" -> {
                int fsp = fsp(type);
                return timePart(args.get(0), t -> TimeValues.roundFraction(t, fsp));
            }
            case "HOUR" -> {
                return timePart(args.get(0), t -> absMicros(t) / 3_600_000_000L);
            }
            case "MINUTE" -> {
                return timePart(args.get(0), t -> absMicros(t) / 60_000_000L % 60);
            }
            case "SECOND" -> {
                return timePart(args.get(0), t -> absMicros(t) / 1_000_000L % 60);
            }
            case "MICROSECOND" -> {
                return timePart(args.get(0), t -> absMicros(t) % 1_000_000L);
            }
            case "TIME_TO_SEC" -> {
                return timePart(args.get(0), TimeValues::toSeconds);
            }
            case "SEC_TO_TIME" -> {
                int fsp = fsp(type);
                return Functions.unary(args.get(0), (v, ctx) -> {
                    BigDecimal s = MysqlValues.toDecimal(v, ctx).setScale(fsp, RoundingMode.HALF_UP);
                    if (s.abs().compareTo(BigDecimal.valueOf(TimeValues.MAX.getSeconds() + 1)) > 0) {
                        ctx.warn(1292, "Truncated incorrect time value: '" + MysqlValues.toText(v) + "'");
                        return s.signum() < 0 ? TimeValues.MIN : TimeValues.MAX;
                    }
                    return TimeValues.clamp(TimeValues.ofMicros(s.movePointRight(6).longValueExact()),
                            MysqlValues.toText(v), ctx);
                });
            }
            case "MAKETIME" -> {
                int fsp = fsp(type);
                return (row, ctx) -> {
                    Object h = args.get(0).eval(row, ctx);
                    Object m = args.get(1).eval(row, ctx);
                    Object s = args.get(2).eval(row, ctx);
                    if (h == null || m == null || s == null) {
                        return null;
                    }
                    long hours = MysqlValues.toLong(h, ctx);
                    long minutes = MysqlValues.toLong(m, ctx);
                    BigDecimal seconds = MysqlValues.toDecimal(s, ctx).setScale(fsp, RoundingMode.HALF_UP);
                    if (minutes < 0 || minutes > 59 || seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(60)) >= 0) {
                        return null;
                    }
                    String text = hours + ":" + minutes + ":" + seconds.toPlainString();
                    if (Math.abs(hours) > 838) {
                        ctx.warn(1292, "Truncated incorrect time value: '" + text + "'");
                        return hours < 0 ? TimeValues.MIN : TimeValues.MAX;
                    }
                    long micros = (Math.abs(hours) * 3600 + minutes * 60) * 1_000_000L + seconds.movePointRight(6).longValue();
                    // MAKETIME(-0, ...) cannot be negative: MySQL takes the sign from the hours.
                    return TimeValues.clamp(TimeValues.ofMicros(hours < 0 ? -micros : micros), text, ctx);
                };
            }
            case "TIMEDIFF" -> {
                int fsp = fsp(type);
                return Functions.binaryCtx(args.get(0), args.get(1), (x, y, ctx) -> {
                    Object a = timeOrDateTime(x, ctx);
                    Object b = timeOrDateTime(y, ctx);
                    if (a == null || b == null) {
                        return null;
                    }
                    Duration d;
                    if (a instanceof Duration ta && b instanceof Duration tb) {
                        d = ta.minus(tb);
                    } else if (a instanceof LocalDateTime da && b instanceof LocalDateTime db) {
                        d = Duration.between(db, da);
                    } else {
                        // A TIME against a DATETIME: MySQL returns NULL.
                        return null;
                    }
                    return TimeValues.clamp(TimeValues.roundFraction(d, fsp), ctx);
                });
            }
            case "ADDTIME", "SUBTIME" -> {
                boolean subtract = n.equals("SUBTIME");
                SqlTypeName result = type.getSqlTypeName();
                int fsp = fsp(type);
                return Functions.binaryCtx(args.get(0), args.get(1), (x, y, ctx) -> {
                    Object a = result == SqlTypeName.TIMESTAMP ? DateFunctions.dateTime(x, ctx) : timeOrDateTime(x, ctx);
                    // The second argument must be a TIME: a datetime there gives NULL, as in MySQL.
                    Duration b = timeOrDateTime(y, ctx) instanceof Duration d ? d : null;
                    if (a == null || b == null) {
                        return null;
                    }
                    if (subtract) {
                        b = b.negated();
                    }
                    if (a instanceof LocalDateTime t) {
                        LocalDateTime r = Casts.roundFraction(t.plus(b), fsp);
                        if (r.getYear() < 0 || r.getYear() > 9999) {
                            return null;
                        }
                        return result == SqlTypeName.TIMESTAMP ? r : Temporals.toText(r);
                    }
                    Duration r = TimeValues.clamp(TimeValues.roundFraction(((Duration) a).plus(b), fsp), ctx);
                    return result == SqlTypeName.TIME ? r : TimeValues.format(r, -1);
                });
            }
            case "TIMESTAMP" -> {
                if (args.size() != 2) {
                    return null;
                }
                return Functions.binaryCtx(args.get(0), args.get(1), (x, y, ctx) -> {
                    LocalDateTime t = DateFunctions.dateTime(x, ctx);
                    Duration add = time(y, ctx);
                    return t == null || add == null ? null : t.plus(add);
                });
            }
            case "TIME_FORMAT" -> {
                return Functions.binaryCtx(args.get(0), args.get(1), (x, f, ctx) -> {
                    Duration t = time(x, ctx);
                    return t == null ? null : format(t, MysqlValues.toText(f));
                });
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * An argument of TIMEDIFF or ADDTIME: a DATETIME (LocalDateTime) or a TIME (Duration). Text
     * and numbers are a datetime when they look like one ('2024-01-05 10:00:00', 20240105100000)
     * and a time otherwise. Null, with a warning, when neither.
     */
    static Object timeOrDateTime(Object v, ExecContext ctx) {
        if (v instanceof Duration || v instanceof LocalDateTime) {
            return v;
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        boolean dateTime;
        if (v instanceof Long || v instanceof BigDecimal || v instanceof Double) {
            dateTime = MysqlValues.toDecimal(v, ctx).abs().compareTo(BigDecimal.valueOf(10_000_000_000L)) >= 0;
        } else {
            dateTime = TimeValues.looksLikeDateTime(MysqlValues.toText(v).strip());
        }
        return dateTime ? DateFunctions.dateTime(v, ctx) : time(v, ctx);
    }

    /**
     * TIME_FORMAT: only hour, minute, second and microsecond specifiers; %H and %k show every
     * hour (100 for 100:00:00), a negative TIME starts with '-'. Date specifiers give NULL.
     */
    static String format(Duration t, String fmt) {
        long micros = TimeValues.toMicros(t);
        long abs = Math.abs(micros);
        long hours = abs / 3_600_000_000L;
        long minutes = abs / 60_000_000L % 60;
        long seconds = abs / 1_000_000L % 60;
        long fraction = abs % 1_000_000L;
        long hour12 = hours % 12 == 0 ? 12 : hours % 12;
        String ampm = hours % 24 < 12 ? "AM" : "PM";
        StringBuilder sb = new StringBuilder();
        if (micros < 0) {
            sb.append('-');
        }
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%' || i + 1 == fmt.length()) {
                sb.append(c);
                continue;
            }
            char s = fmt.charAt(++i);
            switch (s) {
                case 'H' -> sb.append(String.format("%02d", hours));
                case 'k' -> sb.append(hours);
                case 'h', 'I' -> sb.append(String.format("%02d", hour12));
                case 'l' -> sb.append(hour12);
                case 'i' -> sb.append(String.format("%02d", minutes));
                case 's', 'S' -> sb.append(String.format("%02d", seconds));
                case 'f' -> sb.append(String.format("%06d", fraction));
                case 'p' -> sb.append(ampm);
                case 'r' -> sb.append(String.format("%02d:%02d:%02d %s", hour12, minutes, seconds, ampm));
                case 'T' -> sb.append(String.format("%02d:%02d:%02d", hours, minutes, seconds));
                case 'a', 'b', 'c', 'D', 'd', 'e', 'j', 'M', 'm', 'U', 'u', 'V', 'v', 'W', 'w', 'X', 'x', 'Y', 'y' -> {
                    return null;
                }
                default -> sb.append(s);
            }
        }
        return sb.toString();
    }

    /** DATE_ADD of a TIME with a unit that keeps it a TIME; NULL with a warning past the TIME range. */
    static Duration addToTime(Duration t, Object amount, String unit, boolean subtract, ExecContext ctx) {
        if (t == null) {
            return null;
        }
        // Add on a datetime far from both calendar ends, then take the distance back.
        LocalDateTime anchor = LocalDate.of(2000, 1, 1).atStartOfDay();
        LocalDateTime r = Intervals.add(anchor.plus(t), amount, unit, subtract, ctx);
        if (r == null) {
            return null;
        }
        Duration d = Duration.between(anchor, r);
        if (!TimeValues.inRange(d)) {
            ctx.warn(1441, "Datetime function: time field overflow");
            return null;
        }
        return d;
    }

    /** EXTRACT from a TIME: every field carries the TIME's sign; HOUR counts all hours (MySQL). */
    static Object extractTime(String unit, Duration t) {
        long micros = TimeValues.toMicros(t);
        long sign = micros < 0 ? -1 : 1;
        long abs = Math.abs(micros);
        long h = abs / 3_600_000_000L;
        long m = abs / 60_000_000L % 60;
        long s = abs / 1_000_000L % 60;
        long us = abs % 1_000_000L;
        Long v = switch (unit) {
            case "YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "YEAR_MONTH" -> 0L;
            case "HOUR", "DAY_HOUR" -> h;
            case "MINUTE" -> m;
            case "SECOND" -> s;
            case "MICROSECOND" -> us;
            case "DAY_MINUTE", "HOUR_MINUTE" -> h * 100 + m;
            case "DAY_SECOND", "HOUR_SECOND" -> h * 10000 + m * 100 + s;
            case "MINUTE_SECOND" -> m * 100 + s;
            case "DAY_MICROSECOND", "HOUR_MICROSECOND" -> (h * 10000 + m * 100 + s) * 1_000_000L + us;
            case "MINUTE_MICROSECOND" -> (m * 100 + s) * 1_000_000L + us;
            case "SECOND_MICROSECOND" -> s * 1_000_000L + us;
            default -> null;
        };
        return v == null ? null : v * sign;
    }
}
