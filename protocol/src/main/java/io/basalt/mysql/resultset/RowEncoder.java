package io.basalt.mysql.resultset;

import io.netty.buffer.ByteBuf;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Encodes the rows of Arrow record batches as result-set row payloads, writing each value straight
 * from its vector into the socket buffer. One encoder serves a whole result set: build it from the
 * schema, {@link #bind} it to each batch, then {@link #writeRow} each row.
 */
public interface RowEncoder {

    /** Points the encoder at the vectors of the batch now held by {@code root}. */
    void bind(VectorSchemaRoot root);

    /** Writes the payload of one row of the bound batch. */
    void writeRow(ByteBuf out, int row);
}
