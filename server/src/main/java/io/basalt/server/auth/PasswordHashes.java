package io.basalt.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The password hashes an account keeps, and the checks of the MySQL scramble protocols against
 * them. The password itself is never stored.
 */
public final class PasswordHashes {
    private PasswordHashes() {}

    private static byte[] digest(String algorithm, byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hex SHA1(SHA1(password)), as mysql_native_password stores it; empty for an empty password. */
    public static String nativeHash(String password) {
        if (password.isEmpty()) {
            return "";
        }
        byte[] stage1 = digest("SHA-1", password.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest("SHA-1", stage1));
    }

    /** Hex SHA256(SHA256(password)), what caching_sha2_password checks its scramble with; empty for none. */
    public static String sha2Hash(String password) {
        if (password.isEmpty()) {
            return "";
        }
        byte[] stage1 = digest("SHA-256", password.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest("SHA-256", stage1));
    }

    /** mysql_native_password: response = SHA1(pw) XOR SHA1(salt + SHA1(SHA1(pw))). */
    public static boolean checkNative(String storedHash, byte[] salt, byte[] response) {
        if (storedHash.isEmpty()) {
            return response == null || response.length == 0;
        }
        if (response == null || response.length != 20) {
            return false;
        }
        byte[] stage2 = HexFormat.of().parseHex(storedHash);
        byte[] mask = digest("SHA-1", salt, stage2);
        byte[] stage1 = new byte[20];
        for (int i = 0; i < 20; i++) {
            stage1[i] = (byte) (response[i] ^ mask[i]);
        }
        return MessageDigest.isEqual(digest("SHA-1", stage1), stage2);
    }

    /** caching_sha2_password fast path: response = SHA256(pw) XOR SHA256(SHA256(SHA256(pw)) + salt). */
    public static boolean checkSha2(String storedHash, byte[] salt, byte[] response) {
        if (storedHash.isEmpty()) {
            return response == null || response.length == 0;
        }
        if (response == null || response.length != 32) {
            return false;
        }
        byte[] stage2 = HexFormat.of().parseHex(storedHash);
        byte[] mask = digest("SHA-256", stage2, salt);
        byte[] stage1 = new byte[32];
        for (int i = 0; i < 32; i++) {
            stage1[i] = (byte) (response[i] ^ mask[i]);
        }
        return MessageDigest.isEqual(digest("SHA-256", stage1), stage2);
    }

    /** A password given in clear against the stored hash. */
    public static boolean checkCleartext(String storedNativeHash, String password) {
        return MessageDigest.isEqual(nativeHash(password == null ? "" : password).getBytes(StandardCharsets.US_ASCII),
                storedNativeHash.getBytes(StandardCharsets.US_ASCII));
    }
}
