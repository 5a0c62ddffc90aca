package io.basalt.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.Test;

class PruningTest extends StorageTestSupport {

  private record Result(List<Long> ids, ScanMetrics metrics) {
  }

  private static Result scan(TableStore t, List<ColumnRange> ranges) {
    List<Long> ids = new ArrayList<>();
    try (TableVersion v = t.current();
         Scanner s = v.scan(ScanRequest.of(List.of(1)).withPruning(ranges))) {
      while (s.next()) {
        BigIntVector id = (BigIntVector) s.batch().getVector(0);
        for (int i = 0; i < s.batch().getRowCount(); i++) {
          ids.add(id.get(i));
        }
      }
      return new Result(ids, s.metrics());
    }
  }

  /** Ten segments of 1000 ids each ([0,1000), [1000,2000), ...), row groups of 250 rows. */
  private TableStore tenSegments() {
    open(manual().toBuilder().rowGroupRows(250).build());
    TableStore t = engine.createTable(idNameLayout(1));
    for (int k = 0; k < 10; k++) {
      appendIds(t, k * 1000L, (k + 1) * 1000L);
      t.flush();
    }
    assertThat(t.stats().segments()).isEqualTo(10);
    return t;
  }

  @Test
  void rangeSkipsSegmentsWithoutOpeningThem() {
    TableStore t = tenSegments();
    Result r = scan(t, List.of(ColumnRange.between(1, 2500L, 3499L)));
    assertThat(r.metrics().segments()).isEqualTo(10);
    assertThat(r.metrics().segmentsSkipped()).isEqualTo(8);
    // Pruning is by statistics only: the caller still filters rows.
    assertThat(r.ids()).contains(2500L, 3499L).doesNotContain(1999L, 4000L);
    // Row groups of the two opened segments outside the range are skipped too.
    assertThat(r.metrics().rowGroupsSkipped()).isEqualTo(4);
    assertThat(r.ids()).hasSize(1000);
  }

  @Test
  void boundsAreInclusiveOrExclusive() {
    TableStore t = tenSegments();
    assertThat(scan(t, List.of(ColumnRange.greaterThan(1, 8999L, false))).metrics().segmentsSkipped())
        .isEqualTo(9);
    assertThat(scan(t, List.of(ColumnRange.greaterThan(1, 8999L, true))).metrics().segmentsSkipped())
        .isEqualTo(8);
    assertThat(scan(t, List.of(ColumnRange.lessThan(1, 1000L, false))).metrics().segmentsSkipped())
        .isEqualTo(9);
    assertThat(scan(t, List.of(ColumnRange.equalTo(1, 123_456L))).ids()).isEmpty();
    // Integers of any width are accepted for an integer column.
    assertThat(scan(t, List.of(ColumnRange.equalTo(1, 5)))).satisfies(r -> {
      assertThat(r.metrics().segmentsSkipped()).isEqualTo(9);
      assertThat(r.ids()).contains(5L);
    });
    // Every range must be satisfiable: two disjoint ranges skip everything.
    assertThat(scan(t, List.of(ColumnRange.lessThan(1, 10L, true), ColumnRange.greaterThan(1, 9000L, true)))
        .metrics().segmentsSkipped()).isEqualTo(10);
  }

  @Test
  void nullRangesUseNullCounts() {
    open(manual());
    TableStore t = engine.createTable(idNameLayout(1));
    // name is null for ids ending in 9: a segment of ids 0..8 has no nulls.
    appendIds(t, 0, 9);
    t.flush();
    appendIds(t, 10, 20);
    t.flush();
    Result isNull = scan(t, List.of(ColumnRange.isNull(2)));
    assertThat(isNull.metrics().segmentsSkipped()).isEqualTo(1);
    assertThat(isNull.ids()).contains(19L);
    Result notNull = scan(t, List.of(ColumnRange.isNotNull(2)));
    assertThat(notNull.metrics().segmentsSkipped()).isZero();
    Result strings = scan(t, List.of(ColumnRange.between(2, "a", "n05")));
    assertThat(strings.metrics().segmentsSkipped()).isEqualTo(1);
  }

  @Test
  void bufferedBatchesArePrunedToo() {
    open(manual());
    TableStore t = engine.createTable(idNameLayout(1));
    appendIds(t, 0, 100);
    appendIds(t, 100, 200);
    appendIds(t, 200, 300);
    Result r = scan(t, List.of(ColumnRange.between(1, 150L, 160L)));
    assertThat(r.metrics().bufferedBatches()).isEqualTo(3);
    assertThat(r.metrics().bufferedBatchesSkipped()).isEqualTo(2);
    assertThat(r.ids()).hasSize(100).contains(150L);
  }

  @Test
  void badRangesAreRejected() {
    open(manual());
    TableStore t = engine.createTable(idNameLayout(1));
    try (TableVersion v = t.current()) {
      assertThatThrownBy(() -> v.scan(ScanRequest.of(List.of(1)).withPruning(List.of(ColumnRange.equalTo(1, "x")))))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> v.scan(ScanRequest.of(List.of(1)).withPruning(List.of(ColumnRange.isNull(99)))))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> v.scan(ScanRequest.of(List.of(42)))).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
