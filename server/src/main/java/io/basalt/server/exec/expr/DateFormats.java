package io.basalt.server.exec.expr;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** DATE_FORMAT specifiers and their inverse for STR_TO_DATE. */
final class DateFormats {
    private DateFormats() {}

    static String format(LocalDateTime t, String fmt) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%' || i + 1 >= fmt.length()) {
                sb.append(c);
                continue;
            }
            char f = fmt.charAt(++i);
            switch (f) {
                case 'a' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US));
                case 'b' -> sb.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US));
                case 'c' -> sb.append(t.getMonthValue());
                case 'D' -> sb.append(t.getDayOfMonth()).append(suffix(t.getDayOfMonth()));
                case 'd' -> pad(sb, t.getDayOfMonth(), 2);
                case 'e' -> sb.append(t.getDayOfMonth());
                case 'f' -> pad(sb, t.getNano() / 1000, 6);
                case 'H' -> pad(sb, t.getHour(), 2);
                case 'h', 'I' -> pad(sb, hour12(t.getHour()), 2);
                case 'i' -> pad(sb, t.getMinute(), 2);
                case 'j' -> pad(sb, t.getDayOfYear(), 3);
                case 'k' -> sb.append(t.getHour());
                case 'l' -> sb.append(hour12(t.getHour()));
                case 'M' -> sb.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.US));
                case 'm' -> pad(sb, t.getMonthValue(), 2);
                case 'p' -> sb.append(t.getHour() < 12 ? "AM" : "PM");
                case 'r' -> {
                    pad(sb, hour12(t.getHour()), 2);
                    sb.append(':');
                    pad(sb, t.getMinute(), 2);
                    sb.append(':');
                    pad(sb, t.getSecond(), 2);
                    sb.append(t.getHour() < 12 ? " AM" : " PM");
                }
                case 'S', 's' -> pad(sb, t.getSecond(), 2);
                case 'T' -> {
                    pad(sb, t.getHour(), 2);
                    sb.append(':');
                    pad(sb, t.getMinute(), 2);
                    sb.append(':');
                    pad(sb, t.getSecond(), 2);
                }
                case 'U' -> pad(sb, Weeks.week(t.toLocalDate(), 0, false)[1], 2);
                case 'u' -> pad(sb, Weeks.week(t.toLocalDate(), 1, false)[1], 2);
                case 'V' -> pad(sb, Weeks.week(t.toLocalDate(), 2, false)[1], 2);
                case 'v' -> pad(sb, Weeks.week(t.toLocalDate(), 3, false)[1], 2);
                case 'W' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US));
                case 'w' -> sb.append(t.getDayOfWeek().getValue() % 7);
                case 'X' -> pad(sb, Weeks.week(t.toLocalDate(), 2, true)[0], 4);
                case 'x' -> pad(sb, Weeks.week(t.toLocalDate(), 3, true)[0], 4);
                case 'Y' -> pad(sb, t.getYear(), 4);
                case 'y' -> pad(sb, t.getYear() % 100, 2);
                default -> sb.append(f);
            }
        }
        return sb.toString();
    }

    private static String suffix(int day) {
        if (day >= 11 && day <= 13) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private static int hour12(int h) {
        int r = h % 12;
        return r == 0 ? 12 : r;
    }

    private static void pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }

    /** Parses {@code s} by a DATE_FORMAT pattern; null when it does not match. */
    static LocalDateTime parse(String s, String fmt) {
        int year = 0;
        int month = 1;
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int micros = 0;
        boolean pm = false;
        boolean twelve = false;
        int pos = 0;
        try {
            for (int i = 0; i < fmt.length(); i++) {
                char c = fmt.charAt(i);
                if (c != '%' || i + 1 >= fmt.length()) {
                    if (pos < s.length() && s.charAt(pos) == c) {
                        pos++;
                    } else if (!Character.isWhitespace(c)) {
                        return null;
                    }
                    continue;
                }
                char f = fmt.charAt(++i);
                switch (f) {
                    case 'Y' -> {
                        int[] r = number(s, pos, 4);
                        year = r[0];
                        pos = r[1];
                    }
                    case 'y' -> {
                        int[] r = number(s, pos, 2);
                        year = r[0] < 70 ? 2000 + r[0] : 1900 + r[0];
                        pos = r[1];
                    }
                    case 'm', 'c' -> {
                        int[] r = number(s, pos, 2);
                        month = r[0];
                        pos = r[1];
                    }
                    case 'd', 'e' -> {
                        int[] r = number(s, pos, 2);
                        day = r[0];
                        pos = r[1];
                    }
                    case 'H', 'k' -> {
                        int[] r = number(s, pos, 2);
                        hour = r[0];
                        pos = r[1];
                    }
                    case 'h', 'I', 'l' -> {
                        int[] r = number(s, pos, 2);
                        hour = r[0];
                        twelve = true;
                        pos = r[1];
                    }
                    case 'i' -> {
                        int[] r = number(s, pos, 2);
                        minute = r[0];
                        pos = r[1];
                    }
                    case 's', 'S' -> {
                        int[] r = number(s, pos, 2);
                        second = r[0];
                        pos = r[1];
                    }
                    case 'f' -> {
                        int start = pos;
                        int[] r = number(s, pos, 6);
                        int digits = r[1] - start;
                        micros = r[0] * (int) Math.pow(10, 6 - digits);
                        pos = r[1];
                    }
                    case 'p' -> {
                        String ap = s.substring(pos, Math.min(s.length(), pos + 2)).toUpperCase(Locale.ROOT);
                        pm = ap.equals("PM");
                        pos += 2;
                    }
                    case 'M', 'b' -> {
                        int found = -1;
                        for (int m = 1; m <= 12; m++) {
                            String name = java.time.Month.of(m).getDisplayName(f == 'M' ? TextStyle.FULL : TextStyle.SHORT, Locale.US);
                            if (s.regionMatches(true, pos, name, 0, name.length())) {
                                found = m;
                                pos += name.length();
                                break;
                            }
                        }
                        if (found < 0) {
                            return null;
                        }
                        month = found;
                    }
                    case 'T' -> {
                        LocalDateTime t = parse(s.substring(pos), "%H:%i:%s");
                        if (t == null) {
                            return null;
                        }
                        hour = t.getHour();
                        minute = t.getMinute();
                        second = t.getSecond();
                        pos = s.length();
                    }
                    case '%' -> {
                        if (s.charAt(pos) != '%') {
                            return null;
                        }
                        pos++;
                    }
                    default -> {
                        return null;
                    }
                }
            }
            if (twelve) {
                hour = hour % 12 + (pm ? 12 : 0);
            }
            return LocalDate.of(year, month, day).atTime(hour, minute, second, micros * 1000);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int[] number(String s, int pos, int maxDigits) {
        int i = pos;
        while (i < s.length() && i - pos < maxDigits && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == pos) {
            throw new IllegalArgumentException("no digits");
        }
        return new int[] {Integer.parseInt(s.substring(pos, i)), i};
    }
}
