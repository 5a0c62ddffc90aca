package io.basalt.mysql.resultset;

import io.basalt.mysql.codec.BasicTypes;
import io.netty.buffer.ByteBuf;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/** A writer over a vector with a data buffer: handles binding and NULLs, subclasses write values. */
abstract class VectorTextWriter implements TextValueWriter {
    protected FieldVector vector;
    protected ArrowBuf data;

    @Override
    public void bind(FieldVector vector) {
        this.vector = vector;
        this.data = vector.getDataBuffer();
    }

    @Override
    public final void write(ByteBuf out, int row) {
        if (vector.isNull(row)) {
            out.writeByte(BasicTypes.NULL_VALUE);
        } else {
            writeValue(out, row);
        }
    }

    /** Writes the non-null value at {@code row}. */
    protected abstract void writeValue(ByteBuf out, int row);
}
