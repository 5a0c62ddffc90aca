package io.basalt.mysql.resultset;

import io.netty.buffer.ByteBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float2Vector;

/** Arrow's half-precision floats, widened to the 4-byte FLOAT their column is declared as. */
final class HalfFloatBinaryWriter implements BinaryValueWriter {
    private Float2Vector halves;

    @Override
    public void bind(FieldVector vector) {
        halves = (Float2Vector) vector;
    }

    @Override
    public void write(ByteBuf out, int row) {
        out.writeFloatLE(halves.getValueAsFloat(row));
    }
}
