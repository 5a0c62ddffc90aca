package io.basalt.server.exec.arrow;

import io.basalt.server.exec.ExecContext;
import io.basalt.session.BatchStream;
import io.basalt.storage.Scanner;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The result of a plain table scan (columns of one table, no filter left to apply, stored types
 * equal to the result's) streamed batch by batch straight from storage: each column's buffers move
 * from the scanner's batch into the result without a per-row step.
 */
public final class ScanBatchStream implements BatchStream {
    private final Schema schema;
    private final Scanner scanner;
    private final int[] sources;
    private final ExecContext ctx;
    private final BufferAllocator allocator;
    private final VectorSchemaRoot root;
    private final Runnable onClose;
    private long remaining;
    private boolean closed;

    /** Whether the scanner's vectors have exactly the result's types, column for column. */
    public static boolean matches(Schema result, Scanner scanner, int[] sources) {
        Schema stored = scanner.batch().getSchema();
        for (int i = 0; i < sources.length; i++) {
            if (!stored.getFields().get(sources[i]).getType().equals(result.getFields().get(i).getType())) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param sources for each result column, the index of its vector in the scanner's batches
     * @param limit most rows to return (LIMIT without ORDER BY), or -1 for all
     * @param allocator owned by the stream: closed with it
     */
    public ScanBatchStream(Schema schema, Scanner scanner, int[] sources, long limit, ExecContext ctx,
            BufferAllocator allocator, Runnable onClose) {
        this.remaining = limit < 0 ? Long.MAX_VALUE : limit;
        this.schema = schema;
        this.scanner = scanner;
        this.sources = sources;
        this.ctx = ctx;
        this.allocator = allocator;
        this.root = VectorSchemaRoot.create(schema, allocator);
        this.onClose = onClose;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public VectorSchemaRoot root() {
        return root;
    }

    @Override
    public boolean next() {
        while (true) {
            ctx.checkCancelled();
            if (remaining <= 0 || !scanner.next()) {
                return false;
            }
            VectorSchemaRoot batch = scanner.batch();
            int rows = (int) Math.min(batch.getRowCount(), remaining);
            if (rows == 0) {
                continue;
            }
            for (int i = 0; i < sources.length; i++) {
                FieldVector src = batch.getVector(sources[i]);
                FieldVector dst = root.getVector(i);
                dst.clear();
                // The scanner allocates fresh buffers for its next batch (storage writes with setSafe).
                src.makeTransferPair(dst).transfer();
                dst.setValueCount(rows);
            }
            remaining -= rows;
            root.setRowCount(rows);
            return true;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            scanner.close();
        } finally {
            root.close();
            allocator.close();
            if (onClose != null) {
                onClose.run();
            }
        }
    }
}
