package io.basalt.mysql.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * COM_CHANGE_USER after its command byte: log in again as another user, computed over the salt of
 * the original greeting.
 *
 * @param user user name
 * @param authResponse the auth plugin's response
 * @param database default database, or null
 * @param authPlugin the plugin the response was computed with, or null when the client did not say
 */
public record ChangeUserRequest(String user, byte[] authResponse, String database, String authPlugin) {

    /**
     * Parses the payload after the command byte.
     *
     * @param capabilities the capabilities negotiated at login, which decide the field layout
     * @throws MalformedPacketException when the payload is truncated
     */
    public static ChangeUserRequest parse(ByteBuf in, int capabilities) {
        String user = BasicTypes.readNulString(in, StandardCharsets.UTF_8);
        byte[] authResponse;
        if (Capabilities.has(capabilities, Capabilities.SECURE_CONNECTION)) {
            authResponse = BasicTypes.readFixedBytes(in, BasicTypes.readUnsignedByte(in));
        } else {
            authResponse = BasicTypes.readNulString(in, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
        }
        String database = BasicTypes.readNulString(in, StandardCharsets.UTF_8);
        if (in.readableBytes() >= 2) {
            in.skipBytes(2); // character set: every text value Basalt sends is UTF-8 anyway
        }
        String plugin = null;
        if (Capabilities.has(capabilities, Capabilities.PLUGIN_AUTH) && in.isReadable()) {
            plugin = BasicTypes.readNulString(in, StandardCharsets.US_ASCII);
        }
        // Connection attributes may follow; nothing here needs them.
        return new ChangeUserRequest(user, authResponse, database.isEmpty() ? null : database, plugin);
    }
}
