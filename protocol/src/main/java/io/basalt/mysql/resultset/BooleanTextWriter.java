package io.basalt.mysql.resultset;

import io.netty.buffer.ByteBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/** BOOLEAN as MySQL sends it: a TINYINT(1) with the value 1 or 0. */
final class BooleanTextWriter extends VectorTextWriter {
    private BitVector bits;

    @Override
    public void bind(FieldVector vector) {
        super.bind(vector);
        this.bits = (BitVector) vector;
    }

    @Override
    protected void writeValue(ByteBuf out, int row) {
        out.writeByte(1);
        out.writeByte(bits.get(row) != 0 ? '1' : '0');
    }
}
