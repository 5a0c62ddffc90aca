package io.basalt.mysql.codec;

import io.netty.buffer.ByteBuf;

/**
 * Frames outbound payloads in place: {@link #begin} reserves a header, the caller writes the
 * payload straight into the buffer, and {@link #end} fills in the length and sequence id. A payload
 * of 0xFFFFFF bytes or more is split into physical packets of 0xFFFFFF bytes followed by a shorter
 * (possibly empty) one, as the protocol requires.
 *
 * <p>Keeps the sequence counter of one connection; not thread-safe.
 */
public final class PacketFramer {
    private static final int HEADER_SIZE = 4;
    private static final int MAX = PacketDecoder.MAX_PHYSICAL_PAYLOAD;

    private int sequenceId;
    private int headerIndex = -1;

    /** Sets the sequence id of the next packet, e.g. one past the id of the command being answered. */
    public void sequenceId(int next) {
        this.sequenceId = next & 0xFF;
    }

    /** The sequence id the next packet will carry. */
    public int sequenceId() {
        return sequenceId;
    }

    /** Starts a packet at the writer index of {@code out}. */
    public void begin(ByteBuf out) {
        if (headerIndex >= 0) {
            throw new IllegalStateException("packet already started");
        }
        headerIndex = out.writerIndex();
        out.writeInt(0);
    }

    /** Whether a packet is started and not yet ended. */
    public boolean inPacket() {
        return headerIndex >= 0;
    }

    /** Finishes the packet started by {@link #begin}: everything written since is its payload. */
    public void end(ByteBuf out) {
        int payloadStart = headerIndex + HEADER_SIZE;
        int length = out.writerIndex() - payloadStart;
        if (length < MAX) {
            out.setMediumLE(headerIndex, length);
            out.setByte(headerIndex + 3, nextSequenceId());
        } else {
            split(out, payloadStart, length);
        }
        headerIndex = -1;
    }

    /** Drops a partly written packet, e.g. after a value failed to encode. */
    public void abandon(ByteBuf out) {
        if (headerIndex >= 0) {
            out.writerIndex(headerIndex);
            headerIndex = -1;
        }
    }

    private void split(ByteBuf out, int payloadStart, int length) {
        // Rare (a single row or statement of 16 MiB): copying is simpler than shifting in place.
        ByteBuf payload = out.copy(payloadStart, length);
        try {
            out.writerIndex(headerIndex);
            int chunk;
            do {
                chunk = Math.min(payload.readableBytes(), MAX);
                out.writeMediumLE(chunk);
                out.writeByte(nextSequenceId());
                out.writeBytes(payload, chunk);
            } while (chunk == MAX);
        } finally {
            payload.release();
        }
    }

    private int nextSequenceId() {
        int id = sequenceId;
        sequenceId = (sequenceId + 1) & 0xFF;
        return id;
    }
}
