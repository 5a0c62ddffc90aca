package io.basalt.mysql.resultset;

import io.netty.buffer.ByteBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/** BOOLEAN as a TINYINT(1): one byte, 1 or 0. */
final class BooleanBinaryWriter implements BinaryValueWriter {
    private BitVector bits;

    @Override
    public void bind(FieldVector vector) {
        bits = (BitVector) vector;
    }

    @Override
    public void write(ByteBuf out, int row) {
        out.writeByte(bits.get(row));
    }
}
