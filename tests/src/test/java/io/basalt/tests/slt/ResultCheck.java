package io.basalt.tests.slt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a query's formatted, sorted values with a record's expected lines, the way the reference
 * runner does: value by value, or by MD5 when the expected side is a {@code N values hashing to H} line
 * or the result is larger than the hash threshold.
 */
public final class ResultCheck {

    private static final Pattern HASH_LINE = Pattern.compile("(\\d+) values? hashing to ([0-9a-f]{32})");

    private ResultCheck() {
    }

    /**
     * Returns empty when {@code actual} matches {@code expected}, else what the runner reports as the
     * actual side (the values, or their hash line).
     *
     * @param actual the formatted values, already in sort-mode order
     * @param hashThreshold the file's current {@code hash-threshold}; 0 means never hash
     */
    public static Optional<String> mismatch(List<String> actual, List<String> expected, int hashThreshold) {
        if (expected.size() == 1) {
            Matcher m = HASH_LINE.matcher(expected.get(0).trim());
            if (m.matches()) {
                String got = hashLine(actual);
                boolean same = Integer.parseInt(m.group(1)) == actual.size() && m.group(2).equals(md5(actual));
                return same ? Optional.empty() : Optional.of(got);
            }
        }
        if (hashThreshold > 0 && actual.size() > hashThreshold) {
            // the reference prints the hash instead of the values; it can only match a hash line (above)
            return Optional.of(hashLine(actual));
        }
        return actual.equals(expected) ? Optional.empty() : Optional.of(String.join("\n", actual));
    }

    /** {@code N values hashing to H} for {@code values}. */
    public static String hashLine(List<String> values) {
        return values.size() + " values hashing to " + md5(values);
    }

    /** MD5 (hex) of each value followed by a newline, as the reference hashes a result. */
    public static String md5(List<String> values) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
        for (String v : values) {
            md.update(v.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
