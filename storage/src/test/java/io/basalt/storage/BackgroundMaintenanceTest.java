package io.basalt.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class BackgroundMaintenanceTest extends StorageTestSupport {

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached in 30 s");
      }
      Thread.sleep(10);
    }
  }

  @Test
  void buffersFlushAndSmallSegmentsCompactOnTheirOwn() throws Exception {
    StorageOptions options = StorageOptions.defaults().toBuilder()
        .flushRows(1000).compactionTargetRows(100_000).compactionMinSegments(3).build();
    open(options);
    TableStore t = engine.createTable(idNameLayout(1));
    AtomicReference<Throwable> readerFailure = new AtomicReference<>();
    Thread reader = new Thread(() -> {
      try {
        for (int i = 0; i < 200; i++) {
          List<Long> ids = ids(t);
          // Whatever version a reader gets, ids are distinct and form a prefix 0..n-1.
          assertThat(ids).doesNotHaveDuplicates();
          assertThat(ids.stream().mapToLong(Long::longValue).max().orElse(-1)).isEqualTo(ids.size() - 1);
        }
      } catch (Throwable e) {
        readerFailure.set(e);
      }
    });
    reader.start();
    for (int k = 0; k < 12; k++) {
      appendIds(t, k * 500L, (k + 1) * 500L);
      Thread.sleep(5);
    }
    reader.join();
    assertThat(readerFailure.get()).isNull();
    await(() -> t.stats().bufferedRows() < 1000 && t.stats().segments() < 3);
    List<Long> expected = new ArrayList<>();
    for (long id = 0; id < 6000; id++) {
      expected.add(id);
    }
    List<Long> got = ids(t);
    got.sort(null);
    assertThat(got).isEqualTo(expected);
    // Compacted-away files are deleted once no version holds them.
    await(() -> {
      try (var files = Files.list(t.segmentFiles().get(0).getParent())) {
        return files.count() == t.stats().segments();
      } catch (Exception e) {
        return false;
      }
    });
  }

  @Test
  void heavilyDeletedSegmentsAreRewritten() throws Exception {
    open(StorageOptions.defaults().toBuilder().compactionDeletedRatio(0.5).build());
    TableStore t = engine.createTable(idNameLayout(1));
    appendIds(t, 0, 1000);
    t.flush();
    Path first = t.segmentFiles().get(0);
    MutationTest.deleteWhere(t, id -> id < 600);
    await(() -> !t.segmentFiles().contains(first));
    await(() -> !Files.exists(first));
    assertThat(t.stats().deletedRows()).isZero();
    assertThat(ids(t)).hasSize(400).allMatch(id -> id >= 600);
  }
}
