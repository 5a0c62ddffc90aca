package io.basalt.server.exec.expr;

import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.value.MysqlValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** INTERVAL arithmetic for DATE_ADD/DATE_SUB, including compound units such as DAY_HOUR '1 2'. */
final class Intervals {
    private Intervals() {}

    static LocalDateTime add(LocalDateTime t, Object amount, String unit, boolean subtract, ExecContext ctx) {
        int sign = subtract ? -1 : 1;
        switch (unit) {
            case "MICROSECOND" -> {
                return t.plusNanos(sign * MysqlValues.toLong(amount, ctx) * 1000);
            }
            case "SECOND" -> {
                BigDecimal s = MysqlValues.toDecimal(amount, ctx).setScale(6, RoundingMode.HALF_UP);
                return t.plusNanos(sign * s.movePointRight(9).longValue());
            }
            case "MINUTE" -> {
                return t.plusMinutes(sign * MysqlValues.toLong(amount, ctx));
            }
            case "HOUR" -> {
                return t.plusHours(sign * MysqlValues.toLong(amount, ctx));
            }
            case "DAY" -> {
                return t.plusDays(sign * MysqlValues.toLong(amount, ctx));
            }
            case "WEEK" -> {
                return t.plusWeeks(sign * MysqlValues.toLong(amount, ctx));
            }
            case "MONTH" -> {
                return t.plusMonths(sign * MysqlValues.toLong(amount, ctx));
            }
            case "QUARTER" -> {
                return t.plusMonths(3 * sign * MysqlValues.toLong(amount, ctx));
            }
            case "YEAR" -> {
                return t.plusYears(sign * MysqlValues.toLong(amount, ctx));
            }
            default -> {
                return compound(t, MysqlValues.toText(amount), unit, sign);
            }
        }
    }

    private static LocalDateTime compound(LocalDateTime t, String text, String unit, int sign) {
        String s = text.strip();
        if (s.startsWith("-")) {
            sign = -sign;
            s = s.substring(1);
        }
        List<Long> parts = new ArrayList<>();
        for (String p : s.split("[^0-9]+")) {
            if (!p.isEmpty()) {
                parts.add(Long.parseLong(p));
            }
        }
        String[] fields = switch (unit) {
            case "YEAR_MONTH" -> new String[] {"YEAR", "MONTH"};
            case "DAY_HOUR" -> new String[] {"DAY", "HOUR"};
            case "DAY_MINUTE" -> new String[] {"DAY", "HOUR", "MINUTE"};
            case "DAY_SECOND" -> new String[] {"DAY", "HOUR", "MINUTE", "SECOND"};
            case "DAY_MICROSECOND" -> new String[] {"DAY", "HOUR", "MINUTE", "SECOND", "MICROSECOND"};
            case "HOUR_MINUTE" -> new String[] {"HOUR", "MINUTE"};
            case "HOUR_SECOND" -> new String[] {"HOUR", "MINUTE", "SECOND"};
            case "HOUR_MICROSECOND" -> new String[] {"HOUR", "MINUTE", "SECOND", "MICROSECOND"};
            case "MINUTE_SECOND" -> new String[] {"MINUTE", "SECOND"};
            case "MINUTE_MICROSECOND" -> new String[] {"MINUTE", "SECOND", "MICROSECOND"};
            case "SECOND_MICROSECOND" -> new String[] {"SECOND", "MICROSECOND"};
            default -> null;
        };
        if (fields == null || parts.isEmpty() || parts.size() > fields.length) {
            return null;
        }
        // Missing leading parts are zero: '2' in DAY_HOUR means 2 hours.
        int skip = fields.length - parts.size();
        LocalDateTime r = t;
        for (int i = 0; i < parts.size(); i++) {
            long v = sign * parts.get(i);
            r = switch (fields[skip + i]) {
                case "YEAR" -> r.plusYears(v);
                case "MONTH" -> r.plusMonths(v);
                case "DAY" -> r.plusDays(v);
                case "HOUR" -> r.plusHours(v);
                case "MINUTE" -> r.plusMinutes(v);
                case "SECOND" -> r.plusSeconds(v);
                default -> r.plusNanos(v * 1000);
            };
        }
        return r;
    }
}
