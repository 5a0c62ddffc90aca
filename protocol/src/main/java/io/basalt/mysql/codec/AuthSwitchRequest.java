package io.basalt.mysql.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Protocol::AuthSwitchRequest: asks the client to answer the salt again with another plugin.
 *
 * @param plugin the plugin the client must use
 * @param salt the plugin's auth data
 */
public record AuthSwitchRequest(String plugin, byte[] salt) {
    private static final int HEADER = 0xFE;

    /** Writes the request payload. */
    public void writeTo(ByteBuf out) {
        out.writeByte(HEADER);
        out.writeCharSequence(plugin, StandardCharsets.US_ASCII);
        out.writeByte(0);
        out.writeBytes(salt);
        out.writeByte(0);
    }
}
