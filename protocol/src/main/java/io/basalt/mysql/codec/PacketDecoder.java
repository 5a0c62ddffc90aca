package io.basalt.mysql.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the inbound byte stream into {@link MysqlPacket}s: a 3-byte little-endian payload length
 * and a 1-byte sequence id per physical packet. A physical payload of exactly 0xFFFFFF bytes
 * continues in the next packet; the decoder joins them into one logical payload.
 *
 * <p>The joined length is checked against a limit as soon as each header arrives, so an oversized
 * packet is refused before its bytes are buffered: the decoder emits an {@link OversizedPacket}
 * and discards everything after it.
 */
public final class PacketDecoder extends ByteToMessageDecoder {
    /** Largest physical payload; a payload of this size is continued by the next packet. */
    public static final int MAX_PHYSICAL_PAYLOAD = 0xFFFFFF;

    private static final int HEADER_SIZE = 4;

    // Written by the connection's worker thread once authentication raises the limit.
    private volatile int maxPayload;
    private CompositeByteBuf parts;
    private long partsLength;
    private boolean discarding;

    public PacketDecoder(int maxPayload) {
        this.maxPayload = maxPayload;
    }

    /** Changes the largest accepted joined payload, e.g. from the handshake limit to max_allowed_packet. */
    public void maxPayload(int bytes) {
        this.maxPayload = bytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (!discarding && in.readableBytes() >= HEADER_SIZE) {
            int start = in.readerIndex();
            int length = in.getUnsignedMediumLE(start);
            int sequenceId = in.getUnsignedByte(start + 3);
            if (partsLength + length > maxPayload) {
                out.add(new OversizedPacket(sequenceId, maxPayload));
                discarding = true;
                releaseParts();
                break;
            }
            if (in.readableBytes() < HEADER_SIZE + length) {
                return;
            }
            in.skipBytes(HEADER_SIZE);
            ByteBuf chunk = in.readRetainedSlice(length);
            if (length == MAX_PHYSICAL_PAYLOAD) {
                if (parts == null) {
                    parts = ctx.alloc().compositeBuffer(Integer.MAX_VALUE);
                }
                parts.addComponent(true, chunk);
                partsLength += length;
                continue;
            }
            out.add(new MysqlPacket(sequenceId, joined(chunk)));
        }
        if (discarding) {
            in.skipBytes(in.readableBytes());
        }
    }

    private ByteBuf joined(ByteBuf last) {
        if (parts == null) {
            return last;
        }
        CompositeByteBuf payload = parts;
        payload.addComponent(true, last);
        parts = null;
        partsLength = 0;
        return payload;
    }

    private void releaseParts() {
        if (parts != null) {
            parts.release();
            parts = null;
        }
        partsLength = 0;
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        releaseParts();
    }
}
