package io.basalt.session;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Statement text as clients send it: UTF-8, except that string literals may hold raw bytes that
 * are not UTF-8 at all (mysqldump writes VARBINARY and BLOB values that way unless given
 * {@code --hex-blob}).
 *
 * <p>{@link #decode} keeps such bytes by mapping each byte {@code b} of a malformed sequence to
 * the unpaired low surrogate {@code U+DC00 + b}, which well-formed UTF-8 never produces.
 * {@link #encode} reverses it exactly, so a literal stored into a binary column gets the bytes
 * the client sent. Text columns reject strings holding such bytes ({@link #hasRawBytes}).
 */
public final class ClientText {
    private static final char ESCAPE_BASE = '\uDC00';

    private ClientText() {}

    /** Decodes UTF-8, keeping each byte of a malformed sequence as an escape character. */
    public static String decode(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder(length);
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                out.append((char) b);
                i++;
                continue;
            }
            int need;
            int cp;
            int min;
            if (b >= 0xc2 && b <= 0xdf) {
                need = 1;
                cp = b & 0x1f;
                min = 0x80;
            } else if (b >= 0xe0 && b <= 0xef) {
                need = 2;
                cp = b & 0x0f;
                min = 0x800;
            } else if (b >= 0xf0 && b <= 0xf4) {
                need = 3;
                cp = b & 0x07;
                min = 0x10000;
            } else {
                out.append((char) (ESCAPE_BASE + b));
                i++;
                continue;
            }
            if (i + need >= end) {
                out.append((char) (ESCAPE_BASE + b));
                i++;
                continue;
            }
            boolean ok = true;
            for (int k = 1; k <= need; k++) {
                int c = bytes[i + k] & 0xff;
                if ((c & 0xc0) != 0x80) {
                    ok = false;
                    break;
                }
                cp = (cp << 6) | (c & 0x3f);
            }
            if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                out.append((char) (ESCAPE_BASE + b));
                i++;
                continue;
            }
            out.appendCodePoint(cp);
            i += need + 1;
        }
        return out.toString();
    }

    public static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** The bytes {@code s} stands for: UTF-8, with escaped raw bytes restored. */
    public static byte[] encode(String s) {
        if (!hasRawBytes(s)) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int runStart = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isEscape(s, i)) {
                out.writeBytes(s.substring(runStart, i).getBytes(StandardCharsets.UTF_8));
                out.write(c - ESCAPE_BASE);
                runStart = i + 1;
            }
        }
        out.writeBytes(s.substring(runStart).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Whether {@code s} holds bytes that were not valid UTF-8 when the client sent them. */
    public static boolean hasRawBytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isEscape(s, i)) {
                return true;
            }
        }
        return false;
    }

    /** The first raw byte sequence in {@code s} as MySQL prints it in 1366 errors, e.g. {@code \xFF\x00}. */
    public static String describeRawBytes(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < 24; i++) {
            if (isEscape(s, i)) {
                out.append(String.format("\\x%02X", s.charAt(i) - ESCAPE_BASE));
            } else if (out.length() > 0) {
                break;
            }
        }
        return out.toString();
    }

    private static boolean isEscape(String s, int i) {
        char c = s.charAt(i);
        return c >= '\uDC80' && c <= '\uDCFF' && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }
}
