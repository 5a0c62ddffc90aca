package io.basalt.flight;

import com.google.protobuf.ByteString;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random identifiers for what a client refers to across calls: bearer tokens, prepared statement
 * handles and result tickets. Unguessable, so one client cannot name another's objects.
 */
final class Handles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Handles() {}

    /** A 256-bit token as URL-safe base64 (valid in headers and cookies). */
    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return ENCODER.encodeToString(b);
    }

    /** A 128-bit handle as URL-safe base64. */
    static String newHandle() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return ENCODER.encodeToString(b);
    }

    static ByteString toBytes(String handle) {
        return ByteString.copyFromUtf8(handle);
    }

    static String fromBytes(ByteString bytes) {
        return bytes.toStringUtf8();
    }
}
