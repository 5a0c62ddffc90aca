package io.basalt.mysql.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The server greeting, Protocol::HandshakeV10: protocol version, server version, connection id,
 * the 20-byte auth salt in two parts, capabilities, default collation, status and auth plugin.
 *
 * @param serverVersion version string clients parse, e.g. "8.0.33-basalt"
 * @param connectionId low 32 bits are sent
 * @param salt exactly 20 bytes, none of them NUL
 * @param capabilities server capability flags
 * @param collation default collation id
 * @param status server status flags
 * @param authPlugin name of the default auth plugin
 */
public record HandshakeV10(
        String serverVersion, long connectionId, byte[] salt, int capabilities, int collation, int status, String authPlugin) {
    /** Length of the salt MySQL's native and caching_sha2 plugins use. */
    public static final int SALT_LENGTH = 20;
    private static final int PROTOCOL_VERSION = 10;

    public HandshakeV10 {
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("salt must be " + SALT_LENGTH + " bytes");
        }
    }

    /** Writes the greeting payload. */
    public void writeTo(ByteBuf out) {
        out.writeByte(PROTOCOL_VERSION);
        BasicTypes.writeNulString(out, serverVersion);
        out.writeIntLE((int) connectionId);
        out.writeBytes(salt, 0, 8);
        out.writeByte(0);
        out.writeShortLE(capabilities & 0xFFFF);
        out.writeByte(collation);
        out.writeShortLE(status);
        out.writeShortLE(capabilities >>> 16);
        out.writeByte(SALT_LENGTH + 1);
        out.writeZero(10);
        out.writeBytes(salt, 8, SALT_LENGTH - 8);
        out.writeByte(0);
        out.writeCharSequence(authPlugin, StandardCharsets.US_ASCII);
        out.writeByte(0);
    }
}
