package io.basalt.mysql.resultset;

import io.basalt.mysql.codec.BasicTypes;
import io.netty.buffer.ByteBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * Types MySQL has no counterpart for (lists, structs, intervals): their Arrow text form. Not a hot
 * path, so it may allocate.
 */
final class ObjectTextWriter implements TextValueWriter {
    private FieldVector vector;

    @Override
    public void bind(FieldVector vector) {
        this.vector = vector;
    }

    @Override
    public void write(ByteBuf out, int row) {
        Object value = vector.getObject(row);
        if (value == null) {
            out.writeByte(BasicTypes.NULL_VALUE);
        } else {
            BasicTypes.writeLenencString(out, value.toString());
        }
    }
}
