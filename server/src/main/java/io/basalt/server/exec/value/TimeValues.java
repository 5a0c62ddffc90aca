package io.basalt.server.exec.value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * MySQL TIME values. At run time a TIME is a {@link Duration} of whole microseconds: a signed
 * duration from -838:59:59 to 838:59:59, not a time of day. Stored, a TIME is that duration's
 * microseconds in an Arrow time64[us] vector. Here: MySQL's text and numeric forms, parsing
 * (which clamps to the range with a warning, as MySQL does) and fractional-second rounding.
 */
public final class TimeValues {
    /** 838:59:59 in microseconds: the largest TIME magnitude. */
    public static final long MAX_MICROS = (838L * 3600 + 59 * 60 + 59) * 1_000_000L;
    public static final Duration MAX = Duration.ofSeconds(838L * 3600 + 59 * 60 + 59);
    public static final Duration MIN = MAX.negated();
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    /** ER_TRUNCATED_WRONG_VALUE: what MySQL warns for a time out of range or not a time. */
    private static final int TRUNCATED = 1292;

    private TimeValues() {}

    public static long toMicros(Duration d) {
        return d.getSeconds() * 1_000_000L + d.getNano() / 1000;
    }

    public static Duration ofMicros(long micros) {
        return Duration.ofSeconds(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    public static Duration ofTimeOfDay(LocalTime t) {
        return ofMicros(t.toNanoOfDay() / 1000);
    }

    /** True when {@code d} is a time of day, 00:00:00 up to but excluding 24:00:00. */
    public static boolean isTimeOfDay(Duration d) {
        return !d.isNegative() && toMicros(d) < MICROS_PER_DAY;
    }

    public static LocalTime toLocalTime(Duration d) {
        return LocalTime.ofNanoOfDay(Math.floorMod(toMicros(d), MICROS_PER_DAY) * 1000);
    }

    /** The datetime a TIME denotes on {@code date}: MySQL adds it to the date's midnight. */
    public static LocalDateTime atDate(LocalDate date, Duration d) {
        return date.atStartOfDay().plus(d);
    }

    public static boolean inRange(Duration d) {
        return Math.abs(toMicros(d)) <= MAX_MICROS;
    }

    /** {@code d} limited to the TIME range; a value beyond it becomes the nearest end, with a warning. */
    public static Duration clamp(Duration d, Warnings w) {
        return clamp(d, null, w);
    }

    /** As {@link #clamp(Duration, Warnings)}, naming {@code original} in the warning. */
    public static Duration clamp(Duration d, String original, Warnings w) {
        if (inRange(d)) {
            return d;
        }
        w.warn(TRUNCATED, "Truncated incorrect time value: '" + (original != null ? original : format(d, -1)) + "'");
        return d.isNegative() ? MIN : MAX;
    }

    // ---- text and numbers ------------------------------------------------------------------

    /** [-]HH:MM:SS with {@code fsp} fractional digits, or only the significant ones when fsp is -1. */
    public static String format(Duration d, int fsp) {
        StringBuilder sb = new StringBuilder(16);
        long micros = toMicros(d);
        if (micros < 0) {
            sb.append('-');
            micros = -micros;
        }
        long seconds = micros / 1_000_000L;
        pad(sb, seconds / 3600, 2);
        sb.append(':');
        pad(sb, seconds / 60 % 60, 2);
        sb.append(':');
        pad(sb, seconds % 60, 2);
        int fraction = (int) (micros % 1_000_000L);
        StringBuilder f = new StringBuilder(6);
        pad(f, fraction, 6);
        if (fsp < 0) {
            if (fraction != 0) {
                sb.append('.').append(f.toString().replaceAll("0+$", ""));
            }
        } else if (fsp > 0) {
            sb.append('.').append(f, 0, Math.min(6, fsp));
        }
        return sb.toString();
    }

    private static void pad(StringBuilder sb, long v, int width) {
        String s = Long.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }

    /** The number MySQL uses for a TIME in numeric context: -13000 for -01:30:00, 1000000.5 for 100:00:00.5. */
    public static BigDecimal toNumber(Duration d) {
        long micros = toMicros(d);
        long abs = Math.abs(micros);
        long seconds = abs / 1_000_000L;
        long n = seconds / 3600 * 10000 + seconds / 60 % 60 * 100 + seconds % 60;
        BigDecimal r = BigDecimal.valueOf(n);
        long fraction = abs % 1_000_000L;
        if (fraction != 0) {
            r = r.add(BigDecimal.valueOf(fraction, 6)).stripTrailingZeros();
            if (r.scale() < 0) {
                r = r.setScale(0);
            }
        }
        return micros < 0 ? r.negate() : r;
    }

    /** Total seconds of a TIME, fraction dropped (TIME_TO_SEC). */
    public static long toSeconds(Duration d) {
        long micros = toMicros(d);
        return micros / 1_000_000L;
    }

    /** Rounds the fraction to {@code fsp} digits (0..6), half away from zero, as MySQL stores TIME(fsp). */
    public static Duration roundFraction(Duration d, int fsp) {
        int digits = fsp < 0 || fsp > 6 ? 6 : fsp;
        long unit = (long) Math.pow(10, 6 - digits);
        long micros = toMicros(d);
        long abs = Math.abs(micros);
        long rounded = (abs + unit / 2) / unit * unit;
        if (rounded == abs) {
            return d;
        }
        return ofMicros(micros < 0 ? -rounded : rounded);
    }

    /**
     * A number as a TIME: [-][H...]HHMMSS[.ffffff], 1234 is 00:12:34 and 1000000 is 100:00:00; a
     * datetime number (20240105103000) gives its time of day. Null when minutes or seconds exceed
     * 59; magnitudes past 838:59:59 are clamped with a warning.
     */
    public static Duration fromNumber(BigDecimal n, Warnings w) {
        boolean negative = n.signum() < 0;
        BigDecimal abs = n.abs();
        if (abs.compareTo(BigDecimal.valueOf(10_000_000_000L)) >= 0) {
            LocalDateTime t = Temporals.fromNumber(abs);
            return t == null ? null : ofTimeOfDay(t.toLocalTime());
        }
        BigDecimal rounded = abs.setScale(6, RoundingMode.HALF_UP);
        long whole = rounded.longValue();
        long fraction = rounded.subtract(BigDecimal.valueOf(whole)).movePointRight(6).longValue();
        long seconds = whole % 100;
        long minutes = whole / 100 % 100;
        long hours = whole / 10000;
        if (minutes > 59 || seconds > 59) {
            return null;
        }
        long micros = ((hours * 3600 + minutes * 60 + seconds) * 1_000_000L + fraction) * (negative ? -1 : 1);
        return clamp(ofMicros(micros), n.toPlainString(), w);
    }

    /**
     * Parses MySQL time text: '[-][D ]H:M[:S[.f]]', '[-][D ]H', '[-]HHMMSS[.f]', '[-]MMSS', '[-]SS',
     * or a datetime, whose time of day is taken. Null when the text is not a time (minutes or
     * seconds above 59, stray characters); magnitudes past 838:59:59 are clamped with a warning.
     */
    public static Duration parse(String text, Warnings w) {
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        boolean negative = s.charAt(0) == '-';
        String body = negative ? s.substring(1).stripLeading() : s;
        if (body.isEmpty()) {
            return null;
        }
        if (looksLikeDateTime(body)) {
            LocalDateTime t = Temporals.parseDateTime(body);
            return t == null || negative ? null : ofTimeOfDay(t.toLocalTime());
        }
        try {
            Parsed p = parseBody(body);
            if (p == null || p.minutes > 59 || p.seconds > 59) {
                return null;
            }
            long hours = p.days * 24 + p.hours;
            // Beyond 838 hours the value only matters as "too large"; cap it before it can overflow.
            long micros = hours > 1000 ? MAX_MICROS + 1_000_000L
                    : (hours * 3600 + p.minutes * 60 + p.seconds) * 1_000_000L + p.micros;
            return clamp(ofMicros(negative ? -micros : micros), text, w);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private record Parsed(long days, long hours, long minutes, long seconds, long micros) {}

    /** True when time text is rather a datetime: '2024-01-05 10:00:00', '20240105100000'. */
    public static boolean looksLikeDateTime(String s) {
        int firstDigits = 0;
        if (s.isEmpty() || !Character.isDigit(s.charAt(0))) {
            return false;
        }
        while (firstDigits < s.length() && Character.isDigit(s.charAt(firstDigits))) {
            firstDigits++;
        }
        if (firstDigits == s.length() || (firstDigits < s.length() && s.charAt(firstDigits) == '.')) {
            return firstDigits >= 12;
        }
        return firstDigits < s.length() && (s.charAt(firstDigits) == '-' || s.charAt(firstDigits) == '/');
    }

    private static Parsed parseBody(String s) {
        // Fraction: everything after the first '.', rounded to microseconds.
        long micros = 0;
        int dot = s.indexOf('.');
        String main = dot < 0 ? s : s.substring(0, dot);
        if (dot >= 0) {
            String frac = s.substring(dot + 1);
            if (frac.isEmpty() || !frac.chars().allMatch(Character::isDigit)) {
                return null;
            }
            micros = new BigDecimal("0." + frac).setScale(6, RoundingMode.HALF_UP).movePointRight(6).longValue();
        }
        long days = 0;
        int space = main.indexOf(' ');
        if (space > 0) {
            days = digits(main.substring(0, space));
            main = main.substring(space + 1).strip();
        }
        if (main.indexOf(':') >= 0) {
            String[] parts = main.split(":", -1);
            if (parts.length > 3) {
                return null;
            }
            long h = digits(parts[0]);
            long m = digits(parts[1]);
            long sec = parts.length == 3 ? digits(parts[2]) : 0;
            return new Parsed(days, h, m, sec, micros);
        }
        long v = digits(main);
        if (space > 0) {
            // 'D H': the number after the days is hours.
            return dot >= 0 ? null : new Parsed(days, v, 0, 0, 0);
        }
        return new Parsed(0, v / 10000, v / 100 % 100, v % 100, micros);
    }

    private static long digits(String s) {
        if (s.isEmpty() || s.length() > 12 || !s.chars().allMatch(Character::isDigit)) {
            throw new NumberFormatException(s);
        }
        return Long.parseLong(s);
    }
}
