package io.basalt.mysql.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client's reply to the greeting, Protocol::HandshakeResponse41.
 *
 * @param capabilities client capability flags
 * @param maxPacketSize largest packet the client accepts
 * @param collation the client's collation id
 * @param user user name
 * @param authResponse the auth plugin's response to the salt (empty for an empty password)
 * @param database requested default database, or null
 * @param authPlugin the plugin the response was computed with, or null when the client did not say
 * @param attributes connection attributes (empty when none were sent)
 */
public record HandshakeResponse(
        int capabilities,
        int maxPacketSize,
        int collation,
        String user,
        byte[] authResponse,
        String database,
        String authPlugin,
        Map<String, String> attributes) {

    private static final int FILLER = 23;

    /**
     * Parses a HandshakeResponse41 payload.
     *
     * @throws MalformedPacketException when the payload is not a protocol-41 handshake response
     */
    public static HandshakeResponse parse(ByteBuf in) {
        int capabilities = BasicTypes.readIntLE(in);
        if (!Capabilities.has(capabilities, Capabilities.PROTOCOL_41)) {
            throw new MalformedPacketException("client does not speak protocol 41");
        }
        if (Capabilities.has(capabilities, Capabilities.SSL) && in.readableBytes() == 4 + 1 + FILLER) {
            throw new MalformedPacketException("client requested TLS, which is not offered");
        }
        int maxPacketSize = BasicTypes.readIntLE(in);
        int collation = BasicTypes.readUnsignedByte(in);
        BasicTypes.readFixedBytes(in, FILLER);
        String user = BasicTypes.readNulString(in, StandardCharsets.UTF_8);
        byte[] authResponse;
        if (Capabilities.has(capabilities, Capabilities.PLUGIN_AUTH_LENENC_CLIENT_DATA)) {
            authResponse = BasicTypes.readLenencBytes(in);
        } else if (Capabilities.has(capabilities, Capabilities.SECURE_CONNECTION)) {
            authResponse = BasicTypes.readFixedBytes(in, BasicTypes.readUnsignedByte(in));
        } else {
            authResponse = BasicTypes.readNulString(in, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
        }
        String database = null;
        if (Capabilities.has(capabilities, Capabilities.CONNECT_WITH_DB) && in.isReadable()) {
            database = BasicTypes.readNulString(in, StandardCharsets.UTF_8);
            if (database.isEmpty()) {
                database = null;
            }
        }
        String plugin = null;
        if (Capabilities.has(capabilities, Capabilities.PLUGIN_AUTH) && in.isReadable()) {
            plugin = BasicTypes.readNulString(in, StandardCharsets.US_ASCII);
        }
        Map<String, String> attributes = Collections.emptyMap();
        if (Capabilities.has(capabilities, Capabilities.CONNECT_ATTRS) && in.isReadable()) {
            attributes = readAttributes(in);
        }
        return new HandshakeResponse(capabilities, maxPacketSize, collation, user, authResponse, database, plugin, attributes);
    }

    private static Map<String, String> readAttributes(ByteBuf in) {
        long length = BasicTypes.readLenencInt(in);
        if (length > in.readableBytes()) {
            throw new MalformedPacketException("connection attributes run past the end of the packet");
        }
        ByteBuf block = in.readSlice((int) length);
        Map<String, String> attributes = new LinkedHashMap<>();
        while (block.isReadable()) {
            String key = BasicTypes.readLenencString(block, StandardCharsets.UTF_8);
            attributes.put(key, BasicTypes.readLenencString(block, StandardCharsets.UTF_8));
        }
        return Collections.unmodifiableMap(attributes);
    }
}
