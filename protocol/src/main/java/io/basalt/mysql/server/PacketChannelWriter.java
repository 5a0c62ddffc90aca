package io.basalt.mysql.server;

import io.basalt.mysql.codec.PacketFramer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * Frames response packets into pooled buffers of about {@link #CHUNK_SIZE} bytes and hands them to
 * the channel, so many small packets (rows) cost one write. Used by one connection's worker task at
 * a time; not thread-safe.
 */
final class PacketChannelWriter {
    /** Bytes buffered before a chunk is handed to the channel. */
    static final int CHUNK_SIZE = 64 * 1024;

    private final Channel channel;
    private final PacketFramer framer = new PacketFramer();
    private ByteBuf buffer;

    PacketChannelWriter(Channel channel) {
        this.channel = channel;
    }

    /** Sets the sequence id of the next packet: one past the id of the packet being answered. */
    void sequenceId(int next) {
        framer.sequenceId(next);
    }

    /** Starts a packet and returns the buffer to write its payload into. */
    ByteBuf begin() {
        if (buffer == null) {
            buffer = channel.alloc().ioBuffer(CHUNK_SIZE);
        }
        framer.begin(buffer);
        return buffer;
    }

    /** Ends the packet started by {@link #begin()}. */
    void end() {
        framer.end(buffer);
    }

    /** Drops a partly written packet after its payload failed to encode. */
    void abandon() {
        if (buffer != null) {
            framer.abandon(buffer);
        }
    }

    /** Whether the current chunk is big enough to hand over. */
    boolean chunkFull() {
        return buffer != null && buffer.readableBytes() >= CHUNK_SIZE;
    }

    /** Hands the current chunk to the channel without flushing it. */
    void write() {
        ByteBuf chunk = buffer;
        buffer = null;
        if (chunk == null) {
            return;
        }
        if (chunk.isReadable()) {
            channel.write(chunk, channel.voidPromise());
        } else {
            chunk.release();
        }
    }

    /** Hands the current chunk over and flushes the channel. */
    void flush() {
        write();
        channel.flush();
    }

    /**
     * Hands the current chunk over and flushes it, then runs {@code action} on the event loop in
     * the same task, right after the chunk passed through the pipeline: a pipeline change made by
     * {@code action} applies to everything written later and to nothing written before.
     */
    void flushThen(Runnable action) {
        ByteBuf chunk = buffer;
        buffer = null;
        // Writes from this thread are queued on the event loop in order; this task queues behind them.
        channel.eventLoop().execute(() -> {
            if (chunk != null && chunk.isReadable()) {
                channel.writeAndFlush(chunk, channel.voidPromise());
            } else {
                if (chunk != null) {
                    chunk.release();
                }
                channel.flush();
            }
            action.run();
        });
    }

    /** Releases buffered output that will never be sent (the connection is gone). */
    void discard() {
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
    }
}
