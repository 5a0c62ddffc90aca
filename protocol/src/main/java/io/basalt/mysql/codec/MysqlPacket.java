package io.basalt.mysql.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * One logical MySQL packet as received: its payload, already joined across 16 MiB continuation
 * packets, and the sequence id of its last physical packet (the reply continues from there).
 * The receiver owns the payload and must release it.
 */
public final class MysqlPacket extends DefaultByteBufHolder {
    private final int sequenceId;

    public MysqlPacket(int sequenceId, ByteBuf payload) {
        super(payload);
        this.sequenceId = sequenceId;
    }

    /** Sequence id of the last physical packet, 0..255. */
    public int sequenceId() {
        return sequenceId;
    }

    /** The payload; the same buffer as {@link #content()}. */
    public ByteBuf payload() {
        return content();
    }
}
