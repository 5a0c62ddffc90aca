package io.basalt.mysql.resultset;

import io.netty.buffer.ByteBuf;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;

/** Copies bytes from Arrow memory into a Netty buffer without an intermediate array. */
final class VectorBytes {
    private VectorBytes() {}

    /** Appends {@code length} bytes of {@code src} at {@code index} to {@code dst}. */
    static void copy(ArrowBuf src, long index, int length, ByteBuf dst) {
        if (length == 0) {
            return;
        }
        src.checkBytes(index, index + length);
        dst.ensureWritable(length);
        int at = dst.writerIndex();
        if (dst.hasMemoryAddress()) {
            MemoryUtil.copyMemory(src.memoryAddress() + index, dst.memoryAddress() + at, length);
            dst.writerIndex(at + length);
        } else if (dst.hasArray()) {
            src.getBytes(index, dst.array(), dst.arrayOffset() + at, length);
            dst.writerIndex(at + length);
        } else {
            dst.writeBytes(src.nioBuffer(index, length));
        }
    }
}
