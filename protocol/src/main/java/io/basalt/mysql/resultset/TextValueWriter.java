package io.basalt.mysql.resultset;

import io.netty.buffer.ByteBuf;
import org.apache.arrow.vector.FieldVector;

/** Writes the values of one result column, read straight from its Arrow vector, as text-row values. */
interface TextValueWriter {

    /** Points the writer at the column's vector; called once per batch. */
    void bind(FieldVector vector);

    /** Writes the value at {@code row} as a length-encoded string, or the NULL marker. */
    void write(ByteBuf out, int row);
}
