package io.basalt.storage;

import static io.basalt.storage.KeyedScans.assertKeyedMatchesFullScan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.column.ColumnSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;

class KeyLookupTest extends StorageTestSupport {

  private static final List<Integer> ID_NAME = List.of(1, 2);

  /** Appends rows id = keys[i], name = "n" + id (null when id % 10 == 9). */
  private void appendKeys(TableStore t, long[] keys) {
    try (VectorSchemaRoot b = VectorSchemaRoot.create(t.layout().schema(), root)) {
      BigIntVector id = (BigIntVector) b.getVector(0);
      VarCharVector name = (VarCharVector) b.getVector(1);
      id.allocateNew(keys.length);
      name.allocateNew(keys.length);
      for (int i = 0; i < keys.length; i++) {
        id.set(i, keys[i]);
        if (Math.floorMod(keys[i], 10) == 9) {
          name.setNull(i);
        } else {
          name.setSafe(i, ("n" + keys[i]).getBytes(StandardCharsets.UTF_8));
        }
      }
      b.setRowCount(keys.length);
      t.append(b);
    }
  }

  /** {@code n} keys drawn from [-range, range): unordered, some repeated. */
  private static long[] randomKeys(Random rnd, int n, long range) {
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = rnd.nextLong(-range, range);
    }
    return keys;
  }

  /** An equality, a small closed range or a small range with exclusive bounds, near {@code [-range, range)}. */
  private static List<ColumnRange> randomLookup(Random rnd, long range) {
    long k = rnd.nextLong(-range - 10, range + 10);
    switch (rnd.nextInt(4)) {
      case 0: return List.of(ColumnRange.between(1, k, k + rnd.nextInt(20)));
      case 1: return List.of(ColumnRange.greaterThan(1, k, false), ColumnRange.lessThan(1, k + 6, false));
      default: return List.of(ColumnRange.equalTo(1, k));
    }
  }

  /** Runs random lookups; returns how many sources lookups skipped by key. */
  private static long checkRandomLookups(TableStore t, Random rnd, long range, int lookups) {
    long skipped = 0;
    for (int i = 0; i < lookups; i++) {
      skipped += assertKeyedMatchesFullScan(t, ID_NAME, 0, randomLookup(rnd, range)).metrics().sourcesSkippedByKey();
    }
    return skipped;
  }

  @Test
  void bufferOnlyLookupsMatchFilteredScan() {
    open(manual().toBuilder().bufferBatchRows(500).build());
    TableStore t = engine.createTable(idNameLayout(1));
    Random rnd = new Random(1);
    for (int i = 0; i < 5; i++) {
      appendKeys(t, randomKeys(rnd, 1000, 3000));
    }
    assertThat(t.stats().bufferedBatches()).isEqualTo(10);
    assertThat(t.stats().segments()).isZero();
    assertThat(checkRandomLookups(t, rnd, 3000, 300)).isPositive();
    assertThat(engine.keyIndexStats().indexes()).isEqualTo(10);
  }

  @Test
  void segmentsOnlyLookupsMatchFilteredScan() {
    open(manual().toBuilder().rowGroupRows(1000).build());
    TableStore t = engine.createTable(idNameLayout(1));
    Random rnd = new Random(2);
    for (int i = 0; i < 4; i++) {
      appendKeys(t, randomKeys(rnd, 5000, 20_000));
      t.flush();
    }
    assertThat(t.stats().segments()).isEqualTo(4);
    assertThat(t.stats().bufferedRows()).isZero();
    assertThat(checkRandomLookups(t, rnd, 20_000, 150)).isPositive();
    assertThat(engine.keyIndexStats().indexes()).isEqualTo(4);
  }

  @Test
  void mixedSourcesWithDeletesMatchFilteredScan() {
    open(manual().toBuilder().rowGroupRows(700).bufferBatchRows(1000).build());
    TableStore t = engine.createTable(idNameLayout(1));
    Random rnd = new Random(3);
    for (int i = 0; i < 3; i++) {
      appendKeys(t, randomKeys(rnd, 3000, 5000));
      t.flush();
    }
    appendKeys(t, randomKeys(rnd, 3000, 5000));
    checkRandomLookups(t, rnd, 5000, 50); // builds the indexes before the deletes
    MutationTest.deleteWhere(t, id -> Math.floorMod(id, 3) == 0);
    assertThat(t.stats().deletedRows()).isPositive();
    checkRandomLookups(t, rnd, 5000, 100);

    // A DELETE through a keyed scan's locators, as the server runs DELETE ... WHERE id = k.
    long k = ids(t).get(0);
    MutationResult r = t.mutate(v -> {
      TableMutation.Builder m = TableMutation.builder();
      try (Scanner s = v.scan(ScanRequest.of(List.of(1)).withPruning(List.of(ColumnRange.equalTo(1, k)))
          .withKeyColumn(1).locating())) {
        while (s.next()) {
          BigIntVector id = (BigIntVector) s.batch().getVector(0);
          for (int i = 0; i < s.batch().getRowCount(); i++) {
            assertThat(id.get(i)).isEqualTo(k);
            m.delete(s.sourceId(), s.position(i));
          }
        }
      }
      return m.build();
    });
    assertThat(r.deletedRows()).isPositive();
    assertThat(ids(t)).doesNotContain(k);
    KeyedScans.Result after = assertKeyedMatchesFullScan(t, ID_NAME, 0, List.of(ColumnRange.equalTo(1, k)));
    assertThat(after.rows()).isEmpty();
    checkRandomLookups(t, rnd, 5000, 50);
  }

  @Test
  void compactionAndFlushReplaceIndexesOfRewrittenSources() {
    open(manual().toBuilder().rowGroupRows(1000).build());
    TableStore t = engine.createTable(idNameLayout(1));
    Random rnd = new Random(4);
    for (int i = 0; i < 4; i++) {
      appendKeys(t, randomKeys(rnd, 2000, 4000));
      t.flush();
    }
    appendKeys(t, randomKeys(rnd, 2000, 4000));
    checkRandomLookups(t, rnd, 4000, 50);
    assertThat(engine.keyIndexStats().indexes()).isEqualTo(5);
    MutationTest.deleteWhere(t, id -> id % 2 == 0);

    t.flush();
    // The flushed batch's index went with it; the new segment's is built on first use.
    assertThat(engine.keyIndexStats().indexes()).isEqualTo(4);
    t.compact();
    assertThat(t.stats().segments()).isEqualTo(1);
    assertThat(t.stats().deletedRows()).isZero();
    assertThat(engine.keyIndexStats().indexes()).isZero();
    assertThat(engine.keyIndexStats().bytes()).isZero();
    long builds = engine.keyIndexStats().builds();
    checkRandomLookups(t, rnd, 4000, 100);
    assertThat(engine.keyIndexStats().indexes()).isEqualTo(1);
    assertThat(engine.keyIndexStats().builds()).isEqualTo(builds + 1);

    // New appends get their own index next to the compacted segment's.
    appendKeys(t, new long[] {4_000_000, 4_000_001});
    KeyedScans.Result r = assertKeyedMatchesFullScan(t, ID_NAME, 0, List.of(ColumnRange.equalTo(1, 4_000_001L)));
    assertThat(r.rows()).hasSize(1);
    assertThat(r.metrics().sourcesReadByKey()).isEqualTo(1);
  }

  @Test
  void stringKeysMatchFilteredScan() {
    open(manual().toBuilder().rowGroupRows(300).bufferBatchRows(400).build());
    TableLayout layout = new TableLayout(1, List.of(
        new ColumnSpec(1, "k", ArrowType.Utf8.INSTANCE, true),
        new ColumnSpec(2, "v", INT64, false)));
    TableStore t = engine.createTable(layout);
    // Code points whose UTF-16 order differs from their UTF-8 order, and an empty string.
    String[] alphabet = {"a", "b", "z", "\u00e9", "\uE000", "\uD83D\uDE00", "\uFFFD", ""};
    Random rnd = new Random(5);
    List<String> all = new ArrayList<>();
    for (int batch = 0; batch < 6; batch++) {
      try (VectorSchemaRoot b = VectorSchemaRoot.create(layout.schema(), root)) {
        VarCharVector k = (VarCharVector) b.getVector(0);
        BigIntVector v = (BigIntVector) b.getVector(1);
        for (int i = 0; i < 1000; i++) {
          if (rnd.nextInt(50) == 0) {
            k.setNull(i);
          } else {
            String s = randomString(rnd, alphabet);
            all.add(s);
            k.setSafe(i, s.getBytes(StandardCharsets.UTF_8));
          }
          v.setSafe(i, batch * 1000L + i);
        }
        b.setRowCount(1000);
        t.append(b);
      }
      if (batch < 4) {
        t.flush();
      }
    }
    List<Integer> cols = List.of(1, 2);
    for (int i = 0; i < 200; i++) {
      String a = rnd.nextInt(5) == 0 ? randomString(rnd, alphabet) : all.get(rnd.nextInt(all.size()));
      List<ColumnRange> ranges;
      if (i % 3 == 0) {
        String b = a + alphabet[rnd.nextInt(alphabet.length)];
        ranges = List.of(ColumnRange.between(1, a, b));
      } else if (i % 3 == 1) {
        ranges = List.of(ColumnRange.greaterThan(1, a, false), ColumnRange.lessThan(1, a + "\uD83D\uDE00", true));
      } else {
        ranges = List.of(ColumnRange.equalTo(1, a));
      }
      assertKeyedMatchesFullScan(t, cols, 0, ranges);
    }
    KeyedScans.Result some = assertKeyedMatchesFullScan(t, cols, 0, List.of(ColumnRange.equalTo(1, all.get(7))));
    assertThat(some.rows()).isNotEmpty();
    assertThat(some.metrics().sourcesReadByKey()).isPositive();
  }

  private static String randomString(Random rnd, String[] alphabet) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet[rnd.nextInt(alphabet.length)]);
    }
    return sb.toString();
  }

  @Test
  void missingKeysSkipEverySourceUnread() {
    open(manual().toBuilder().rowGroupRows(500).bufferBatchRows(1000).build());
    TableStore t = engine.createTable(idNameLayout(1));
    Random rnd = new Random(6);
    for (int s = 0; s < 3; s++) {
      long[] keys = randomKeys(rnd, 2000, 10_000);
      for (int i = 0; i < keys.length; i++) {
        keys[i] = keys[i] * 2; // even keys only: statistics cannot rule out an odd one
      }
      appendKeys(t, keys);
      if (s < 2) {
        t.flush();
      }
    }
    for (long k = -999; k < 1000; k += 74) {
      KeyedScans.Result r = assertKeyedMatchesFullScan(t, ID_NAME, 0, List.of(ColumnRange.equalTo(1, k)));
      assertThat(r.rows()).isEmpty();
      assertThat(r.metrics().segmentsSkipped()).isZero();
      assertThat(r.metrics().sourcesSkippedByKey()).isEqualTo(4);
      assertThat(r.metrics().rowsDecoded()).isZero();
    }
  }

  @Test
  void countOnlyKeyedScanReadsNoColumn() {
    open(manual());
    TableStore t = engine.createTable(idNameLayout(1));
    appendKeys(t, new long[] {5, 7, 7, 9, 7});
    t.flush();
    appendKeys(t, new long[] {7, 8});
    try (TableVersion v = t.current();
         Scanner s = v.scan(ScanRequest.of(List.of()).withPruning(List.of(ColumnRange.equalTo(1, 7L)))
             .withKeyColumn(1))) {
      long rows = 0;
      while (s.next()) {
        rows += s.batch().getRowCount();
      }
      assertThat(rows).isEqualTo(4);
      assertThat(s.metrics().sourcesReadByKey()).isEqualTo(2);
      assertThat(s.metrics().rowsDecoded()).isZero();
    }
  }

  @Test
  void keyColumnAddedAfterOlderSegments() {
    open(manual());
    TableStore t = engine.createTable(idNameLayout(1));
    appendKeys(t, new long[] {1, 2, 3});
    t.flush();
    List<ColumnSpec> cols = new ArrayList<>(t.layout().columns());
    cols.add(new ColumnSpec(3, "code", INT64, true));
    t.alterLayout(new TableLayout(1, cols));
    try (VectorSchemaRoot b = VectorSchemaRoot.create(t.layout().schema(), root)) {
      for (int i = 0; i < 4; i++) {
        ((BigIntVector) b.getVector(0)).setSafe(i, 10 + i);
        b.getVector(1).setNull(i);
        ((BigIntVector) b.getVector(2)).setSafe(i, 100 + i % 2);
      }
      b.setRowCount(4);
      t.append(b);
    }
    KeyedScans.Result r = assertKeyedMatchesFullScan(t, List.of(3, 1), 0, List.of(ColumnRange.equalTo(3, 101L)));
    assertThat(r.rows()).extracting(row -> row.get(3)).containsExactly(11L, 13L);
    KeyedScans.Result viaOld = assertKeyedMatchesFullScan(t, List.of(1, 3), 0, List.of(ColumnRange.equalTo(1, 2L)));
    assertThat(viaOld.rows()).hasSize(1);
    assertThat(viaOld.rows().get(0).get(3)).isNull();
  }

  @Test
  void requestsWithoutUsableKeyRangesScanAsBefore() {
    open(manual());
    TableStore t = engine.createTable(idNameLayout(1));
    appendKeys(t, new long[] {1, 2, 3, 19});
    t.flush();
    // An IS NULL range on the key, or no range on it: no keyed lookup, same rows as before.
    KeyedScans.Result nulls = KeyedScans.scan(t, ScanRequest.of(ID_NAME).withPruning(List.of(ColumnRange.isNull(2)))
        .withKeyColumn(2));
    assertThat(nulls.metrics().sourcesReadByKey() + nulls.metrics().sourcesSkippedByKey()).isZero();
    assertThat(nulls.rows()).hasSize(4);
    KeyedScans.Result noRange = KeyedScans.scan(t, ScanRequest.of(ID_NAME).withKeyColumn(1));
    assertThat(noRange.metrics().sourcesReadByKey()).isZero();
    assertThat(noRange.rows()).hasSize(4);
    // A string bound with an unpaired surrogate has no UTF-8 order: scanned, still right.
    assertKeyedMatchesFullScan(t, ID_NAME, 1, List.of(ColumnRange.greaterThan(2, "n\uD800", true)));
    try (TableVersion v = t.current()) {
      assertThatThrownBy(() -> v.scan(ScanRequest.of(ID_NAME).withKeyColumn(42)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> v.scan(ScanRequest.of(ID_NAME).withKeyColumn(1)
          .withPruning(List.of(ColumnRange.equalTo(1, "x"))))).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void scanRequestCarriesItsKeyColumn() {
    ScanRequest r = ScanRequest.of(List.of(1)).withKeyColumn(3).locating().withBatchSize(10)
        .withPruning(List.of(ColumnRange.equalTo(3, 1L)));
    assertThat(r.keyColumnId()).isEqualTo(3);
    assertThat(r.hasKeyColumn()).isTrue();
    assertThat(r.withLocators()).isTrue();
    assertThat(r.batchSize()).isEqualTo(10);
    assertThat(ScanRequest.of(List.of(1)).keyColumnId()).isEqualTo(ScanRequest.NO_KEY_COLUMN);
    assertThat(new ScanRequest(List.of(1), List.of(), false, 5).hasKeyColumn()).isFalse();
    assertThat(r.withKeyColumn(ScanRequest.NO_KEY_COLUMN).hasKeyColumn()).isFalse();
    assertThatThrownBy(() -> r.withKeyColumn(-2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void smallBatchesSplitKeyedMatchesAcrossRowGroups() {
    open(manual().toBuilder().rowGroupRows(100).build());
    TableStore t = engine.createTable(idNameLayout(1));
    long[] keys = new long[1000];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = i % 50; // each key in every row group
    }
    appendKeys(t, keys);
    t.flush();
    List<ColumnRange> ranges = List.of(ColumnRange.between(1, 10L, 12L));
    KeyedScans.Result whole = assertKeyedMatchesFullScan(t, ID_NAME, 0, ranges);
    assertThat(whole.rows()).hasSize(60);
    KeyedScans.Result small = KeyedScans.scan(t, ScanRequest.of(ID_NAME).withPruning(ranges).withKeyColumn(1)
        .withBatchSize(7));
    assertThat(small.rows()).isEqualTo(whole.rows());
  }
}
