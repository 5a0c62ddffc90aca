package io.basalt.server.exec.value;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;

/**
 * DATE, DATETIME and TIME values: MySQL's text forms, parsing, numeric forms and comparison. A
 * TIME is a {@link Duration} (see {@link TimeValues}).
 */
public final class Temporals {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");

    private Temporals() {}

    public static boolean isTemporal(Object v) {
        return v instanceof LocalDate || v instanceof LocalDateTime || v instanceof Duration;
    }

    /** MySQL text of a temporal value; fractional seconds only when non-zero. */
    public static String toText(Object v) {
        if (v instanceof LocalDate d) {
            return formatDate(d);
        }
        if (v instanceof LocalDateTime t) {
            return formatDate(t.toLocalDate()) + " " + formatTime(t.toLocalTime(), -1);
        }
        if (v instanceof Duration t) {
            return TimeValues.format(t, -1);
        }
        throw new IllegalArgumentException(String.valueOf(v));
    }

    /** DATETIME text with exactly {@code fsp} fractional digits. */
    public static String formatDateTime(LocalDateTime t, int fsp) {
        return formatDate(t.toLocalDate()) + " " + formatTime(t.toLocalTime(), fsp);
    }

    public static String formatDate(LocalDate d) {
        int y = d.getYear();
        if (y >= 0 && y <= 9999) {
            StringBuilder sb = new StringBuilder(10);
            pad(sb, y, 4);
            sb.append('-');
            pad(sb, d.getMonthValue(), 2);
            sb.append('-');
            pad(sb, d.getDayOfMonth(), 2);
            return sb.toString();
        }
        return DATE.format(d);
    }

    /** HH:MM:SS with {@code fsp} fractional digits, or only the significant ones when fsp is -1. */
    public static String formatTime(LocalTime t, int fsp) {
        StringBuilder sb = new StringBuilder(15);
        pad(sb, t.getHour(), 2);
        sb.append(':');
        pad(sb, t.getMinute(), 2);
        sb.append(':');
        pad(sb, t.getSecond(), 2);
        int micros = t.getNano() / 1000;
        if (fsp < 0) {
            if (micros != 0) {
                StringBuilder f = new StringBuilder();
                pad(f, micros, 6);
                String frac = f.toString().replaceAll("0+$", "");
                sb.append('.').append(frac);
            }
        } else if (fsp > 0) {
            StringBuilder f = new StringBuilder();
            pad(f, micros, 6);
            sb.append('.').append(f, 0, fsp);
        }
        return sb.toString();
    }

    private static void pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }

    /** The number MySQL uses for a temporal value in numeric context: 20240105, 20240105103000, 103000. */
    public static BigDecimal toNumber(Object v) {
        if (v instanceof LocalDate d) {
            return BigDecimal.valueOf(d.getYear() * 10000L + d.getMonthValue() * 100L + d.getDayOfMonth());
        }
        if (v instanceof LocalDateTime t) {
            long n = (t.getYear() * 10000L + t.getMonthValue() * 100L + t.getDayOfMonth()) * 1_000_000L
                    + t.getHour() * 10000L + t.getMinute() * 100L + t.getSecond();
            int micros = t.getNano() / 1000;
            return micros == 0 ? BigDecimal.valueOf(n) : BigDecimal.valueOf(n).add(BigDecimal.valueOf(micros, 6));
        }
        return TimeValues.toNumber((Duration) v);
    }

    /** Parses MySQL date text ('2024-1-5', '20240105', '2024-01-05 10:00:00'), or null when not a date. */
    public static LocalDate parseDate(String s) {
        LocalDateTime t = parseDateTime(s);
        return t == null ? null : t.toLocalDate();
    }

    /** Parses MySQL datetime text; a bare date means midnight. Null when the text is not a datetime. */
    public static LocalDateTime parseDateTime(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            int i = 0;
            int n = s.length();
            int[] parts = new int[7];
            int part = 0;
            if (s.chars().allMatch(Character::isDigit)) {
                return parseCompactDigits(s);
            }
            while (i < n && part < 6) {
                int start = i;
                while (i < n && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    return null;
                }
                parts[part++] = Integer.parseInt(s.substring(start, Math.min(i, start + 9)));
                if (i >= n) {
                    break;
                }
                char sep = s.charAt(i);
                if (part == 3 && (sep == ' ' || sep == 'T')) {
                    i++;
                    while (i < n && s.charAt(i) == ' ') {
                        i++;
                    }
                } else if (part == 6 || (part >= 3 && sep == '.')) {
                    break;
                } else if (!Character.isLetterOrDigit(sep)) {
                    i++;
                } else {
                    return null;
                }
            }
            int nanos = 0;
            if (part >= 3 && i < n && s.charAt(i) == '.') {
                i++;
                int start = i;
                while (i < n && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                String frac = s.substring(start, Math.min(i, start + 9));
                while (frac.length() < 9) {
                    frac = frac + "0";
                }
                nanos = Integer.parseInt(frac) / 1000 * 1000;
            }
            if (part < 3) {
                return null;
            }
            int year = parts[0];
            if (s.indexOf('-') == 2 || (year < 100 && firstFieldLength(s) <= 2)) {
                year += year < 70 ? 2000 : 1900;
            }
            return LocalDateTime.of(year, parts[1], parts[2], parts[3], parts[4], parts[5], nanos);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int firstFieldLength(String s) {
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static LocalDateTime parseCompactDigits(String s) {
        return switch (s.length()) {
            case 8 -> LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                    Integer.parseInt(s.substring(6, 8))).atStartOfDay();
            case 6 -> {
                int y = Integer.parseInt(s.substring(0, 2));
                yield LocalDate.of(y < 70 ? 2000 + y : 1900 + y, Integer.parseInt(s.substring(2, 4)),
                        Integer.parseInt(s.substring(4, 6))).atStartOfDay();
            }
            case 14 -> LocalDateTime.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                    Integer.parseInt(s.substring(6, 8)), Integer.parseInt(s.substring(8, 10)),
                    Integer.parseInt(s.substring(10, 12)), Integer.parseInt(s.substring(12, 14)));
            default -> null;
        };
    }

    /** A number such as 20240105 or 20240105103000 as a datetime, or null. */
    public static LocalDateTime fromNumber(BigDecimal n) {
        long v = n.longValue();
        try {
            if (v >= 10_000_000_000L) {
                long date = v / 1_000_000L;
                long time = v % 1_000_000L;
                return LocalDateTime.of((int) (date / 10000), (int) (date / 100 % 100), (int) (date % 100),
                        (int) (time / 10000), (int) (time / 100 % 100), (int) (time % 100));
            }
            if (v >= 10000) {
                if (v < 1_000_000) {
                    // YYMMDD
                    int y = (int) (v / 10000);
                    return LocalDate.of(y < 70 ? 2000 + y : 1900 + y, (int) (v / 100 % 100), (int) (v % 100)).atStartOfDay();
                }
                return LocalDate.of((int) (v / 10000), (int) (v / 100 % 100), (int) (v % 100)).atStartOfDay();
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    /** Any value as a datetime for comparison and date functions; null when it cannot be one. */
    public static LocalDateTime toDateTime(Object v) {
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof Duration t) {
            return TimeValues.atDate(LocalDate.now(), t);
        }
        if (v instanceof String s) {
            return parseDateTime(s);
        }
        if (v instanceof byte[] b) {
            return parseDateTime(new String(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (v instanceof Long || v instanceof BigDecimal) {
            return fromNumber(MysqlValues.toDecimal(v, Warnings.IGNORE));
        }
        if (v instanceof Double d) {
            return fromNumber(BigDecimal.valueOf(d));
        }
        return null;
    }

    /** Compares where at least one side is temporal, converting the other side to match. */
    static int compare(Object a, Object b, Warnings w) {
        if (a instanceof Duration x && b instanceof Duration y) {
            return x.compareTo(y);
        }
        // A TIME against a string compares as TIME values, as in MySQL.
        if (a instanceof Duration x) {
            Duration y = b instanceof String s ? TimeValues.parse(s, w) : null;
            if (y != null) {
                return x.compareTo(y);
            }
        }
        if (b instanceof Duration y) {
            Duration x = a instanceof String s ? TimeValues.parse(s, w) : null;
            if (x != null) {
                return x.compareTo(y);
            }
        }
        if ((isTemporal(a) && MysqlValues.isNumber(b)) || (isTemporal(b) && MysqlValues.isNumber(a))) {
            return Double.compare(MysqlValues.toDouble(a, w), MysqlValues.toDouble(b, w));
        }
        LocalDateTime x = toDateTime(a);
        LocalDateTime y = toDateTime(b);
        if (x == null || y == null) {
            return Collation.compare(MysqlValues.toText(a), MysqlValues.toText(b));
        }
        return x.compareTo(y);
    }

    /** Microseconds since the epoch of a datetime, as stored in Arrow TIMESTAMP(MICROSECOND). */
    public static long toEpochMicros(LocalDateTime t) {
        return t.toLocalDate().toEpochDay() * 86_400_000_000L + t.toLocalTime().getLong(ChronoField.MICRO_OF_DAY);
    }

    public static LocalDateTime fromEpochMicros(long micros) {
        long days = Math.floorDiv(micros, 86_400_000_000L);
        long rem = Math.floorMod(micros, 86_400_000_000L);
        return LocalDate.ofEpochDay(days).atTime(LocalTime.ofNanoOfDay(rem * 1000));
    }
}
