package io.basalt.server.session;

import io.basalt.session.BatchStream;
import io.basalt.session.QueryResult;
import java.util.function.LongConsumer;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A row result that counts the rows its batches carry as the protocol face pulls them, and reports
 * the count once when it closes: FOUND_ROWS() is the number of rows the client was sent, whichever
 * face sent them.
 */
final class CountedRows implements BatchStream {
    private final BatchStream stream;
    private final LongConsumer onClose;
    private long rows;
    private boolean closed;

    private CountedRows(BatchStream stream, LongConsumer onClose) {
        this.stream = java.util.Objects.requireNonNull(stream, "stream");
        this.onClose = java.util.Objects.requireNonNull(onClose, "onClose");
    }

    /** {@code result} with its stream counted; {@code onClose} receives the count. */
    static QueryResult.Rows of(QueryResult.Rows result, LongConsumer onClose) {
        return new QueryResult.Rows(new CountedRows(result.stream(), onClose), result.warnings());
    }

    @Override
    public Schema schema() {
        return stream.schema();
    }

    @Override
    public VectorSchemaRoot root() {
        return stream.root();
    }

    @Override
    public boolean next() {
        boolean more = stream.next();
        if (more) {
            rows += stream.root().getRowCount();
        }
        return more;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stream.close();
        } finally {
            onClose.accept(rows);
        }
    }
}
