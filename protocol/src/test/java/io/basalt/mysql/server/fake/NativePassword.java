package io.basalt.mysql.server.fake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Computes and checks mysql_native_password scrambles: SHA1(pw) XOR SHA1(salt + SHA1(SHA1(pw))). */
public final class NativePassword {
    private NativePassword() {}

    static boolean matches(String password, byte[] salt, byte[] response) {
        if (password.isEmpty()) {
            return response.length == 0;
        }
        return MessageDigest.isEqual(scramble(password, salt), response);
    }

    /** The scramble a client sends for {@code password} and {@code salt}. */
    public static byte[] scramble(String password, byte[] salt) {
        byte[] stage1 = sha1(password.getBytes(StandardCharsets.UTF_8));
        byte[] stage2 = sha1(stage1);
        byte[] saltAndStage2 = new byte[salt.length + stage2.length];
        System.arraycopy(salt, 0, saltAndStage2, 0, salt.length);
        System.arraycopy(stage2, 0, saltAndStage2, salt.length, stage2.length);
        byte[] mask = sha1(saltAndStage2);
        byte[] expected = new byte[stage1.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (stage1[i] ^ mask[i]);
        }
        return expected;
    }

    private static byte[] sha1(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
