package io.basalt.tests.flight;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Rows (id BIGINT, v INT, d DOUBLE, s VARCHAR) generated batch by batch, so a client can send
 * millions of rows without holding them: row i is (i, i % 1000, i * 0.5, "row-" + i).
 */
final class GeneratedBatches extends ArrowReader {
    static final Schema SCHEMA = new Schema(List.of(
            Field.notNullable("id", new ArrowType.Int(64, true)),
            Field.nullable("v", new ArrowType.Int(32, true)),
            Field.nullable("d", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            Field.nullable("s", ArrowType.Utf8.INSTANCE)));

    private final long rows;
    private final int batchRows;
    private long next;

    GeneratedBatches(BufferAllocator allocator, long rows, int batchRows) {
        super(allocator);
        this.rows = rows;
        this.batchRows = batchRows;
    }

    /** Sum of id over all rows. */
    static long idSum(long rows) {
        return rows * (rows - 1) / 2;
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        if (next >= rows) {
            return false;
        }
        VectorSchemaRoot root = getVectorSchemaRoot();
        root.allocateNew();
        BigIntVector id = (BigIntVector) root.getVector("id");
        IntVector v = (IntVector) root.getVector("v");
        Float8Vector d = (Float8Vector) root.getVector("d");
        VarCharVector s = (VarCharVector) root.getVector("s");
        int n = (int) Math.min(batchRows, rows - next);
        for (int i = 0; i < n; i++) {
            long k = next + i;
            id.setSafe(i, k);
            v.setSafe(i, (int) (k % 1000));
            d.setSafe(i, k * 0.5);
            s.setSafe(i, ("row-" + k).getBytes(StandardCharsets.UTF_8));
        }
        root.setRowCount(n);
        next += n;
        return true;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    protected void closeReadSource() {}

    @Override
    protected Schema readSchema() {
        return SCHEMA;
    }
}
