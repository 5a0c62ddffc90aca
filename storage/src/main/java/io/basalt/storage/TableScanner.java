package io.basalt.storage;

import io.basalt.storage.column.ColumnSpec;
import io.basalt.storage.column.ColumnStats;
import io.basalt.storage.segment.RowGroupMeta;
import io.basalt.storage.segment.SegmentMeta;
import io.basalt.storage.segment.SegmentReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * The {@link Scanner} of a {@link TableState}: segments first, then buffered batches, each pruned
 * by its statistics, delete vectors applied as rows are read. With a key column
 * ({@link KeyLookup}), a source whose key index matches nothing is skipped and one where few rows
 * match has just those read. Holds one reference on the state.
 */
final class TableScanner implements Scanner {

  /** Larger requested batch sizes are cut to this. */
  static final int MAX_BATCH_ROWS = 1 << 20;

  private final TableState state;
  private final BufferAllocator allocator;
  private final VectorSchemaRoot root;
  private final FieldVector[] out;
  private final List<ColumnSpec> columns;
  private final boolean withLocators;
  private final int batchSize;
  /** Per column, the last batch's string bytes per value (variable-width columns only). */
  private double[] bytesPerValue;
  private int lastBatchRows;
  private final Pruner pruner;
  private final KeyLookup keyLookup;
  private final List<Object> sources = new ArrayList<>();
  private final int[] positions;
  private final boolean[] keep;

  private int sourceIndex = -1;
  private boolean sourceDone = true;
  private long sourceId = -1;
  private RoaringBitmap deletes;
  private SegmentRef segment;
  private SegmentReader reader;
  private FieldVector[] segmentOut;
  private int[] absentInSegment;
  private BufferedBatch batch;
  private int batchNext;
  private int[] keyed;
  private int keyedNext;
  private int segmentsTotal;
  private int segmentsSkipped;
  private int rowGroupsSkipped;
  private int batchesTotal;
  private int batchesSkipped;
  private int sourcesReadByKey;
  private int sourcesSkippedByKey;
  private long rowsDecoded;
  private long rowsReturned;
  private boolean closed;

  /**
   * Scans {@code state}, taking over one reference on it (released by {@link #close()}, or right
   * away if this constructor throws).
   *
   * @param onlySources scan just these sources, in this order, without pruning; null for all
   */
  TableScanner(TableState state, ScanRequest request, BufferAllocator parent, List<Long> onlySources) {
    BufferAllocator alloc = null;
    VectorSchemaRoot r = null;
    try {
      this.state = state;
      this.withLocators = request.withLocators();
      this.batchSize = Math.min(request.batchSize(), MAX_BATCH_ROWS);
      this.columns = new ArrayList<>();
      for (int id : request.columnIds()) {
        ColumnSpec c = state.layout.column(id);
        if (c == null) {
          throw new IllegalArgumentException("unknown column id " + id + " in table " + state.layout.tableId());
        }
        columns.add(c);
      }
      this.pruner = new Pruner(state.layout, onlySources == null ? request.pruning() : List.of());
      this.keyLookup = onlySources == null ? KeyLookup.of(request, state.layout, state.keyIndexes()) : null;
      pickSources(onlySources);
      this.positions = withLocators ? new int[batchSize] : null;
      this.keep = new boolean[batchSize];
      alloc = parent.newChildAllocator("scan-t" + state.layout.tableId(), 0, Long.MAX_VALUE);
      List<Field> fields = new ArrayList<>();
      for (ColumnSpec c : columns) {
        fields.add(c.toField());
      }
      r = VectorSchemaRoot.create(new Schema(fields), alloc);
      this.out = r.getFieldVectors().toArray(new FieldVector[0]);
      this.bytesPerValue = new double[out.length];
      for (FieldVector v : out) {
        v.setInitialCapacity(Math.min(batchSize, 4096));
        v.allocateNew();
      }
      this.allocator = alloc;
      this.root = r;
    } catch (RuntimeException e) {
      if (r != null) {
        r.close();
      }
      if (alloc != null) {
        alloc.close();
      }
      state.release();
      throw e;
    }
  }

  private void pickSources(List<Long> onlySources) {
    if (onlySources != null) {
      for (long id : onlySources) {
        Object src = find(id);
        if (src == null) {
          throw new IllegalArgumentException("no source " + id);
        }
        if (src instanceof SegmentRef) {
          segmentsTotal++;
        } else {
          batchesTotal++;
        }
        sources.add(src);
      }
      return;
    }
    for (SegmentRef s : state.segments) {
      segmentsTotal++;
      if (!pruner.isEmpty() && pruner.canSkip(s::stats)) {
        segmentsSkipped++;
      } else {
        sources.add(s);
      }
    }
    for (BufferedBatch b : state.buffer) {
      batchesTotal++;
      if (!pruner.isEmpty() && pruner.canSkip(b::stats)) {
        batchesSkipped++;
      } else {
        sources.add(b);
      }
    }
  }

  private Object find(long id) {
    for (SegmentRef s : state.segments) {
      if (s.id() == id) {
        return s;
      }
    }
    for (BufferedBatch b : state.buffer) {
      if (b.sourceId == id) {
        return b;
      }
    }
    return null;
  }

  @Override
  public boolean next() {
    checkOpen();
    try {
      while (true) {
        if (sourceDone && !openNextSource()) {
          finishBatch(0);
          return false;
        }
        int rows = keyed != null ? nextKeyedChunk() : segment != null ? nextSegmentChunk() : nextBatchChunk();
        if (rows < 0) {
          closeSource();
          continue;
        }
        if (rows > 0) {
          rowsReturned += rows;
          return true;
        }
      }
    } catch (IOException e) {
      // sources.get(sourceIndex), not segment: a key index build fails before the source is open
      Object src = sourceIndex >= 0 && sourceIndex < sources.size() ? sources.get(sourceIndex) : null;
      throw new StorageException("cannot read segment " + (src instanceof SegmentRef s ? s.path : "?"), e);
    }
  }

  private boolean openNextSource() throws IOException {
    while (sourceIndex + 1 < sources.size()) {
      Object src = sources.get(++sourceIndex);
      long id = src instanceof SegmentRef s ? s.id() : ((BufferedBatch) src).sourceId;
      RoaringBitmap d = state.deletes(id);
      int[] hits = null;
      if (keyLookup != null) {
        hits = src instanceof SegmentRef s ? keyLookup.match(s, d, allocator) : keyLookup.match((BufferedBatch) src, d);
        if (hits != null && hits.length == 0) {
          sourcesSkippedByKey++;
          continue;
        }
        if (hits != null) {
          sourcesReadByKey++;
        }
      }
      sourceId = id;
      deletes = d;
      keyed = hits;
      keyedNext = 0;
      open(src);
      return true;
    }
    return false;
  }

  private void open(Object src) throws IOException {
    sourceDone = false;
    if (src instanceof SegmentRef s) {
      segment = s;
      SegmentMeta meta = s.meta;
      List<ColumnSpec> projection = new ArrayList<>();
      List<FieldVector> projectedOut = new ArrayList<>();
      List<Integer> absent = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        int idx = meta.columnIndex(columns.get(c).id());
        if (idx < 0) {
          absent.add(c);
        } else {
          projection.add(meta.columns().get(idx));
          projectedOut.add(out[c]);
        }
      }
      segmentOut = projectedOut.toArray(new FieldVector[0]);
      absentInSegment = absent.stream().mapToInt(Integer::intValue).toArray();
      if (keyed == null || segmentOut.length > 0) {
        reader = new SegmentReader(s.path, projection);
      }
    } else {
      batch = (BufferedBatch) src;
      batchNext = 0;
    }
  }

  private void closeSource() throws IOException {
    sourceDone = true;
    segment = null;
    batch = null;
    keyed = null;
    if (reader != null) {
      SegmentReader r = reader;
      reader = null;
      rowsDecoded += r.rowsDecoded();
      r.close();
    }
  }

  /** The next rows of the current source's key matches, read by position. */
  private int nextKeyedChunk() throws IOException {
    if (keyedNext >= keyed.length) {
      return -1;
    }
    int n = Math.min(batchSize, keyed.length - keyedNext);
    resetVectors();
    if (segment != null) {
      if (segmentOut.length > 0) {
        reader.readRows(keyed, keyedNext, n, segmentOut);
      }
      for (int c : absentInSegment) {
        for (int i = 0; i < n; i++) {
          out[c].setNull(i);
        }
      }
    } else {
      for (int c = 0; c < out.length; c++) {
        FieldVector src = batch.vector(columns.get(c).id());
        for (int i = 0; i < n; i++) {
          if (src == null) {
            out[c].setNull(i);
          } else {
            out[c].copyFromSafe(keyed[keyedNext + i], i, src);
          }
        }
      }
    }
    if (positions != null) {
      System.arraycopy(keyed, keyedNext, positions, 0, n);
    }
    keyedNext += n;
    finishBatch(n);
    return n;
  }

  private int nextSegmentChunk() throws IOException {
    while (reader.rowsLeftInGroup() == 0) {
      int g = reader.rowGroup() + 1;
      if (g >= reader.rowGroupCount()) {
        return -1;
      }
      boolean skip = !pruner.isEmpty() && pruner.canSkip(id -> rowGroupStats(segment.meta, g, id));
      if (skip) {
        rowGroupsSkipped++;
      }
      reader.nextRowGroup(skip);
    }
    int n = (int) Math.min(batchSize, reader.rowsLeftInGroup());
    int first = (int) reader.nextRowPosition();
    boolean[] k = computeKeep(first, n);
    resetVectors();
    int kept = reader.read(n, k, segmentOut);
    for (int c : absentInSegment) {
      for (int i = 0; i < kept; i++) {
        out[c].setNull(i);
      }
    }
    fillPositions(first, n, k);
    finishBatch(kept);
    return kept;
  }

  private static ColumnStats rowGroupStats(SegmentMeta meta, int group, int columnId) {
    RowGroupMeta rg = meta.rowGroups().get(group);
    int idx = meta.columnIndex(columnId);
    return idx < 0 ? ColumnStats.allNulls(rg.rowCount()) : rg.columnStats().get(idx);
  }

  private int nextBatchChunk() {
    if (batchNext >= batch.rowCount) {
      return -1;
    }
    int n = Math.min(batchSize, batch.rowCount - batchNext);
    int first = batchNext;
    boolean[] k = computeKeep(first, n);
    resetVectors();
    int kept = n;
    if (k != null) {
      kept = 0;
      for (int i = 0; i < n; i++) {
        if (k[i]) {
          kept++;
        }
      }
    }
    for (int c = 0; c < out.length; c++) {
      FieldVector src = batch.vector(columns.get(c).id());
      FieldVector dst = out[c];
      int o = 0;
      for (int i = 0; i < n; i++) {
        if (k != null && !k[i]) {
          continue;
        }
        if (src == null) {
          dst.setNull(o);
        } else {
          dst.copyFromSafe(first + i, o, src);
        }
        o++;
      }
    }
    fillPositions(first, n, k);
    batchNext += n;
    finishBatch(kept);
    return kept;
  }

  /** Which of rows [first, first + n) survive the delete vector; null when all do. */
  private boolean[] computeKeep(int first, int n) {
    if (deletes == null || deletes.rangeCardinality(first, (long) first + n) == 0) {
      return null;
    }
    Arrays.fill(keep, 0, n, true);
    PeekableIntIterator it = deletes.getIntIterator();
    it.advanceIfNeeded(first);
    while (it.hasNext()) {
      int p = it.peekNext();
      if (p >= first + n) {
        break;
      }
      keep[p - first] = false;
      it.next();
    }
    return keep;
  }

  private void fillPositions(int first, int n, boolean[] k) {
    if (positions == null) {
      return;
    }
    int o = 0;
    for (int i = 0; i < n; i++) {
      if (k == null || k[i]) {
        positions[o++] = first + i;
      }
    }
  }

  /**
   * Readies the vectors for the next batch. A consumer that took the last batch's buffers (a transfer
   * pair) leaves them empty: they are allocated again at the last batch's size, strings at its bytes
   * per value, rather than grown by doubling and copying while the batch fills.
   */
  private void resetVectors() {
    int rows = Math.min(batchSize, Math.max(4096, lastBatchRows));
    for (int c = 0; c < out.length; c++) {
      FieldVector v = out[c];
      if (v.getValueCapacity() == 0) {
        if (v instanceof BaseVariableWidthVector) {
          ((BaseVariableWidthVector) v).setInitialCapacity(rows, Math.max(1, bytesPerValue[c] * 1.1));
        } else {
          v.setInitialCapacity(rows);
        }
        v.allocateNew();
      } else {
        v.reset();
      }
    }
  }

  private void finishBatch(int rows) {
    lastBatchRows = rows;
    for (int c = 0; c < out.length; c++) {
      FieldVector v = out[c];
      v.setValueCount(rows);
      if (rows > 0 && v instanceof BaseVariableWidthVector) {
        bytesPerValue[c] = (double) v.getOffsetBuffer().getInt((long) rows * BaseVariableWidthVector.OFFSET_WIDTH) / rows;
      }
    }
    root.setRowCount(rows);
  }

  @Override
  public VectorSchemaRoot batch() {
    checkOpen();
    return root;
  }

  @Override
  public long sourceId() {
    checkLocators();
    return sourceId;
  }

  @Override
  public int position(int row) {
    checkLocators();
    if (row < 0 || row >= root.getRowCount()) {
      throw new IndexOutOfBoundsException("row " + row + " of " + root.getRowCount());
    }
    return positions[row];
  }

  @Override
  public int[] positions() {
    checkLocators();
    return Arrays.copyOf(positions, root.getRowCount());
  }

  private void checkLocators() {
    checkOpen();
    if (!withLocators) {
      throw new IllegalStateException("scan was not asked for locators");
    }
  }

  @Override
  public ScanMetrics metrics() {
    return new ScanMetrics(segmentsTotal, segmentsSkipped, rowGroupsSkipped, batchesTotal, batchesSkipped,
        sourcesReadByKey, sourcesSkippedByKey, rowsDecoded + (reader == null ? 0 : reader.rowsDecoded()),
        rowsReturned);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("scanner is closed");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      closeSource();
    } catch (IOException e) {
      // read-only file handle: nothing to lose
    } finally {
      root.close();
      allocator.close();
      state.release();
    }
  }
}
