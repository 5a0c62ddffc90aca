package io.basalt.server.sql.parser;

/**
 * Normalises MySQL's relaxed date and time literals ('2024-1-5', '2024-01-05 3:04:05.5') into the
 * canonical text Calcite's literal classes accept.
 */
public final class TemporalText {
    private TemporalText() {}

    /** 'Y-M-D' → 'YYYY-MM-DD'. */
    public static String normalizeDate(String s) {
        String t = s.strip();
        int space = t.indexOf(' ');
        if (space < 0) {
            space = t.indexOf('T');
        }
        if (space > 0) {
            t = t.substring(0, space);
        }
        String[] parts = t.split("[-/.]");
        if (parts.length != 3) {
            if (t.length() == 8 && t.chars().allMatch(Character::isDigit)) {
                parts = new String[] {t.substring(0, 4), t.substring(4, 6), t.substring(6, 8)};
            } else {
                throw new IllegalArgumentException(s);
            }
        }
        int y = Integer.parseInt(parts[0]);
        int m = Integer.parseInt(parts[1]);
        int d = Integer.parseInt(parts[2]);
        if (parts[0].length() <= 2) {
            y += y < 70 ? 2000 : 1900;
        }
        java.time.LocalDate.of(y, m, d);
        return String.format("%04d-%02d-%02d", y, m, d);
    }

    /** 'H:M[:S[.f]]' → 'HH:MM:SS[.f]'. */
    public static String normalizeTime(String s) {
        String t = s.strip();
        String frac = "";
        int dot = t.indexOf('.');
        if (dot >= 0) {
            frac = t.substring(dot + 1);
            t = t.substring(0, dot);
            if (!frac.chars().allMatch(Character::isDigit) || frac.length() > 6) {
                throw new IllegalArgumentException(s);
            }
        }
        String[] parts = t.split(":");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException(s);
        }
        int h = Integer.parseInt(parts[0]);
        int m = Integer.parseInt(parts[1]);
        int sec = parts.length == 3 ? Integer.parseInt(parts[2]) : 0;
        if (h > 23 || m > 59 || sec > 59 || h < 0 || m < 0 || sec < 0) {
            throw new IllegalArgumentException(s);
        }
        return String.format("%02d:%02d:%02d", h, m, sec) + (frac.isEmpty() ? "" : "." + frac);
    }

    /** 'Y-M-D[ H:M:S[.f]]' → 'YYYY-MM-DD HH:MM:SS[.f]'. */
    public static String normalizeDateTime(String s) {
        String t = s.strip();
        int sep = t.indexOf(' ');
        if (sep < 0) {
            sep = t.indexOf('T');
        }
        if (sep < 0) {
            return normalizeDate(t) + " 00:00:00";
        }
        return normalizeDate(t.substring(0, sep)) + " " + normalizeTime(t.substring(sep + 1).strip());
    }
}
