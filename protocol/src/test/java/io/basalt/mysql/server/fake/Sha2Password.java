package io.basalt.mysql.server.fake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Computes and checks caching_sha2_password scrambles: SHA256(pw) XOR SHA256(SHA256(SHA256(pw)) + salt). */
public final class Sha2Password {
    private Sha2Password() {}

    static boolean matches(String password, byte[] salt, byte[] response) {
        if (password.isEmpty()) {
            return response.length == 0;
        }
        return MessageDigest.isEqual(scramble(password, salt), response);
    }

    /** The scramble a client sends for {@code password} and {@code salt}. */
    public static byte[] scramble(String password, byte[] salt) {
        byte[] stage1 = sha256(password.getBytes(StandardCharsets.UTF_8));
        byte[] stage2 = sha256(stage1);
        byte[] stage2AndSalt = new byte[stage2.length + salt.length];
        System.arraycopy(stage2, 0, stage2AndSalt, 0, stage2.length);
        System.arraycopy(salt, 0, stage2AndSalt, stage2.length, salt.length);
        byte[] mask = sha256(stage2AndSalt);
        byte[] expected = new byte[stage1.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (stage1[i] ^ mask[i]);
        }
        return expected;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
