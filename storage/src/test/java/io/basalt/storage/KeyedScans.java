package io.basalt.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.storage.column.ColumnKind;
import io.basalt.storage.column.Values;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Runs scans with locators and checks keyed scans against filtered full scans. */
final class KeyedScans {

  private KeyedScans() {
  }

  /**
   * What a scan returned: per row its source id, position and values (in that order), and the
   * scan's metrics.
   */
  record Result(List<List<Object>> rows, ScanMetrics metrics) {

    /** Rows whose value at {@code valueIndex} (of the scanned columns) satisfies every range. */
    List<List<Object>> matching(ColumnKind kind, List<ColumnRange> ranges, int valueIndex) {
      List<List<Object>> out = new ArrayList<>();
      for (List<Object> r : rows) {
        if (satisfies(kind, ranges, r.get(2 + valueIndex))) {
          out.add(r);
        }
      }
      return out;
    }

    /** Whether every source was answered by its key index (none scanned whole). */
    boolean allByKey() {
      int considered = metrics.segments() - metrics.segmentsSkipped() + metrics.bufferedBatches()
          - metrics.bufferedBatchesSkipped();
      return metrics.sourcesReadByKey() + metrics.sourcesSkippedByKey() == considered;
    }
  }

  static Result scan(TableStore t, ScanRequest request) {
    List<List<Object>> rows = new ArrayList<>();
    try (TableVersion v = t.current(); Scanner s = v.scan(request.locating())) {
      while (s.next()) {
        VectorSchemaRoot b = s.batch();
        for (int i = 0; i < b.getRowCount(); i++) {
          List<Object> row = new ArrayList<>();
          row.add(s.sourceId());
          row.add(s.position(i));
          for (FieldVector f : b.getFieldVectors()) {
            row.add(TestValues.read(f, i));
          }
          rows.add(row);
        }
      }
      return new Result(rows, s.metrics());
    }
  }

  /**
   * Scans by key and in full and asserts that, filtered by the ranges on the key, both return the
   * same rows at the same locators, and that rows returned by key satisfy the ranges where every
   * source was answered by its index.
   *
   * @param keyIndex index of the key column in {@code columnIds}
   * @return the keyed scan
   */
  static Result assertKeyedMatchesFullScan(TableStore t, List<Integer> columnIds, int keyIndex,
                                           List<ColumnRange> ranges) {
    int keyId = columnIds.get(keyIndex);
    ColumnKind kind = t.layout().column(keyId).kind();
    ScanRequest request = ScanRequest.of(columnIds).withPruning(ranges);
    Result keyed = scan(t, request.withKeyColumn(keyId));
    Result full = scan(t, ScanRequest.of(columnIds));
    assertThat(keyed.matching(kind, ranges, keyIndex)).as("rows of %s", ranges)
        .isEqualTo(full.matching(kind, ranges, keyIndex));
    if (keyed.allByKey()) {
      assertThat(keyed.rows()).as("rows read by key for %s", ranges).isEqualTo(keyed.matching(kind, ranges, keyIndex));
    }
    return keyed;
  }

  static boolean satisfies(ColumnKind kind, List<ColumnRange> ranges, Object value) {
    for (ColumnRange r : ranges) {
      if (r.kind() == ColumnRange.Kind.NULL) {
        if (value != null) {
          return false;
        }
        continue;
      }
      if (value == null) {
        return false;
      }
      Object v = value instanceof ByteBuffer b ? bytes(b) : value;
      if (r.lower() != null) {
        int c = Values.compare(kind, v, Values.normalize(kind, r.lower()));
        if (c < 0 || (c == 0 && !r.lowerInclusive())) {
          return false;
        }
      }
      if (r.upper() != null) {
        int c = Values.compare(kind, v, Values.normalize(kind, r.upper()));
        if (c > 0 || (c == 0 && !r.upperInclusive())) {
          return false;
        }
      }
    }
    return true;
  }

  static byte[] bytes(ByteBuffer b) {
    ByteBuffer d = b.duplicate();
    byte[] out = new byte[d.remaining()];
    d.get(out);
    return out;
  }
}
