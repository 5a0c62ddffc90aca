package io.basalt.storage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.roaringbitmap.RoaringBitmap;

/**
 * One immutable version of a table: layout, segments, write buffer and delete vectors. Reference
 * counted: the table holds one reference while the state is current, each {@link TableVersion}
 * and {@link Scanner} one more. The state holds a reference on every batch and segment it lists;
 * the last release frees them. Delete bitmaps are never modified once in a state.
 */
final class TableState {

  final TableLayout layout;
  final List<SegmentRef> segments;
  final List<BufferedBatch> buffer;
  final Map<Long, RoaringBitmap> deletes;
  final long version;
  private final TableStore owner;
  private final AtomicInteger refs = new AtomicInteger(1);

  TableState(TableStore owner, TableLayout layout, List<SegmentRef> segments, List<BufferedBatch> buffer,
             Map<Long, RoaringBitmap> deletes, long version) {
    this.owner = owner;
    this.layout = layout;
    this.segments = List.copyOf(segments);
    this.buffer = List.copyOf(buffer);
    this.deletes = Map.copyOf(deletes);
    this.version = version;
    this.segments.forEach(SegmentRef::retain);
    this.buffer.forEach(BufferedBatch::retain);
    owner.stateCreated();
  }

  /** Takes a reference unless the state is already freed. */
  boolean tryRetain() {
    while (true) {
      int n = refs.get();
      if (n <= 0) {
        return false;
      }
      if (refs.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  void release() {
    int n = refs.decrementAndGet();
    if (n == 0) {
      segments.forEach(SegmentRef::release);
      buffer.forEach(BufferedBatch::release);
      owner.stateFreed();
    } else if (n < 0) {
      throw new IllegalStateException("table state released too often");
    }
  }

  /** The engine's key index budget, which the indexes of this state's sources count against. */
  KeyIndexCache keyIndexes() {
    return owner.keyIndexes();
  }

  RoaringBitmap deletes(long sourceId) {
    return deletes.get(sourceId);
  }

  long deletedCount(long sourceId) {
    RoaringBitmap d = deletes.get(sourceId);
    return d == null ? 0 : d.getLongCardinality();
  }

  /** Physical rows of a source, or -1 if the state has no such source. */
  long sourceRows(long sourceId) {
    for (BufferedBatch b : buffer) {
      if (b.sourceId == sourceId) {
        return b.rowCount;
      }
    }
    for (SegmentRef s : segments) {
      if (s.id() == sourceId) {
        return s.meta.rowCount();
      }
    }
    return -1;
  }

  Map<Long, Long> sourceRowCounts() {
    Map<Long, Long> out = new HashMap<>();
    buffer.forEach(b -> out.put(b.sourceId, (long) b.rowCount));
    segments.forEach(s -> out.put(s.id(), s.meta.rowCount()));
    return out;
  }

  long bufferedRows() {
    long n = 0;
    for (BufferedBatch b : buffer) {
      n += b.rowCount;
    }
    return n;
  }

  long bufferedBytes() {
    long n = 0;
    for (BufferedBatch b : buffer) {
      n += b.ipcBytes;
    }
    return n;
  }

  TableStats stats() {
    long physical = 0;
    long deleted = 0;
    long disk = 0;
    for (SegmentRef s : segments) {
      physical += s.meta.rowCount();
      disk += s.meta.fileBytes();
    }
    physical += bufferedRows();
    for (RoaringBitmap d : deletes.values()) {
      deleted += d.getLongCardinality();
    }
    return new TableStats(physical - deleted, deleted, segments.size(), bufferedRows(), buffer.size(),
        bufferedBytes(), disk, version);
  }
}
