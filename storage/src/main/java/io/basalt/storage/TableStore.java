package io.basalt.storage;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.column.ColumnSpec;
import io.basalt.storage.kv.Family;
import io.basalt.storage.kv.KvBatch;
import io.basalt.storage.kv.KvStore;
import io.basalt.storage.segment.SegmentMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One table's data: Parquet segments, an in-memory write buffer backed by RocksDB, and delete
 * vectors. Every change is one RocksDB write batch plus one swap of the immutable current
 * {@link TableState}, under the table's write lock, so readers never see half a change.
 *
 * <p>Threads: one writer (the server's apply thread) calls {@link #mutate}, {@link #append},
 * {@link #truncate}, {@link #alterLayout}; flush and compaction run beside it (background or on
 * request) and write their files without the lock, taking it only to commit, where deletes made
 * meanwhile are carried over to the rewritten rows. Any number of readers hold
 * {@link TableVersion}s. Objects from before a {@link StorageEngine#restore} or drop are invalid.
 */
public final class TableStore {

  private static final Logger LOG = LoggerFactory.getLogger(TableStore.class);

  private final long tableId;
  private final KvStore kv;
  private final Path segmentDir;
  private final BufferAllocator allocator;
  private final StorageOptions options;
  private final Executor background;
  private final KeyIndexCache keyIndexes;
  private final ReentrantLock lock = new ReentrantLock();
  private final ReentrantLock maintenanceLock = new ReentrantLock();
  private final AtomicInteger liveStates = new AtomicInteger();
  private final AtomicBoolean allocatorClosed = new AtomicBoolean();
  private final AtomicBoolean flushQueued = new AtomicBoolean();
  private final AtomicBoolean compactionQueued = new AtomicBoolean();
  private volatile TableState current;
  private volatile boolean closed;
  private long nextSourceId;
  private int maxColumnId;

  private TableStore(long tableId, KvStore kv, Path segmentDir, BufferAllocator allocator, StorageOptions options,
                     Executor background, KeyIndexCache keyIndexes) {
    this.tableId = tableId;
    this.kv = kv;
    this.segmentDir = segmentDir;
    this.allocator = allocator;
    this.options = options;
    this.background = background;
    this.keyIndexes = requireNonNull(keyIndexes, "keyIndexes");
  }

  /** Registers a new, empty table in RocksDB. Takes ownership of {@code allocator}. */
  static TableStore create(KvStore kv, TableLayout layout, Path segmentDir, BufferAllocator allocator,
                           StorageOptions options, Executor background, KeyIndexCache keyIndexes) {
    TableStore t = new TableStore(layout.tableId(), kv, segmentDir, allocator, options, background, keyIndexes);
    t.nextSourceId = 1;
    t.maxColumnId = layout.maxColumnId();
    kv.write(new KvBatch()
        .put(Family.TABLES, StorageKeys.key(StorageKeys.LAYOUT, layout.tableId()), layout.encode())
        .put(Family.TABLES, StorageKeys.key(StorageKeys.COUNTERS, layout.tableId()), t.counters()));
    t.current = new TableState(t, layout, List.of(), List.of(), Map.of(), 0);
    return t;
  }

  /** A table rebuilt from its records by {@link TableLoader}. */
  static TableStore loaded(KvStore kv, TableLayout layout, Path segmentDir, BufferAllocator allocator,
                           StorageOptions options, Executor background, KeyIndexCache keyIndexes, long nextSourceId,
                           int maxColumnId, List<SegmentRef> segments, List<BufferedBatch> buffer,
                           Map<Long, RoaringBitmap> deletes) {
    TableStore t = new TableStore(layout.tableId(), kv, segmentDir, allocator, options, background, keyIndexes);
    t.nextSourceId = nextSourceId;
    t.maxColumnId = maxColumnId;
    t.current = new TableState(t, layout, segments, buffer, deletes, 0);
    return t;
  }

  /** The table's id. */
  public long tableId() {
    return tableId;
  }

  /** The current layout. */
  public TableLayout layout() {
    return currentState().layout;
  }

  /** Row counts and sizes of the current version. */
  public TableStats stats() {
    return currentState().stats();
  }

  /** Paths of the current version's segment files. */
  public List<Path> segmentFiles() {
    List<Path> out = new ArrayList<>();
    for (SegmentRef s : currentState().segments) {
      out.add(s.path);
    }
    return out;
  }

  /** The current version, held until closed. */
  public TableVersion current() {
    return new TableVersion(retainCurrent(), allocator);
  }

  /**
   * Changes the layout: added columns (ids never used before in this table) read as null in
   * existing data; dropped columns disappear from scans (their data goes at compaction); a kept
   * id must keep its type (renames and nullability changes are fine).
   */
  public void alterLayout(TableLayout newLayout) {
    requireNonNull(newLayout, "newLayout");
    if (newLayout.tableId() != tableId) {
      throw new IllegalArgumentException("layout is for table " + newLayout.tableId() + ", not " + tableId);
    }
    lockForCommit();
    try {
      TableState base = currentState();
      int newMax = maxColumnId;
      for (ColumnSpec c : newLayout.columns()) {
        ColumnSpec old = base.layout.column(c.id());
        if (old != null) {
          if (!old.type().equals(c.type())) {
            throw new IllegalArgumentException("column " + c.id() + " cannot change type from " + old.type()
                + " to " + c.type());
          }
        } else if (c.id() <= maxColumnId) {
          throw new IllegalArgumentException("column id " + c.id() + " was used before in table " + tableId);
        }
        newMax = Math.max(newMax, c.id());
      }
      int oldMax = maxColumnId;
      maxColumnId = newMax;
      try {
        kv.write(new KvBatch()
            .put(Family.TABLES, StorageKeys.key(StorageKeys.LAYOUT, tableId), newLayout.encode())
            .put(Family.TABLES, StorageKeys.key(StorageKeys.COUNTERS, tableId), counters()));
      } catch (RuntimeException e) {
        maxColumnId = oldMax;
        throw e;
      }
      publish(new TableState(this, newLayout, base.segments, base.buffer, base.deletes, base.version + 1));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code fn} against the current version under the table's write lock and commits the
   * mutation it returns atomically: in memory and in one RocksDB write batch. Locators computed
   * by {@code fn} stay valid through the commit because flush and compaction commit under the
   * same lock. If {@code fn} or the commit throws, nothing changes.
   */
  public MutationResult mutate(Function<TableVersion, TableMutation> fn) {
    requireNonNull(fn, "fn");
    MutationResult result;
    lockForCommit();
    try {
      TableState base = currentState();
      TableMutation mutation;
      try (TableVersion version = new TableVersion(retainCurrent(), allocator)) {
        mutation = fn.apply(version);
      }
      if (mutation == null || mutation.isEmpty()) {
        return MutationResult.NONE;
      }
      result = commit(base, mutation);
    } finally {
      lock.unlock();
    }
    scheduleMaintenance();
    return result;
  }

  /** Appends one batch (see {@link TableMutation} for how columns match); returns rows appended. */
  public long append(VectorSchemaRoot rows) {
    return mutate(v -> TableMutation.append(rows)).appendedRows();
  }

  private MutationResult commit(TableState base, TableMutation m) {
    KvBatch batch = new KvBatch();
    Map<Long, RoaringBitmap> deletes = new HashMap<>(base.deletes);
    long deleted = 0;
    for (Map.Entry<Long, RoaringBitmap> e : m.deletes().entrySet()) {
      long sourceId = e.getKey();
      long rows = base.sourceRows(sourceId);
      if (rows < 0) {
        throw new IllegalArgumentException("table " + tableId + " has no source " + sourceId);
      }
      if (Integer.toUnsignedLong(e.getValue().last()) >= rows) {
        throw new IllegalArgumentException("position " + Integer.toUnsignedLong(e.getValue().last())
            + " is beyond the " + rows + " rows of source " + sourceId);
      }
      RoaringBitmap old = base.deletes.get(sourceId);
      RoaringBitmap merged = old == null ? e.getValue().clone() : RoaringBitmap.or(old, e.getValue());
      long added = merged.getLongCardinality() - (old == null ? 0 : old.getLongCardinality());
      if (added == 0) {
        continue;
      }
      merged.runOptimize();
      deleted += added;
      deletes.put(sourceId, merged);
      batch.put(Family.TABLES, StorageKeys.key(StorageKeys.DELETES, tableId, sourceId), DeleteVectors.encode(merged));
    }
    List<BufferedBatch> appended = new ArrayList<>();
    long appendedRows = 0;
    long firstId = nextSourceId;
    try {
      for (VectorSchemaRoot rows : m.appends()) {
        for (AppendEncoder.Piece p : AppendEncoder.encode(rows, base.layout, options.bufferBatchRows(), allocator,
            () -> nextSourceId++)) {
          appended.add(p.batch());
          appendedRows += p.batch().rowCount;
          batch.put(Family.BUFFER, StorageKeys.bufferKey(tableId, p.batch().sourceId), p.bytes());
        }
      }
      if (batch.isEmpty()) {
        return MutationResult.NONE;
      }
      batch.put(Family.TABLES, StorageKeys.key(StorageKeys.COUNTERS, tableId), counters());
      kv.write(batch);
    } catch (RuntimeException e) {
      appended.forEach(BufferedBatch::discard);
      nextSourceId = firstId;
      throw e;
    }
    List<BufferedBatch> buffer = new ArrayList<>(base.buffer);
    buffer.addAll(appended);
    publish(new TableState(this, base.layout, base.segments, buffer, deletes, base.version + 1));
    return new MutationResult(deleted, appendedRows);
  }

  /** Removes every row: segments, buffer and delete vectors, in one commit. */
  public void truncate() {
    lockForCommit();
    try {
      TableState base = currentState();
      kv.write(new KvBatch()
          .deletePrefix(Family.TABLES, StorageKeys.key(StorageKeys.SEGMENT, tableId))
          .deletePrefix(Family.TABLES, StorageKeys.key(StorageKeys.DELETES, tableId))
          .deletePrefix(Family.BUFFER, StorageKeys.bufferPrefix(tableId))
          .put(Family.TABLES, StorageKeys.key(StorageKeys.COUNTERS, tableId), counters()));
      publish(new TableState(this, base.layout, List.of(), List.of(), Map.of(), base.version + 1));
      base.segments.forEach(SegmentRef::markObsolete);
    } finally {
      lock.unlock();
    }
  }

  /** Flushes the write buffer to a new segment now, on this thread. */
  public void flush() {
    checkOpen();
    SegmentRewriter.flush(this);
    scheduleMaintenance();
  }

  /**
   * Compacts now, on this thread: merges small segments and rewrites segments with many deleted
   * rows until no candidate is left.
   */
  public void compact() {
    checkOpen();
    SegmentRewriter.compact(this, 2, true);
  }

  // ---- used by SegmentRewriter and StorageEngine ----

  StorageOptions options() {
    return options;
  }

  KeyIndexCache keyIndexes() {
    return keyIndexes;
  }

  Path segmentDir() {
    return segmentDir;
  }

  BufferAllocator allocator() {
    return allocator;
  }

  ReentrantLock maintenanceLock() {
    return maintenanceLock;
  }

  boolean isClosed() {
    return closed;
  }

  TableState retainCurrent() {
    while (true) {
      TableState s = currentState();
      if (s.tryRetain()) {
        return s;
      }
    }
  }

  /**
   * Takes the write lock for a commit. The lock is re-entrant, but a commit from inside
   * {@link #mutate}'s function would be overwritten by the mutation's own commit: refuse it.
   */
  private void lockForCommit() {
    lock.lock();
    if (lock.getHoldCount() > 1) {
      lock.unlock();
      throw new IllegalStateException("table " + tableId + " cannot be changed from inside mutate()");
    }
  }

  private TableState currentState() {
    TableState s = current;
    if (s == null || closed) {
      throw new IllegalStateException("table " + tableId + " is closed or dropped");
    }
    return s;
  }

  private void checkOpen() {
    currentState();
  }

  long reserveSourceId() {
    lockForCommit();
    try {
      checkOpen();
      return nextSourceId++;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Replaces {@code inputs} (sources of {@code snap}, whose live rows were written in order to
   * {@code out}) with {@code out}. Rows deleted since {@code snap} are deleted in {@code out} at
   * their new positions.
   *
   * @param out the new segment, or null when the inputs had no live rows
   * @return false when the table changed so that the rewrite no longer applies (caller deletes
   *     the file)
   */
  boolean commitRewrite(TableState snap, List<Long> inputs, SegmentMeta out, Path outPath) {
    lockForCommit();
    try {
      if (closed || current == null) {
        return false;
      }
      TableState cur = current;
      Set<Long> inputSet = new HashSet<>(inputs);
      RoaringBitmap outDeletes = new RoaringBitmap();
      long base = 0;
      KvBatch batch = new KvBatch();
      for (long id : inputs) {
        if (cur.sourceRows(id) < 0) {
          return false;
        }
        DeleteVectors.carryOver(snap.deletes(id), cur.deletes(id), base, outDeletes);
        base += snap.sourceRows(id) - snap.deletedCount(id);
        batch.delete(Family.BUFFER, StorageKeys.bufferKey(tableId, id));
        batch.delete(Family.TABLES, StorageKeys.key(StorageKeys.SEGMENT, tableId, id));
        batch.delete(Family.TABLES, StorageKeys.key(StorageKeys.DELETES, tableId, id));
      }
      if (base != (out == null ? 0 : out.rowCount())) {
        throw new StorageException("rewrite of table " + tableId + " wrote " + (out == null ? 0 : out.rowCount())
            + " rows for " + base + " live rows");
      }
      SegmentRef outRef = null;
      if (out != null) {
        outRef = new SegmentRef(out, outPath);
        batch.put(Family.TABLES, StorageKeys.key(StorageKeys.SEGMENT, tableId, out.segmentId()), out.encode());
        if (!outDeletes.isEmpty()) {
          outDeletes.runOptimize();
          batch.put(Family.TABLES, StorageKeys.key(StorageKeys.DELETES, tableId, out.segmentId()), DeleteVectors.encode(outDeletes));
        }
      }
      batch.put(Family.TABLES, StorageKeys.key(StorageKeys.COUNTERS, tableId), counters());
      kv.write(batch);

      List<SegmentRef> segments = new ArrayList<>();
      List<SegmentRef> removed = new ArrayList<>();
      for (SegmentRef s : cur.segments) {
        if (inputSet.contains(s.id())) {
          removed.add(s);
          if (outRef != null) {
            segments.add(outRef); // the merged rows take the place of the first input
            outRef = null;
          }
        } else {
          segments.add(s);
        }
      }
      if (outRef != null) {
        segments.add(outRef);
      }
      List<BufferedBatch> buffer = new ArrayList<>();
      for (BufferedBatch b : cur.buffer) {
        if (!inputSet.contains(b.sourceId)) {
          buffer.add(b);
        }
      }
      Map<Long, RoaringBitmap> deletes = new HashMap<>(cur.deletes);
      deletes.keySet().removeAll(inputSet);
      if (out != null && !outDeletes.isEmpty()) {
        deletes.put(out.segmentId(), outDeletes);
      }
      publish(new TableState(this, cur.layout, segments, buffer, deletes, cur.version + 1));
      removed.forEach(SegmentRef::markObsolete);
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void publish(TableState next) {
    TableState old = current;
    current = next;
    old.release();
  }

  /** Queues a background flush or compaction when the current version calls for one. */
  void scheduleMaintenance() {
    TableState s = current;
    if (background == null || closed || s == null) {
      return;
    }
    if (s.bufferedRows() >= options.flushRows() || s.bufferedBytes() >= options.flushBytes()) {
      submit(flushQueued, () -> SegmentRewriter.flush(this));
    } else if (!SegmentRewriter.pickCompaction(s, options, options.compactionMinSegments()).isEmpty()) {
      submit(compactionQueued, () -> SegmentRewriter.compact(this, options.compactionMinSegments(), false));
    }
  }

  private void submit(AtomicBoolean queued, Runnable work) {
    if (!queued.compareAndSet(false, true)) {
      return;
    }
    try {
      background.execute(() -> {
        queued.set(false);
        if (closed) {
          return;
        }
        try {
          work.run();
          scheduleMaintenance();
        } catch (IllegalStateException e) {
          LOG.debug("table {} closed during background maintenance", tableId);
        } catch (RuntimeException | Error e) {
          LOG.error("background maintenance of table {} failed", tableId, e);
        }
      });
    } catch (RejectedExecutionException e) {
      queued.set(false);
    }
  }

  // ---- lifecycle, called by StorageEngine ----

  /** Deletes the table's records, then lets its files go once no reader holds them. */
  void drop() {
    lockForCommit();
    try {
      checkOpen();
      kv.write(new KvBatch()
          .deletePrefix(Family.TABLES, StorageKeys.key(StorageKeys.SEGMENT, tableId))
          .deletePrefix(Family.TABLES, StorageKeys.key(StorageKeys.DELETES, tableId))
          .deletePrefix(Family.BUFFER, StorageKeys.bufferPrefix(tableId))
          .delete(Family.TABLES, StorageKeys.key(StorageKeys.COUNTERS, tableId))
          .delete(Family.TABLES, StorageKeys.key(StorageKeys.LAYOUT, tableId)));
      detach(true);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Makes the store unusable and releases its current version; memory goes once readers release
   * theirs. With {@code filesObsolete} the segment files are deleted then too.
   */
  void detach(boolean filesObsolete) {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      TableState s = current;
      current = null;
      if (filesObsolete) {
        s.segments.forEach(SegmentRef::markObsolete);
      }
      s.release();
      if (liveStates.get() == 0) {
        closeAllocator();
      }
    } finally {
      lock.unlock();
    }
  }

  void stateCreated() {
    liveStates.incrementAndGet();
  }

  void stateFreed() {
    if (liveStates.decrementAndGet() == 0 && closed) {
      closeAllocator();
    }
  }

  private void closeAllocator() {
    if (allocatorClosed.compareAndSet(false, true)) {
      allocator.close();
    }
  }

  private byte[] counters() {
    return StorageKeys.counters(nextSourceId, maxColumnId);
  }

  /** Creates the segment directory if needed. */
  void ensureSegmentDir() throws IOException {
    Files.createDirectories(segmentDir);
  }
}
