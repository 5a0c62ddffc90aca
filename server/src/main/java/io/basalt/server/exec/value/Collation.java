package io.basalt.server.exec.value;

/**
 * String comparison as utf8mb4_general_ci does it: case-insensitive, trailing spaces ignored
 * (PAD SPACE). Used for comparisons, grouping, DISTINCT, joins and sorting of strings.
 */
public final class Collation {
    private Collation() {}

    /** Compares two strings under the collation. */
    public static int compare(String a, String b) {
        int la = trimmedLength(a);
        int lb = trimmedLength(b);
        int n = Math.min(la, lb);
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                int fa = fold(ca);
                int fb = fold(cb);
                if (fa != fb) {
                    return fa - fb;
                }
            }
        }
        return la - lb;
    }

    /** True when the strings are equal under the collation. */
    public static boolean equal(String a, String b) {
        return compare(a, b) == 0;
    }

    /** A key such that two strings are equal under the collation iff their keys are equal. */
    public static String key(String s) {
        int len = trimmedLength(s);
        StringBuilder sb = null;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            char f = (char) fold(c);
            if (f != c && sb == null) {
                sb = new StringBuilder(len);
                sb.append(s, 0, i);
            }
            if (sb != null) {
                sb.append(f);
            }
        }
        if (sb != null) {
            return sb.toString();
        }
        return len == s.length() ? s : s.substring(0, len);
    }

    private static int trimmedLength(String s) {
        int len = s.length();
        while (len > 0 && s.charAt(len - 1) == ' ') {
            len--;
        }
        return len;
    }

    private static int fold(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' ? c - 32 : c;
        }
        return Character.toUpperCase(Character.toLowerCase(c));
    }
}
