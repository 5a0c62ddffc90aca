package io.basalt.mysql.server.fake;

import io.basalt.session.BatchStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A batch stream that refills one root: {@code fill} loads batch number n into the root and returns
 * false when there is none. Counts batches and records close, for flow-control and cleanup tests.
 */
public final class RootBatchStream implements BatchStream {
    private final VectorSchemaRoot root;
    private final IntPredicate fill;
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    public RootBatchStream(VectorSchemaRoot root, IntPredicate fill) {
        this.root = root;
        this.fill = fill;
    }

    @Override
    public Schema schema() {
        return root.getSchema();
    }

    @Override
    public VectorSchemaRoot root() {
        return root;
    }

    @Override
    public boolean next() {
        if (closed.get()) {
            throw new IllegalStateException("stream closed");
        }
        boolean more = fill.test(batches.get());
        if (more) {
            batches.incrementAndGet();
        }
        return more;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            root.close();
        }
    }

    /** Batches produced so far. */
    public int batches() {
        return batches.get();
    }

    public boolean isClosed() {
        return closed.get();
    }
}
