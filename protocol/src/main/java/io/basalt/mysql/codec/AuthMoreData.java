package io.basalt.mysql.codec;

import io.netty.buffer.ByteBuf;

/**
 * Protocol::AuthMoreData: plugin-specific data during authentication. caching_sha2_password sends
 * {@link #FAST_AUTH_SUCCESS} or {@link #PERFORM_FULL_AUTHENTICATION} as the single data byte, or
 * the server's RSA public key.
 *
 * @param data the plugin data
 */
public record AuthMoreData(byte[] data) {
    /** caching_sha2_password: the scramble matched; an OK follows. */
    public static final byte FAST_AUTH_SUCCESS = 3;
    /** caching_sha2_password: send the password itself, over TLS or RSA-encrypted. */
    public static final byte PERFORM_FULL_AUTHENTICATION = 4;

    private static final int HEADER = 0x01;

    /** Writes the payload. */
    public void writeTo(ByteBuf out) {
        out.writeByte(HEADER);
        out.writeBytes(data);
    }
}
