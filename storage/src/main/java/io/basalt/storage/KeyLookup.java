package io.basalt.storage;

import io.basalt.storage.column.ColumnSpec;
import io.basalt.storage.column.Values;
import io.basalt.storage.segment.SegmentReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.roaringbitmap.RoaringBitmap;

/**
 * The keyed part of one scan ({@link ScanRequest#keyColumnId()}): finds, through each source's
 * {@link KeyIndex} of the key column, the live rows whose key satisfies every range the request
 * puts on that column. Single-threaded, like its scan; the indexes it uses are shared.
 */
final class KeyLookup {

  /** A segment is read by position when at most this many of its rows match, or an eighth of it. */
  static final int POSITION_READ_ROWS = 4096;

  private static final int BUILD_CHUNK_ROWS = 64 * 1024;
  private static final int[] NONE = new int[0];

  private final KeyIndexCache cache;
  private final ColumnSpec key;
  private final List<ColumnRange> ranges;

  private KeyLookup(KeyIndexCache cache, ColumnSpec key, List<ColumnRange> ranges) {
    this.cache = cache;
    this.key = key;
    this.ranges = ranges;
  }

  /**
   * The lookup of {@code request}, or null when it has none: no key column, no value range on
   * it, an IS NULL range on it, or a bound the index cannot order (a string with an unpaired
   * surrogate).
   *
   * @throws IllegalArgumentException if the key column is not in the layout
   */
  static KeyLookup of(ScanRequest request, TableLayout layout, KeyIndexCache cache) {
    if (!request.hasKeyColumn()) {
      return null;
    }
    ColumnSpec key = layout.column(request.keyColumnId());
    if (key == null) {
      throw new IllegalArgumentException("unknown key column id " + request.keyColumnId() + " in table "
          + layout.tableId());
    }
    List<ColumnRange> ranges = new ArrayList<>();
    for (ColumnRange r : request.pruning()) {
      if (r.columnId() != key.id()) {
        continue;
      }
      if (r.kind() != ColumnRange.Kind.VALUES || !KeyIndex.usableBound(r.lower())
          || !KeyIndex.usableBound(r.upper())) {
        return null;
      }
      Object lo = r.lower() == null ? null : Values.normalize(key.kind(), r.lower());
      Object hi = r.upper() == null ? null : Values.normalize(key.kind(), r.upper());
      ranges.add(new ColumnRange(r.columnId(), lo, r.lowerInclusive(), hi, r.upperInclusive()));
    }
    return ranges.isEmpty() ? null : new KeyLookup(cache, key, List.copyOf(ranges));
  }

  /** Live positions, ascending, of the matching rows of a buffered batch. */
  int[] match(BufferedBatch b, RoaringBitmap deletes) throws IOException {
    KeyIndex index = cache.get(b.keyIndexes.slot(key.id()), () -> {
      FieldVector v = b.vector(key.id());
      KeyIndex.Builder builder = KeyIndex.builder(key, v == null ? 0 : b.rowCount);
      if (v != null) {
        builder.add(v, b.rowCount, 0);
      }
      return builder.build();
    });
    // Copying the matches out of the batch never costs more than copying every row.
    return match(index, deletes, Integer.MAX_VALUE);
  }

  /**
   * Live positions, ascending, of the matching rows of a segment; null when so many match that
   * reading the segment whole is as cheap.
   *
   * @param allocator for the vector an index build reads the key column into
   */
  int[] match(SegmentRef s, RoaringBitmap deletes, BufferAllocator allocator) throws IOException {
    KeyIndex index = cache.get(s.keyIndexes.slot(key.id()), () -> build(s, allocator));
    return match(index, deletes, Math.max(POSITION_READ_ROWS, s.meta.rowCount() / 8));
  }

  private int[] match(KeyIndex index, RoaringBitmap deletes, long maxRows) {
    int from = 0;
    int to = index.size();
    for (ColumnRange r : ranges) {
      from = Math.max(from, index.from(r));
      to = Math.min(to, index.to(r));
    }
    if (from >= to) {
      return NONE;
    }
    if (to - from > maxRows) {
      return null;
    }
    int[] positions = index.positions(from, to);
    if (deletes == null || deletes.isEmpty()) {
      return positions;
    }
    int n = 0;
    for (int p : positions) {
      if (!deletes.contains(p)) {
        positions[n++] = p;
      }
    }
    return n == positions.length ? positions : Arrays.copyOf(positions, n);
  }

  private KeyIndex build(SegmentRef s, BufferAllocator allocator) throws IOException {
    int idx = s.meta.columnIndex(key.id());
    if (idx < 0) {
      return KeyIndex.builder(key, 0).build(); // the segment predates the column: all null
    }
    ColumnSpec held = s.meta.columns().get(idx);
    KeyIndex.Builder builder = KeyIndex.builder(held, Math.toIntExact(s.meta.rowCount()));
    try (SegmentReader reader = new SegmentReader(s.path, List.of(held));
         FieldVector v = held.toField().createVector(allocator)) {
      v.setInitialCapacity(BUILD_CHUNK_ROWS);
      v.allocateNew();
      FieldVector[] out = {v};
      int base = 0;
      while (reader.nextRowGroup(false)) {
        while (reader.rowsLeftInGroup() > 0) {
          int n = (int) Math.min(BUILD_CHUNK_ROWS, reader.rowsLeftInGroup());
          v.reset();
          reader.read(n, null, out);
          v.setValueCount(n);
          builder.add(v, n, base);
          base += n;
        }
      }
    }
    return builder.build();
  }
}
