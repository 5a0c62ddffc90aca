package io.basalt.session;

import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A pull-based stream of Arrow record batches: the one currency between execution and the
 * protocols. The same {@link VectorSchemaRoot} is refilled by every {@link #next()}; a consumer
 * that needs a batch beyond the next call must copy it.
 */
public interface BatchStream extends AutoCloseable {

    /** The schema of every batch; field metadata carries SQL column details ({@link ColumnMetadata}). */
    Schema schema();

    /** The root holding the current batch. Valid from the first {@link #next()} until close. */
    VectorSchemaRoot root();

    /**
     * Loads the next batch into {@link #root()}.
     *
     * @return false when the stream is exhausted
     * @throws io.basalt.error.BasaltException when execution fails or is cancelled
     */
    boolean next();

    /** Releases all memory of the stream and stops the query behind it. Idempotent. */
    @Override
    void close();
}
