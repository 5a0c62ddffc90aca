package io.basalt.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

class KeyIndexCacheTest extends StorageTestSupport {

  private static final int SEGMENT_ROWS = 10_000;

  /** Segment s holds ids [s * 10000, (s + 1) * 10000) in shuffled order; one segment per lookup. */
  private TableStore segments(StorageOptions options, int count) {
    open(options);
    TableStore t = engine.createTable(idNameLayout(1));
    Random rnd = new Random(7);
    for (int s = 0; s < count; s++) {
      List<Long> ids = new ArrayList<>();
      for (long i = 0; i < SEGMENT_ROWS; i++) {
        ids.add(s * (long) SEGMENT_ROWS + i);
      }
      Collections.shuffle(ids, rnd);
      try (VectorSchemaRoot b = VectorSchemaRoot.create(t.layout().schema(), root)) {
        BigIntVector id = (BigIntVector) b.getVector(0);
        id.allocateNew(SEGMENT_ROWS);
        for (int i = 0; i < SEGMENT_ROWS; i++) {
          id.set(i, ids.get(i));
          b.getVector(1).setNull(i);
        }
        b.setRowCount(SEGMENT_ROWS);
        t.append(b);
      }
      t.flush();
    }
    return t;
  }

  private static List<Long> lookup(TableStore t, long id) {
    List<Long> out = new ArrayList<>();
    try (TableVersion v = t.current();
         Scanner s = v.scan(ScanRequest.of(List.of(1)).withPruning(List.of(ColumnRange.equalTo(1, id)))
             .withKeyColumn(1))) {
      while (s.next()) {
        BigIntVector ids = (BigIntVector) s.batch().getVector(0);
        for (int i = 0; i < s.batch().getRowCount(); i++) {
          out.add(ids.get(i));
        }
      }
      assertThat(s.metrics().sourcesReadByKey()).isEqualTo(1);
    }
    return out;
  }

  @Test
  void evictsLeastRecentlyUsedIndexesOverBudget() {
    // A 10,000-row BIGINT index takes 12 bytes a row: the budget holds two of them.
    TableStore t = segments(manual().toBuilder().keyIndexCacheBytes(250_000).build(), 4);
    assertThat(lookup(t, 5)).containsExactly(5L);
    assertThat(lookup(t, 15_005)).containsExactly(15_005L);
    KeyIndexStats two = engine.keyIndexStats();
    assertThat(two.indexes()).isEqualTo(2);
    assertThat(two.builds()).isEqualTo(2);
    assertThat(two.bytes()).isBetween(2L * 12 * SEGMENT_ROWS, 250_000L);
    assertThat(two.budgetBytes()).isEqualTo(250_000);

    assertThat(lookup(t, 25_005)).containsExactly(25_005L); // evicts segment 0's
    KeyIndexStats three = engine.keyIndexStats();
    assertThat(three.indexes()).isEqualTo(2);
    assertThat(three.builds()).isEqualTo(3);
    assertThat(three.evictions()).isEqualTo(1);
    assertThat(three.bytes()).isLessThanOrEqualTo(250_000);

    assertThat(lookup(t, 25_006)).containsExactly(25_006L); // resident: no build
    assertThat(engine.keyIndexStats().builds()).isEqualTo(3);
    assertThat(lookup(t, 6)).containsExactly(6L); // rebuilt, evicting segment 1's
    assertThat(engine.keyIndexStats().builds()).isEqualTo(4);
    assertThat(engine.keyIndexStats().evictions()).isEqualTo(2);
    assertThat(lookup(t, 25_007)).containsExactly(25_007L);
    assertThat(engine.keyIndexStats().builds()).isEqualTo(4);
  }

  @Test
  void indexLargerThanTheBudgetIsUsedButNotKept() {
    TableStore t = segments(manual().toBuilder().keyIndexCacheBytes(1000).build(), 1);
    assertThat(lookup(t, 77)).containsExactly(77L);
    assertThat(lookup(t, 78)).containsExactly(78L);
    KeyIndexStats stats = engine.keyIndexStats();
    assertThat(stats.indexes()).isZero();
    assertThat(stats.bytes()).isZero();
    assertThat(stats.builds()).isEqualTo(2);
  }

  @Test
  void droppingATableReleasesItsIndexes() {
    TableStore t = segments(manual(), 2);
    lookup(t, 5);
    lookup(t, 10_005);
    assertThat(engine.keyIndexStats().indexes()).isEqualTo(2);
    engine.dropTable(1);
    assertThat(engine.keyIndexStats().indexes()).isZero();
    assertThat(engine.keyIndexStats().bytes()).isZero();
  }

  @Test
  void concurrentLookupsBuildEachIndexOnce() throws Exception {
    open(manual().toBuilder().bufferBatchRows(2000).build());
    TableStore t = engine.createTable(idNameLayout(1));
    Random rnd = new Random(8);
    Map<Long, Integer> expected = new TreeMap<>();
    for (int s = 0; s < 5; s++) {
      try (VectorSchemaRoot b = VectorSchemaRoot.create(t.layout().schema(), root)) {
        BigIntVector id = (BigIntVector) b.getVector(0);
        id.allocateNew(4000);
        for (int i = 0; i < 4000; i++) {
          long k = rnd.nextInt(50_000);
          id.set(i, k);
          b.getVector(1).setNull(i);
          expected.merge(k, 1, Integer::sum);
        }
        b.setRowCount(4000);
        t.append(b);
      }
      if (s < 3) {
        t.flush();
      }
    }
    int sources = t.stats().segments() + t.stats().bufferedBatches();
    assertThat(sources).isEqualTo(7);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        long seed = w;
        tasks.add(() -> {
          Random r = new Random(seed);
          int checked = 0;
          for (int i = 0; i < 200; i++) {
            long k = r.nextInt(50_000);
            List<Long> got = new ArrayList<>();
            try (TableVersion v = t.current();
                 Scanner s = v.scan(ScanRequest.of(List.of(1)).withPruning(List.of(ColumnRange.equalTo(1, k)))
                     .withKeyColumn(1))) {
              while (s.next()) {
                BigIntVector ids = (BigIntVector) s.batch().getVector(0);
                for (int j = 0; j < s.batch().getRowCount(); j++) {
                  got.add(ids.get(j));
                }
              }
            }
            assertThat(got).hasSize(expected.getOrDefault(k, 0)).allMatch(x -> x == k);
            checked++;
          }
          return checked;
        });
      }
      int total = 0;
      for (Future<Integer> f : pool.invokeAll(tasks)) {
        total += f.get();
      }
      assertThat(total).isEqualTo(800);
    } finally {
      pool.shutdownNow();
    }
    assertThat(engine.keyIndexStats().builds()).isEqualTo(sources);
    assertThat(engine.keyIndexStats().indexes()).isEqualTo(sources);
  }
}
