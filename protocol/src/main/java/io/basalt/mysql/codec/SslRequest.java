package io.basalt.mysql.codec;

import io.netty.buffer.ByteBuf;

/**
 * Protocol::SSLRequest: the first 32 bytes of a HandshakeResponse41 with CLIENT_SSL set and nothing
 * after them. The client starts its TLS handshake right after it and sends the full handshake
 * response encrypted.
 */
public final class SslRequest {
    /** Payload length of an SSL request. */
    public static final int LENGTH = 32;

    private SslRequest() {}

    /**
     * Whether the packet at the reader index of {@code in} (header included) is a complete SSL
     * request. Reads nothing.
     */
    public static boolean isAt(ByteBuf in) {
        int start = in.readerIndex();
        if (in.readableBytes() < 4 + LENGTH || in.getUnsignedMediumLE(start) != LENGTH) {
            return false;
        }
        int capabilities = in.getIntLE(start + 4);
        return Capabilities.has(capabilities, Capabilities.SSL | Capabilities.PROTOCOL_41);
    }

    /** Whether enough bytes arrived to tell an SSL request from any other first packet. */
    public static boolean decidable(ByteBuf in) {
        if (in.readableBytes() < 4) {
            return false;
        }
        int length = in.getUnsignedMediumLE(in.readerIndex());
        return length != LENGTH || in.readableBytes() >= 4 + LENGTH;
    }
}
