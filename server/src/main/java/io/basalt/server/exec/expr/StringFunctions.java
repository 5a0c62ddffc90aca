package io.basalt.server.exec.expr;

import io.basalt.server.exec.value.Collation;
import io.basalt.server.exec.value.MysqlValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;

/** String functions with MySQL semantics (1-based positions, NULL propagation, case-insensitive search). */
final class StringFunctions {
    /** Longest string a function may build (MySQL's max_allowed_packet default). */
    private static final long MAX_RESULT = 64L * 1024 * 1024;

    private StringFunctions() {}

    private static String text(Object v) {
        return MysqlValues.toText(v);
    }

    static Scalar compile(String n, List<Scalar> args, List<RexNode> operands, RelDataType type) {
        switch (n) {
            case "CONCAT" -> {
                return (row, ctx) -> {
                    StringBuilder sb = new StringBuilder();
                    for (Scalar s : args) {
                        Object v = s.eval(row, ctx);
                        if (v == null) {
                            return null;
                        }
                        sb.append(text(v));
                    }
                    return sb.toString();
                };
            }
            case "CONCAT_WS" -> {
                return (row, ctx) -> {
                    Object sep = args.get(0).eval(row, ctx);
                    if (sep == null) {
                        return null;
                    }
                    StringBuilder sb = new StringBuilder();
                    boolean first = true;
                    for (int i = 1; i < args.size(); i++) {
                        Object v = args.get(i).eval(row, ctx);
                        if (v == null) {
                            continue;
                        }
                        if (!first) {
                            sb.append(text(sep));
                        }
                        sb.append(text(v));
                        first = false;
                    }
                    return sb.toString();
                };
            }
            case "LOWER", "LCASE" -> {
                return Functions.unary(args.get(0), v -> text(v).toLowerCase(Locale.ROOT));
            }
            case "UPPER", "UCASE" -> {
                return Functions.unary(args.get(0), v -> text(v).toUpperCase(Locale.ROOT));
            }
            case "SUBSTRING", "SUBSTR", "MID" -> {
                Scalar s = args.get(0);
                Scalar pos = args.get(1);
                Scalar len = args.size() > 2 ? args.get(2) : null;
                return (row, ctx) -> {
                    Object sv = s.eval(row, ctx);
                    Object pv = pos.eval(row, ctx);
                    Object lv = len == null ? null : len.eval(row, ctx);
                    if (sv == null || pv == null || (len != null && lv == null)) {
                        return null;
                    }
                    return substring(text(sv), MysqlValues.toLong(pv, ctx),
                            len == null ? Long.MAX_VALUE : MysqlValues.toLong(lv, ctx));
                };
            }
            case "LEFT" -> {
                return Functions.binary(args.get(0), args.get(1), (s, l) -> {
                    String str = text(s);
                    long len = MysqlValues.toLong(l, ignore());
                    return len <= 0 ? "" : str.substring(0, offsetByCodePoints(str, len));
                });
            }
            case "RIGHT" -> {
                return Functions.binary(args.get(0), args.get(1), (s, l) -> {
                    String str = text(s);
                    long len = MysqlValues.toLong(l, ignore());
                    int count = str.codePointCount(0, str.length());
                    if (len <= 0) {
                        return "";
                    }
                    if (len >= count) {
                        return str;
                    }
                    return str.substring(offsetByCodePoints(str, count - len));
                });
            }
            case "LTRIM" -> {
                return Functions.unary(args.get(0), v -> text(v).replaceAll("^ +", ""));
            }
            case "RTRIM" -> {
                return Functions.unary(args.get(0), v -> text(v).replaceAll(" +$", ""));
            }
            case "$TRIM" -> {
                Scalar mode = args.get(0);
                Scalar remove = args.get(1);
                Scalar src = args.get(2);
                return (row, ctx) -> {
                    Object m = mode.eval(row, ctx);
                    Object r = remove.eval(row, ctx);
                    Object s = src.eval(row, ctx);
                    if (r == null || s == null) {
                        return null;
                    }
                    return trim(text(s), text(r), text(m));
                };
            }
            case "REPLACE" -> {
                return (row, ctx) -> {
                    Object s = args.get(0).eval(row, ctx);
                    Object from = args.get(1).eval(row, ctx);
                    Object to = args.get(2).eval(row, ctx);
                    if (s == null || from == null || to == null) {
                        return null;
                    }
                    String f = text(from);
                    return f.isEmpty() ? text(s) : text(s).replace(f, text(to));
                };
            }
            case "REVERSE" -> {
                return Functions.unary(args.get(0), v -> new StringBuilder(text(v)).reverse().toString());
            }
            case "REPEAT" -> {
                return Functions.binary(args.get(0), args.get(1), (s, c) -> {
                    long count = MysqlValues.toLong(c, ignore());
                    String str = text(s);
                    if (count <= 0 || str.isEmpty()) {
                        return "";
                    }
                    if (count * str.length() > MAX_RESULT) {
                        return null;
                    }
                    return str.repeat((int) count);
                });
            }
            case "LPAD", "RPAD" -> {
                boolean left = n.equals("LPAD");
                return (row, ctx) -> {
                    Object s = args.get(0).eval(row, ctx);
                    Object l = args.get(1).eval(row, ctx);
                    Object p = args.get(2).eval(row, ctx);
                    if (s == null || l == null || p == null) {
                        return null;
                    }
                    return pad(text(s), MysqlValues.toLong(l, ctx), text(p), left);
                };
            }
            case "SPACE" -> {
                return Functions.unary(args.get(0), (v, ctx) -> {
                    long count = MysqlValues.toLong(v, ctx);
                    return count <= 0 ? "" : count > MAX_RESULT ? null : " ".repeat((int) count);
                });
            }
            case "HEX" -> {
                return Functions.unary(args.get(0), (v, ctx) -> {
                    if (v instanceof Long || v instanceof BigDecimal || v instanceof Double) {
                        return Long.toHexString(MysqlValues.toLong(v, ctx)).toUpperCase(Locale.ROOT);
                    }
                    byte[] b = MysqlValues.toBytes(v);
                    return HexFormat.of().withUpperCase().formatHex(b);
                });
            }
            case "UNHEX" -> {
                return Functions.unary(args.get(0), v -> {
                    try {
                        String h = text(v);
                        return io.basalt.session.ClientText.decode(HexFormat.of().parseHex(h.length() % 2 == 1 ? "0" + h : h));
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                });
            }
            case "MD5" -> {
                return Functions.unary(args.get(0), v -> digest("MD5", v));
            }
            case "SHA1", "SHA" -> {
                return Functions.unary(args.get(0), v -> digest("SHA-1", v));
            }
            case "SHA2" -> {
                return Functions.binary(args.get(0), args.get(1), (v, bits) -> {
                    long b = MysqlValues.toLong(bits, ignore());
                    return switch ((int) b) {
                        case 0, 256 -> digest("SHA-256", v);
                        case 224 -> digest("SHA-224", v);
                        case 384 -> digest("SHA-384", v);
                        case 512 -> digest("SHA-512", v);
                        default -> null;
                    };
                });
            }
            case "TO_BASE64" -> {
                return Functions.unary(args.get(0), v -> Base64.getEncoder().encodeToString(bytes(v)));
            }
            case "FROM_BASE64" -> {
                return Functions.unary(args.get(0), v -> {
                    try {
                        return io.basalt.session.ClientText.decode(Base64.getMimeDecoder().decode(text(v)));
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                });
            }
            case "UUID" -> {
                return (row, ctx) -> new UUID(ctx.random().nextLong(), ctx.random().nextLong()).toString();
            }
            case "QUOTE" -> {
                return (row, ctx) -> {
                    Object v = args.get(0).eval(row, ctx);
                    if (v == null) {
                        return "NULL";
                    }
                    return "'" + text(v).replace("\\", "\\\\").replace("'", "\\'") + "'";
                };
            }
            case "SUBSTRING_INDEX" -> {
                return (row, ctx) -> {
                    Object s = args.get(0).eval(row, ctx);
                    Object d = args.get(1).eval(row, ctx);
                    Object c = args.get(2).eval(row, ctx);
                    if (s == null || d == null || c == null) {
                        return null;
                    }
                    return substringIndex(text(s), text(d), MysqlValues.toLong(c, ctx));
                };
            }
            case "INSERT" -> {
                return (row, ctx) -> {
                    Object s = args.get(0).eval(row, ctx);
                    Object p = args.get(1).eval(row, ctx);
                    Object l = args.get(2).eval(row, ctx);
                    Object x = args.get(3).eval(row, ctx);
                    if (s == null || p == null || l == null || x == null) {
                        return null;
                    }
                    String str = text(s);
                    long pos = MysqlValues.toLong(p, ctx);
                    long len = MysqlValues.toLong(l, ctx);
                    if (pos < 1 || pos > str.length()) {
                        return str;
                    }
                    int start = (int) pos - 1;
                    int end = (int) Math.min(str.length(), len < 0 ? str.length() : start + len);
                    return str.substring(0, start) + text(x) + str.substring(end);
                };
            }
            case "FORMAT" -> {
                return Functions.binary(args.get(0), args.get(1), (v, d) -> {
                    int digits = (int) Math.max(0, Math.min(30, MysqlValues.toLong(d, ignore())));
                    BigDecimal x = MysqlValues.toDecimal(v, ignore()).setScale(digits, RoundingMode.HALF_UP);
                    java.text.DecimalFormat f = new java.text.DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
                            java.text.DecimalFormatSymbols.getInstance(Locale.US));
                    return f.format(x);
                });
            }
            case "CHAR" -> {
                return (row, ctx) -> {
                    StringBuilder sb = new StringBuilder();
                    for (Scalar s : args) {
                        Object v = s.eval(row, ctx);
                        if (v != null) {
                            long code = MysqlValues.toLong(v, ctx);
                            if (code >= 0 && code <= Character.MAX_CODE_POINT) {
                                sb.appendCodePoint((int) code);
                            }
                        }
                    }
                    return sb.toString();
                };
            }
            case "ELT" -> {
                return (row, ctx) -> {
                    Object i = args.get(0).eval(row, ctx);
                    if (i == null) {
                        return null;
                    }
                    long idx = MysqlValues.toLong(i, ctx);
                    if (idx < 1 || idx >= args.size()) {
                        return null;
                    }
                    Object v = args.get((int) idx).eval(row, ctx);
                    return v == null ? null : text(v);
                };
            }
            case "LENGTH", "OCTET_LENGTH" -> {
                return Functions.unary(args.get(0), v -> (long) bytes(v).length);
            }
            case "BIT_LENGTH" -> {
                return Functions.unary(args.get(0), v -> 8L * bytes(v).length);
            }
            case "CHAR_LENGTH", "CHARACTER_LENGTH" -> {
                return Functions.unary(args.get(0), v -> {
                    String s = text(v);
                    return (long) s.codePointCount(0, s.length());
                });
            }
            case "ASCII", "ORD" -> {
                return Functions.unary(args.get(0), v -> {
                    String s = text(v);
                    return s.isEmpty() ? 0L : (long) (s.charAt(0) & 0xFF);
                });
            }
            case "INSTR" -> {
                return Functions.binary(args.get(0), args.get(1), (s, sub) -> locate(text(sub), text(s), 1));
            }
            case "LOCATE" -> {
                Scalar sub = args.get(0);
                Scalar s = args.get(1);
                Scalar pos = args.size() > 2 ? args.get(2) : null;
                return (row, ctx) -> {
                    Object a = sub.eval(row, ctx);
                    Object b = s.eval(row, ctx);
                    Object p = pos == null ? 1L : pos.eval(row, ctx);
                    if (a == null || b == null || p == null) {
                        return null;
                    }
                    return locate(text(a), text(b), MysqlValues.toLong(p, ctx));
                };
            }
            case "STRCMP" -> {
                return Functions.binary(args.get(0), args.get(1), (a, b) -> (long) Integer.signum(Collation.compare(text(a), text(b))));
            }
            case "FIELD" -> {
                return (row, ctx) -> {
                    Object needle = args.get(0).eval(row, ctx);
                    if (needle == null) {
                        return 0L;
                    }
                    for (int i = 1; i < args.size(); i++) {
                        Object v = args.get(i).eval(row, ctx);
                        if (v != null && MysqlValues.compare(needle, v, ctx) == 0) {
                            return (long) i;
                        }
                    }
                    return 0L;
                };
            }
            case "FIND_IN_SET" -> {
                return Functions.binary(args.get(0), args.get(1), (needle, list) -> {
                    String n2 = text(needle);
                    String[] items = text(list).split(",", -1);
                    if (text(list).isEmpty()) {
                        return 0L;
                    }
                    for (int i = 0; i < items.length; i++) {
                        if (Collation.equal(items[i], n2)) {
                            return (long) (i + 1);
                        }
                    }
                    return 0L;
                });
            }
            default -> {
                return null;
            }
        }
    }

    private static io.basalt.server.exec.value.Warnings ignore() {
        return io.basalt.server.exec.value.Warnings.IGNORE;
    }

    private static byte[] bytes(Object v) {
        return MysqlValues.toBytes(v);
    }

    private static String digest(String algorithm, Object v) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            return HexFormat.of().formatHex(md.digest(bytes(v)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int offsetByCodePoints(String s, long count) {
        int cps = s.codePointCount(0, s.length());
        if (count >= cps) {
            return s.length();
        }
        return s.offsetByCodePoints(0, (int) count);
    }

    /** SUBSTRING(s, pos[, len]) with MySQL's 1-based and negative positions. */
    static String substring(String s, long pos, long len) {
        int count = s.codePointCount(0, s.length());
        long start;
        if (pos > 0) {
            start = pos - 1;
        } else if (pos < 0) {
            start = count + pos;
            if (start < 0) {
                return "";
            }
        } else {
            return "";
        }
        if (start >= count || len <= 0) {
            return "";
        }
        long end = len > count ? count : Math.min(count, start + len);
        int from = s.offsetByCodePoints(0, (int) start);
        int to = s.offsetByCodePoints(0, (int) end);
        return s.substring(from, to);
    }

    private static String trim(String s, String remove, String mode) {
        if (remove.isEmpty()) {
            return s;
        }
        String r = s;
        if (!mode.equals("TRAILING")) {
            while (r.startsWith(remove)) {
                r = r.substring(remove.length());
            }
        }
        if (!mode.equals("LEADING")) {
            while (r.endsWith(remove)) {
                r = r.substring(0, r.length() - remove.length());
            }
        }
        return r;
    }

    private static String pad(String s, long length, String padding, boolean left) {
        if (length < 0) {
            return null;
        }
        if (length > MAX_RESULT) {
            return null;
        }
        int len = (int) length;
        if (s.length() >= len) {
            return s.substring(0, len);
        }
        if (padding.isEmpty()) {
            return null;
        }
        StringBuilder fill = new StringBuilder();
        while (fill.length() < len - s.length()) {
            fill.append(padding);
        }
        fill.setLength(len - s.length());
        return left ? fill + s : s + fill;
    }

    /** 1-based position of {@code sub} in {@code s} from {@code from}, case-insensitive; 0 when absent. */
    private static long locate(String sub, String s, long from) {
        if (from < 1) {
            return 0L;
        }
        if (sub.isEmpty()) {
            return from <= s.length() + 1 ? from : 0L;
        }
        String hay = s.toUpperCase(Locale.ROOT);
        String needle = sub.toUpperCase(Locale.ROOT);
        if (hay.length() != s.length() || needle.length() != sub.length()) {
            hay = s;
            needle = sub;
        }
        int idx = from - 1 > hay.length() ? -1 : hay.indexOf(needle, (int) (from - 1));
        return idx < 0 ? 0L : idx + 1;
    }

    private static String substringIndex(String s, String delim, long count) {
        if (delim.isEmpty() || count == 0) {
            return "";
        }
        if (count > 0) {
            int idx = -1;
            for (long i = 0; i < count; i++) {
                idx = s.indexOf(delim, i == 0 ? 0 : idx + delim.length());
                if (idx < 0) {
                    return s;
                }
            }
            return s.substring(0, idx);
        }
        int idx = s.length();
        for (long i = 0; i < -count; i++) {
            idx = idx == 0 ? -1 : s.lastIndexOf(delim, idx - 1);
            if (idx < 0) {
                return s;
            }
        }
        return s.substring(idx + delim.length());
    }
}
