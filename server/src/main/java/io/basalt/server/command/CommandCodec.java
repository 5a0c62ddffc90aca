package io.basalt.server.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The log format of commands: a magic byte, a format version, the command as JSON and an optional
 * binary payload (Arrow IPC rows). Never Java serialization.
 */
public final class CommandCodec {
    private static final byte MAGIC = 'B';
    private static final byte VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private CommandCodec() {}

    /** A decoded command and its payload (empty array when none). */
    public record Decoded(Command command, byte[] payload) {}

    public static byte[] encode(Command command, byte[] payload) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + command.getClass().getSimpleName(), e);
        }
        int payloadLength = payload == null ? 0 : payload.length;
        ByteBuffer b = ByteBuffer.allocate(2 + 4 + json.length + payloadLength);
        b.put(MAGIC).put(VERSION).putInt(json.length).put(json);
        if (payload != null) {
            b.put(payload);
        }
        return b.array();
    }

    public static Decoded decode(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        if (b.remaining() < 6 || b.get() != MAGIC) {
            throw new IllegalArgumentException("not a Basalt command");
        }
        byte version = b.get();
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported command format version " + version);
        }
        int jsonLength = b.getInt();
        byte[] json = new byte[jsonLength];
        b.get(json);
        byte[] payload = new byte[b.remaining()];
        b.get(payload);
        try {
            return new Decoded(JSON.readValue(json, Command.class), payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt command: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    /** The shared JSON mapper (catalog persistence uses the same settings). */
    public static ObjectMapper json() {
        return JSON;
    }
}
