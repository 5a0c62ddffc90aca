package io.basalt.server.exec.expr;

import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.value.MysqlValues;
import java.util.List;

/**
 * String functions that encode values MySQL's way: SOUNDEX codes, IPv4 addresses as numbers
 * (INET_ATON, INET_NTOA), and bit sets as lists (MAKE_SET, EXPORT_SET).
 */
final class EncodingFunctions {
    /** The Soundex digit of each letter A..Z; '0' letters (vowels, H, W, Y) are skipped. */
    private static final String SOUNDEX_CODES = "01230120022455012623010202";

    private EncodingFunctions() {}

    static Scalar compile(String n, List<Scalar> args) {
        return switch (n) {
            case "SOUNDEX" -> Functions.unary(args.get(0), v -> soundex(MysqlValues.toText(v)));
            case "INET_ATON" -> Functions.unary(args.get(0), v -> inetAton(MysqlValues.toText(v)));
            case "INET_NTOA" -> Functions.unary(args.get(0), (v, ctx) -> inetNtoa(MysqlValues.toLong(v, ctx)));
            case "MAKE_SET" -> makeSet(args);
            case "EXPORT_SET" -> exportSet(args);
            default -> null;
        };
    }

    /**
     * MySQL's SOUNDEX: the first letter, then the codes of the following letters with repeats
     * collapsed (vowels do not separate repeats), padded to at least four characters. Non-letters
     * are ignored; letters outside A..Z count as vowels. Not truncated to four, as in MySQL.
     */
    static String soundex(String s) {
        StringBuilder out = new StringBuilder(8);
        char last = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                out.appendCodePoint(Character.toUpperCase(cp));
                last = code(cp);
                break;
            }
        }
        if (out.isEmpty()) {
            return "";
        }
        while (i < n) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            char c = code(cp);
            if (c != '0' && c != last) {
                out.append(c);
                last = c;
            }
        }
        while (out.length() < 4) {
            out.append('0');
        }
        return out.toString();
    }

    private static char code(int letter) {
        int upper = letter >= 'a' && letter <= 'z' ? letter - 'a' + 'A' : letter;
        return upper >= 'A' && upper <= 'Z' ? SOUNDEX_CODES.charAt(upper - 'A') : '0';
    }

    /**
     * Dotted IPv4 text to its number, with MySQL's short forms ('127.1' is 127.0.0.1); NULL for
     * anything else.
     */
    static Long inetAton(String s) {
        if (s.isEmpty() || s.endsWith(".")) {
            return null;
        }
        long result = 0;
        long part = 0;
        int dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                part = part * 10 + (c - '0');
                if (part > 255) {
                    return null;
                }
            } else if (c == '.') {
                if (++dots > 3) {
                    return null;
                }
                result = (result << 8) + part;
                part = 0;
            } else {
                return null;
            }
        }
        if (dots == 1) {
            result <<= 16;
        } else if (dots == 2) {
            result <<= 8;
        }
        return (result << 8) + part;
    }

    static String inetNtoa(long n) {
        if (n < 0 || n > 0xFFFFFFFFL) {
            return null;
        }
        return (n >>> 24) + "." + ((n >>> 16) & 0xFF) + "." + ((n >>> 8) & 0xFF) + "." + (n & 0xFF);
    }

    /** MAKE_SET(bits, str1, str2, ...): the strings whose bit is set, comma-separated; NULL strings skipped. */
    private static Scalar makeSet(List<Scalar> args) {
        return (row, ctx) -> {
            Object b = args.get(0).eval(row, ctx);
            if (b == null) {
                return null;
            }
            long bits = MysqlValues.toLong(b, ctx);
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < args.size() && i <= 64; i++) {
                if ((bits & (1L << (i - 1))) == 0) {
                    continue;
                }
                Object v = args.get(i).eval(row, ctx);
                if (v != null) {
                    if (!out.isEmpty()) {
                        out.append(',');
                    }
                    out.append(MysqlValues.toText(v));
                }
            }
            return out.toString();
        };
    }

    /**
     * EXPORT_SET(bits, on, off[, separator[, number_of_bits]]): one of on/off per bit, lowest bit
     * first; number_of_bits is clipped to 64 (and read as unsigned, so -1 means 64).
     */
    private static Scalar exportSet(List<Scalar> args) {
        return (row, ctx) -> {
            Object[] v = new Object[args.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = args.get(i).eval(row, ctx);
                if (v[i] == null) {
                    return null;
                }
            }
            long bits = MysqlValues.toLong(v[0], ctx);
            String on = MysqlValues.toText(v[1]);
            String off = MysqlValues.toText(v[2]);
            String separator = v.length > 3 ? MysqlValues.toText(v[3]) : ",";
            int count = v.length > 4 ? bitCount(v[4], ctx) : 64;
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    out.append(separator);
                }
                out.append((bits & (1L << i)) != 0 ? on : off);
            }
            return out.toString();
        };
    }

    private static int bitCount(Object v, ExecContext ctx) {
        long n = MysqlValues.toLong(v, ctx);
        return n < 0 || n > 64 ? 64 : (int) n;
    }
}
