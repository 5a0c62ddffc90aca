package io.basalt.storage;

import io.basalt.storage.column.ColumnSpec;
import io.basalt.storage.column.ColumnStats;
import io.basalt.storage.column.StatsCollector;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One appended batch in a table's write buffer: decoded Arrow vectors named by storage column
 * name, their statistics, and a reference count (one per {@link TableState} holding it). The
 * vectors are never modified after construction, so readers share them.
 */
final class BufferedBatch {

  final long sourceId;
  final int rowCount;
  final long ipcBytes;
  final KeyIndexCache.Slots keyIndexes = new KeyIndexCache.Slots();
  private final VectorSchemaRoot root;
  private final Map<Integer, FieldVector> vectors = new HashMap<>();
  private final Map<Integer, ColumnStats> stats = new HashMap<>();
  private final AtomicInteger refs = new AtomicInteger();

  /** Takes ownership of {@code root}, whose fields are named {@code c<id>}. */
  BufferedBatch(long sourceId, VectorSchemaRoot root, long ipcBytes) {
    this.sourceId = sourceId;
    this.root = root;
    this.rowCount = root.getRowCount();
    this.ipcBytes = ipcBytes;
    for (FieldVector v : root.getFieldVectors()) {
      int id = Integer.parseInt(v.getName().substring(1));
      vectors.put(id, v);
      stats.put(id, StatsCollector.of(v, rowCount));
    }
  }

  /** The vector of a column, or null when the batch predates the column. */
  FieldVector vector(int columnId) {
    return vectors.get(columnId);
  }

  ColumnStats stats(int columnId) {
    ColumnStats s = stats.get(columnId);
    return s != null ? s : ColumnStats.allNulls(rowCount);
  }

  static String fieldName(ColumnSpec c) {
    return c.storageName();
  }

  void retain() {
    refs.incrementAndGet();
  }

  void release() {
    int n = refs.decrementAndGet();
    if (n == 0) {
      keyIndexes.drop();
      root.close();
    } else if (n < 0) {
      throw new IllegalStateException("buffered batch " + sourceId + " released too often");
    }
  }

  /** Frees a batch that never joined a state. */
  void discard() {
    if (refs.get() == 0) {
      root.close();
    }
  }
}
