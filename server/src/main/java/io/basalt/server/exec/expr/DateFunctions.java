package io.basalt.server.exec.expr;

import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.value.MysqlValues;
import io.basalt.server.exec.value.Temporals;
import io.basalt.server.exec.value.TimeValues;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/** Date and time functions with MySQL semantics; invalid dates give NULL with a warning. */
final class DateFunctions {
    private static final int WARN_BAD_DATETIME = 1292;
    /** Days between 0000-01-01 and 1970-01-01 in MySQL's proleptic calendar (TO_DAYS). */
    private static final long TO_DAYS_EPOCH = 719528;

    private DateFunctions() {}

    static LocalDateTime dateTime(Object v, ExecContext ctx) {
        LocalDateTime t = Temporals.toDateTime(v);
        if (t == null) {
            ctx.warn(WARN_BAD_DATETIME, "Incorrect datetime value: '" + MysqlValues.toText(v) + "'");
        }
        return t;
    }

    private static Scalar datePart(Scalar a, java.util.function.Function<LocalDateTime, Object> f) {
        return (row, ctx) -> {
            Object v = a.eval(row, ctx);
            if (v == null) {
                return null;
            }
            LocalDateTime t = dateTime(v, ctx);
            return t == null ? null : f.apply(t);
        };
    }

    static Scalar compile(String n, List<Scalar> args, List<RexNode> operands, RelDataType type) {
        switch (n) {
            case "NOW", "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP", "SYSDATE" -> {
                int fsp = type.getPrecision();
                return (row, ctx) -> Casts.roundFraction(fsp <= 0 ? ctx.statementTime().withNano(0) : ctx.statementTime(), fsp);
            }
            case "UTC_TIMESTAMP" -> {
                return (row, ctx) -> ctx.statementTime().atZone(ZoneId.systemDefault())
                        .withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime().withNano(0);
            }
            case "CURDATE", "CURRENT_DATE" -> {
                return (row, ctx) -> ctx.statementTime().toLocalDate();
            }
            case "UTC_DATE" -> {
                return (row, ctx) -> ctx.statementTime().atZone(ZoneId.systemDefault())
                        .withZoneSameInstant(ZoneOffset.UTC).toLocalDate();
            }
            case "DATE" -> {
                return datePart(args.get(0), LocalDateTime::toLocalDate);
            }
            case "TIMESTAMP" -> {
                return datePart(args.get(0), t -> t);
            }
            case "YEAR" -> {
                return datePart(args.get(0), t -> (long) t.getYear());
            }
            case "MONTH" -> {
                return datePart(args.get(0), t -> (long) t.getMonthValue());
            }
            case "DAY", "DAYOFMONTH" -> {
                return datePart(args.get(0), t -> (long) t.getDayOfMonth());
            }
            case "DAYOFWEEK" -> {
                return datePart(args.get(0), t -> (long) (t.getDayOfWeek().getValue() % 7 + 1));
            }
            case "WEEKDAY" -> {
                return datePart(args.get(0), t -> (long) (t.getDayOfWeek().getValue() - 1));
            }
            case "DAYOFYEAR" -> {
                return datePart(args.get(0), t -> (long) t.getDayOfYear());
            }
            case "QUARTER" -> {
                return datePart(args.get(0), t -> (long) ((t.getMonthValue() - 1) / 3 + 1));
            }
            case "WEEKOFYEAR" -> {
                return datePart(args.get(0), t -> (long) t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            }
            case "WEEK" -> {
                Scalar a = args.get(0);
                Scalar m = args.size() > 1 ? args.get(1) : null;
                return (row, ctx) -> {
                    Object v = a.eval(row, ctx);
                    if (v == null) {
                        return null;
                    }
                    LocalDateTime t = dateTime(v, ctx);
                    if (t == null) {
                        return null;
                    }
                    int mode = m == null ? 0 : (int) MysqlValues.toLong(m.eval(row, ctx), ctx);
                    return (long) Weeks.week(t.toLocalDate(), mode, false)[1];
                };
            }
            case "YEARWEEK" -> {
                Scalar a = args.get(0);
                Scalar m = args.size() > 1 ? args.get(1) : null;
                return (row, ctx) -> {
                    Object v = a.eval(row, ctx);
                    if (v == null) {
                        return null;
                    }
                    LocalDateTime t = dateTime(v, ctx);
                    if (t == null) {
                        return null;
                    }
                    int mode = m == null ? 0 : (int) MysqlValues.toLong(m.eval(row, ctx), ctx);
                    int[] yw = Weeks.week(t.toLocalDate(), mode, true);
                    return (long) (yw[0] * 100 + yw[1]);
                };
            }
            case "MONTHNAME" -> {
                return datePart(args.get(0), t -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.US));
            }
            case "DAYNAME" -> {
                return datePart(args.get(0), t -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US));
            }
            case "TO_DAYS" -> {
                return datePart(args.get(0), t -> t.toLocalDate().toEpochDay() + TO_DAYS_EPOCH);
            }
            case "TO_SECONDS" -> {
                return datePart(args.get(0), t -> (t.toLocalDate().toEpochDay() + TO_DAYS_EPOCH) * 86400L
                        + t.toLocalTime().toSecondOfDay());
            }
            case "FROM_DAYS" -> {
                return Functions.unary(args.get(0), (v, ctx) -> {
                    long d = MysqlValues.toLong(v, ctx);
                    return d < 366 ? null : LocalDate.ofEpochDay(d - TO_DAYS_EPOCH);
                });
            }
            case "MAKEDATE" -> {
                return Functions.binary(args.get(0), args.get(1), (y, d) -> {
                    long day = MysqlValues.toLong(d, io.basalt.server.exec.value.Warnings.IGNORE);
                    long year = MysqlValues.toLong(y, io.basalt.server.exec.value.Warnings.IGNORE);
                    if (day <= 0) {
                        return null;
                    }
                    return LocalDate.of((int) year, 1, 1).plusDays(day - 1);
                });
            }
            case "LAST_DAY" -> {
                return datePart(args.get(0), t -> t.toLocalDate().withDayOfMonth(t.toLocalDate().lengthOfMonth()));
            }
            case "DATEDIFF" -> {
                return (row, ctx) -> {
                    Object a = args.get(0).eval(row, ctx);
                    Object b = args.get(1).eval(row, ctx);
                    if (a == null || b == null) {
                        return null;
                    }
                    LocalDateTime x = dateTime(a, ctx);
                    LocalDateTime y = dateTime(b, ctx);
                    return x == null || y == null ? null
                            : x.toLocalDate().toEpochDay() - y.toLocalDate().toEpochDay();
                };
            }
            case "TIMESTAMPDIFF" -> {
                Scalar unit = args.get(0);
                return (row, ctx) -> {
                    Object a = args.get(1).eval(row, ctx);
                    Object b = args.get(2).eval(row, ctx);
                    if (a == null || b == null) {
                        return null;
                    }
                    LocalDateTime x = dateTime(a, ctx);
                    LocalDateTime y = dateTime(b, ctx);
                    if (x == null || y == null) {
                        return null;
                    }
                    return timestampDiff(MysqlValues.toText(unit.eval(row, ctx)), x, y);
                };
            }
            case "DATE_ADD", "DATE_SUB" -> {
                boolean subtract = n.equals("DATE_SUB");
                boolean dateResult = type.getSqlTypeName() == SqlTypeName.DATE;
                boolean textResult = type.getSqlTypeName() == SqlTypeName.VARCHAR;
                boolean timeResult = type.getSqlTypeName() == SqlTypeName.TIME;
                return (row, ctx) -> {
                    Object d = args.get(0).eval(row, ctx);
                    Object amount = args.get(1).eval(row, ctx);
                    Object unit = args.get(2).eval(row, ctx);
                    if (d == null || amount == null) {
                        return null;
                    }
                    if (timeResult) {
                        return TimeFunctions.addToTime(TimeFunctions.time(d, ctx), amount, MysqlValues.toText(unit), subtract, ctx);
                    }
                    LocalDateTime t = dateTime(d, ctx);
                    if (t == null) {
                        return null;
                    }
                    LocalDateTime r = Intervals.add(t, amount, MysqlValues.toText(unit), subtract, ctx);
                    if (r == null || r.getYear() < 0 || r.getYear() > 9999) {
                        return null;
                    }
                    if (textResult) {
                        String unitText = MysqlValues.toText(unit);
                        boolean dayUnit = List.of("DAY", "WEEK", "MONTH", "QUARTER", "YEAR", "YEAR_MONTH").contains(unitText);
                        boolean hadTime = MysqlValues.toText(d).indexOf(':') >= 0;
                        return dayUnit && !hadTime ? Temporals.formatDate(r.toLocalDate()) : Temporals.toText(r);
                    }
                    return dateResult ? r.toLocalDate() : r;
                };
            }
            case "DATE_FORMAT" -> {
                return (row, ctx) -> {
                    Object d = args.get(0).eval(row, ctx);
                    Object f = args.get(1).eval(row, ctx);
                    if (d == null || f == null) {
                        return null;
                    }
                    // A time of day formats on 0000-01-01; a longer or negative TIME is added to today, as in MySQL.
                    LocalDateTime t = d instanceof Duration lt ? TimeValues.atDate(
                            TimeValues.isTimeOfDay(lt) ? LocalDate.of(0, 1, 1) : ctx.statementTime().toLocalDate(), lt)
                            : dateTime(d, ctx);
                    return t == null ? null : DateFormats.format(t, MysqlValues.toText(f));
                };
            }
            case "STR_TO_DATE" -> {
                return (row, ctx) -> {
                    Object s = args.get(0).eval(row, ctx);
                    Object f = args.get(1).eval(row, ctx);
                    if (s == null || f == null) {
                        return null;
                    }
                    LocalDateTime t = DateFormats.parse(MysqlValues.toText(s), MysqlValues.toText(f));
                    if (t == null) {
                        ctx.warn(1411, "Incorrect datetime value: '" + MysqlValues.toText(s) + "' for function str_to_date");
                    }
                    return t;
                };
            }
            case "FROM_UNIXTIME" -> {
                return (row, ctx) -> {
                    Object v = args.get(0).eval(row, ctx);
                    if (v == null) {
                        return null;
                    }
                    BigDecimal secs = MysqlValues.toDecimal(v, ctx);
                    if (secs.signum() < 0) {
                        return null;
                    }
                    long micros = secs.movePointRight(6).longValue();
                    LocalDateTime t = LocalDateTime.ofInstant(java.time.Instant.EPOCH.plus(micros, ChronoUnit.MICROS),
                            ZoneId.systemDefault());
                    if (args.size() > 1) {
                        Object f = args.get(1).eval(row, ctx);
                        return f == null ? null : DateFormats.format(t, MysqlValues.toText(f));
                    }
                    return t;
                };
            }
            case "UNIX_TIMESTAMP" -> {
                if (args.isEmpty()) {
                    return (row, ctx) -> ctx.statementTime().atZone(ZoneId.systemDefault()).toEpochSecond();
                }
                return datePart(args.get(0), t -> t.atZone(ZoneId.systemDefault()).toEpochSecond());
            }
            case "CONVERT_TZ" -> {
                return (row, ctx) -> {
                    Object d = args.get(0).eval(row, ctx);
                    Object from = args.get(1).eval(row, ctx);
                    Object to = args.get(2).eval(row, ctx);
                    if (d == null || from == null || to == null) {
                        return null;
                    }
                    LocalDateTime t = dateTime(d, ctx);
                    ZoneId z1 = zone(MysqlValues.toText(from));
                    ZoneId z2 = zone(MysqlValues.toText(to));
                    if (t == null || z1 == null || z2 == null) {
                        return null;
                    }
                    return t.atZone(z1).withZoneSameInstant(z2).toLocalDateTime();
                };
            }
            case "PERIOD_ADD" -> {
                return Functions.binaryCtx(args.get(0), args.get(1), (p, m, ctx) -> {
                    long period = validPeriod(MysqlValues.toLong(p, ctx), "period_add");
                    long month = periodToMonth(period) + MysqlValues.toLong(m, ctx);
                    if (month < 0) {
                        throw wrongArguments("period_add");
                    }
                    return monthToPeriod(month);
                });
            }
            case "PERIOD_DIFF" -> {
                return Functions.binaryCtx(args.get(0), args.get(1), (a, b, ctx) ->
                        periodToMonth(validPeriod(MysqlValues.toLong(a, ctx), "period_diff"))
                                - periodToMonth(validPeriod(MysqlValues.toLong(b, ctx), "period_diff")));
            }
            case "DATE_TRUNC" -> {
                boolean dateResult = type.getSqlTypeName() == SqlTypeName.DATE;
                return Functions.binaryCtx(args.get(0), args.get(1), (u, d, ctx) -> {
                    LocalDateTime t = dateTime(d, ctx);
                    if (t == null) {
                        return null;
                    }
                    LocalDateTime r = truncate(t, MysqlValues.toText(u), dateResult);
                    return dateResult ? r.toLocalDate() : r;
                });
            }
            case "$EXTRACT" -> {
                Scalar unit = args.get(0);
                Scalar a = args.get(1);
                return (row, ctx) -> {
                    Object v = a.eval(row, ctx);
                    if (v == null) {
                        return null;
                    }
                    String u = MysqlValues.toText(unit.eval(row, ctx));
                    if (v instanceof Duration lt) {
                        return TimeFunctions.extractTime(u, lt);
                    }
                    LocalDateTime t = dateTime(v, ctx);
                    return t == null ? null : extract(u, t);
                };
            }
            default -> {
                return null;
            }
        }
    }

    static ZoneId zone(String z) {
        try {
            if (z.equalsIgnoreCase("SYSTEM")) {
                return ZoneId.systemDefault();
            }
            return ZoneId.of(z);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Object timestampDiff(String unit, LocalDateTime x, LocalDateTime y) {
        return switch (unit.toUpperCase(Locale.ROOT)) {
            case "MICROSECOND" -> ChronoUnit.MICROS.between(x, y);
            case "SECOND" -> ChronoUnit.SECONDS.between(x, y);
            case "MINUTE" -> ChronoUnit.MINUTES.between(x, y);
            case "HOUR" -> ChronoUnit.HOURS.between(x, y);
            case "DAY" -> ChronoUnit.DAYS.between(x, y);
            case "WEEK" -> ChronoUnit.WEEKS.between(x, y);
            case "MONTH" -> ChronoUnit.MONTHS.between(x, y);
            case "QUARTER" -> ChronoUnit.MONTHS.between(x, y) / 3;
            case "YEAR" -> ChronoUnit.YEARS.between(x, y);
            default -> null;
        };
    }

    private static Object extract(String unit, LocalDateTime t) {
        return switch (unit) {
            case "YEAR" -> (long) t.getYear();
            case "QUARTER" -> (long) ((t.getMonthValue() - 1) / 3 + 1);
            case "MONTH" -> (long) t.getMonthValue();
            case "WEEK" -> (long) Weeks.week(t.toLocalDate(), 0, false)[1];
            case "DAY" -> (long) t.getDayOfMonth();
            case "HOUR" -> (long) t.getHour();
            case "MINUTE" -> (long) t.getMinute();
            case "SECOND" -> (long) t.getSecond();
            case "MICROSECOND" -> (long) (t.getNano() / 1000);
            case "YEAR_MONTH" -> (long) (t.getYear() * 100 + t.getMonthValue());
            case "DAY_HOUR" -> (long) (t.getDayOfMonth() * 100 + t.getHour());
            case "DAY_MINUTE" -> (long) (t.getDayOfMonth() * 10000 + t.getHour() * 100 + t.getMinute());
            case "DAY_SECOND" -> (long) t.getDayOfMonth() * 1000000 + t.getHour() * 10000 + t.getMinute() * 100 + t.getSecond();
            case "HOUR_MINUTE" -> (long) (t.getHour() * 100 + t.getMinute());
            case "HOUR_SECOND" -> (long) (t.getHour() * 10000 + t.getMinute() * 100 + t.getSecond());
            case "MINUTE_SECOND" -> (long) (t.getMinute() * 100 + t.getSecond());
            default -> null;
        };
    }

    // PERIOD_ADD and PERIOD_DIFF: a period is YYMM or YYYYMM; two-digit years below 70 are 20YY.
    private static long validPeriod(long period, String function) {
        if (period <= 0 || period % 100 == 0 || period % 100 > 12 || period > 999_999) {
            throw wrongArguments(function);
        }
        return period;
    }

    private static io.basalt.error.BasaltException wrongArguments(String function) {
        return io.basalt.error.BasaltException.of(io.basalt.error.ErrorCode.WRONG_ARGUMENTS,
                "Incorrect arguments to %s", function);
    }

    private static long periodToMonth(long period) {
        long year = period / 100;
        if (year < 70) {
            year += 2000;
        } else if (year < 100) {
            year += 1900;
        }
        return year * 12 + period % 100 - 1;
    }

    private static long monthToPeriod(long month) {
        long year = month / 12;
        if (year < 100) {
            year += year < 70 ? 2000 : 1900;
        }
        return year * 100 + month % 12 + 1;
    }

    /**
     * StarRocks' DATE_TRUNC: the datetime cut down to the start of its second, minute, hour, day,
     * week (Monday), month, quarter or year. For a DATE only day and larger units are allowed.
     */
    private static LocalDateTime truncate(LocalDateTime t, String unit, boolean date) {
        String u = unit.strip().toLowerCase(Locale.ROOT);
        LocalDate d = t.toLocalDate();
        LocalDateTime r = switch (u) {
            case "second" -> date ? null : t.truncatedTo(ChronoUnit.SECONDS);
            case "minute" -> date ? null : t.truncatedTo(ChronoUnit.MINUTES);
            case "hour" -> date ? null : t.truncatedTo(ChronoUnit.HOURS);
            case "day" -> d.atStartOfDay();
            case "week" -> d.minusDays(d.getDayOfWeek().getValue() - 1).atStartOfDay();
            case "month" -> d.withDayOfMonth(1).atStartOfDay();
            case "quarter" -> d.withMonth((d.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1).atStartOfDay();
            case "year" -> d.withDayOfYear(1).atStartOfDay();
            default -> null;
        };
        if (r == null) {
            throw io.basalt.error.BasaltException.of(io.basalt.error.ErrorCode.WRONG_ARGUMENTS,
                    "Incorrect arguments to date_trunc: unit '%s'%s", unit, date ? " for a DATE" : "");
        }
        return r;
    }
}
