package io.basalt.mysql.resultset;

import io.netty.buffer.ByteBuf;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * TINYINT..BIGINT, FLOAT and DOUBLE: Arrow and MySQL both store them little-endian in 1, 2, 4 or 8
 * bytes (IEEE 754 for the floating types), so the value's bytes go to the wire as they are.
 * Unsigned integers need nothing more: the column definition's UNSIGNED flag tells the client.
 */
final class FixedWidthBinaryWriter implements BinaryValueWriter {
    private final int byteWidth;
    private ArrowBuf data;

    /** @param byteWidth 1, 2, 4 or 8 */
    FixedWidthBinaryWriter(int byteWidth) {
        if (byteWidth != 1 && byteWidth != 2 && byteWidth != 4 && byteWidth != 8) {
            throw new IllegalArgumentException("byte width must be 1, 2, 4 or 8: " + byteWidth);
        }
        this.byteWidth = byteWidth;
    }

    @Override
    public void bind(FieldVector vector) {
        data = vector.getDataBuffer();
    }

    @Override
    public void write(ByteBuf out, int row) {
        long offset = (long) byteWidth * row;
        switch (byteWidth) {
            case 1:
                out.writeByte(data.getByte(offset));
                break;
            case 2:
                out.writeShortLE(data.getShort(offset));
                break;
            case 4:
                out.writeIntLE(data.getInt(offset));
                break;
            default:
                out.writeLongLE(data.getLong(offset));
                break;
        }
    }
}
