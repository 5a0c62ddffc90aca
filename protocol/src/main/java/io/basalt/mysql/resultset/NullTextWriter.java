package io.basalt.mysql.resultset;

import io.basalt.mysql.codec.BasicTypes;
import io.netty.buffer.ByteBuf;
import org.apache.arrow.vector.FieldVector;

/** A column of Arrow type Null: every value is NULL. */
final class NullTextWriter implements TextValueWriter {
    @Override
    public void bind(FieldVector vector) {}

    @Override
    public void write(ByteBuf out, int row) {
        out.writeByte(BasicTypes.NULL_VALUE);
    }
}
