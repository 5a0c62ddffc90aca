package io.basalt.server.exec.arrow;

import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.expr.Casts;
import io.basalt.server.exec.op.RowSource;
import io.basalt.server.exec.value.MysqlValues;
import io.basalt.session.BatchStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Turns the rows of an executing plan into Arrow record batches, one batch per {@link #next()},
 * so results stream to the client without being materialized. Owns the statement's allocator.
 */
public final class RowBatchStream implements BatchStream {
    /** Rows per batch: large enough to amortise per-batch work, small enough to stream promptly. */
    public static final int BATCH_ROWS = 4096;

    private final Schema schema;
    private final List<RelDataType> types;
    private final RowSource rows;
    private final ExecContext ctx;
    private final BufferAllocator allocator;
    private final VectorSchemaRoot root;
    private final Runnable onClose;
    private boolean done;
    private boolean closed;

    public RowBatchStream(Schema schema, List<RelDataType> types, RowSource rows, ExecContext ctx,
            BufferAllocator allocator, Runnable onClose) {
        this.schema = schema;
        this.types = types;
        this.rows = rows;
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
        if (done) {
            return false;
        }
        ctx.checkCancelled();
        root.allocateNew();
        List<FieldVector> vectors = root.getFieldVectors();
        int n = 0;
        while (n < BATCH_ROWS) {
            Object[] row = rows.next();
            if (row == null) {
                done = true;
                break;
            }
            for (int c = 0; c < vectors.size(); c++) {
                ArrowValues.set(vectors.get(c), n, normalize(row[c], types.get(c)));
            }
            n++;
        }
        root.setRowCount(n);
        return n > 0;
    }

    /** Brings a value to the runtime class its column's vector expects. */
    private Object normalize(Object v, RelDataType type) {
        if (v == null) {
            return null;
        }
        boolean ok = switch (type.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> v instanceof Long;
            case DECIMAL -> v instanceof BigDecimal;
            case DOUBLE, REAL, FLOAT -> v instanceof Double;
            case CHAR, VARCHAR -> v instanceof String;
            case BOOLEAN -> v instanceof Boolean;
            case DATE -> v instanceof LocalDate;
            case TIMESTAMP -> v instanceof LocalDateTime;
            case TIME -> v instanceof Duration;
            case BINARY, VARBINARY -> v instanceof byte[];
            case NULL -> true;
            default -> false;
        };
        if (ok) {
            return v;
        }
        if (type.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.CHAR
                || type.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.VARCHAR) {
            return MysqlValues.toText(v);
        }
        Object c = Casts.cast(v, type, ctx);
        return c == null ? null : c;
    }

    /** Warnings raised so far. */
    public ExecContext context() {
        return ctx;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            rows.close();
        } finally {
            root.close();
            allocator.close();
            if (onClose != null) {
                onClose.run();
            }
        }
    }
}
