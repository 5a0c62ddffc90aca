package io.basalt.mysql.resultset;

import io.netty.buffer.ByteBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * Writes the non-null values of one result column, read straight from its Arrow vector, in the
 * binary protocol's encoding for the column's type. NULLs never reach a writer: they are marked in
 * the row's NULL bitmap.
 */
interface BinaryValueWriter {

    /** Points the writer at the column's vector; called once per batch. */
    void bind(FieldVector vector);

    /** Writes the non-null value at {@code row}. */
    void write(ByteBuf out, int row);
}
