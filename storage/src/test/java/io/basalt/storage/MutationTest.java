package io.basalt.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.column.ColumnSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongPredicate;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class MutationTest extends StorageTestSupport {

  /** Deletes, inside one mutation, every live row whose id matches. */
  static MutationResult deleteWhere(TableStore t, LongPredicate predicate) {
    return t.mutate(v -> {
      TableMutation.Builder m = TableMutation.builder();
      try (Scanner s = v.scan(ScanRequest.of(List.of(1)).locating().withBatchSize(1000))) {
        while (s.next()) {
          BigIntVector id = (BigIntVector) s.batch().getVector(0);
          for (int i = 0; i < s.batch().getRowCount(); i++) {
            if (predicate.test(id.get(i))) {
              m.delete(s.sourceId(), s.position(i));
            }
          }
        }
      }
      return m.build();
    });
  }

  @Test
  void deletesByLocatorInBufferAndSegments() {
    open(manual());
    TableStore t = engine.createTable(idNameLayout(1));
    appendIds(t, 0, 1000);
    t.flush();
    appendIds(t, 1000, 2000);

    MutationResult r = deleteWhere(t, id -> id % 10 == 0);
    assertThat(r.deletedRows()).isEqualTo(200);
    assertThat(ids(t)).hasSize(1800).noneMatch(id -> id % 10 == 0);
    assertThat(t.stats().deletedRows()).isEqualTo(200);
    assertThat(t.stats().liveRows()).isEqualTo(1800);

    // Deleting again deletes nothing: scans no longer return those rows.
    assertThat(deleteWhere(t, id -> id % 10 == 0).deletedRows()).isZero();

    // Flush drops the buffer's deleted rows; compaction drops the segment's.
    t.flush();
    assertThat(ids(t)).hasSize(1800).noneMatch(id -> id % 10 == 0);
    assertThat(t.stats().deletedRows()).isEqualTo(100);
    t.compact();
    assertThat(t.stats().deletedRows()).isZero();
    assertThat(t.stats().segments()).isEqualTo(1);
    assertThat(ids(t)).hasSize(1800).noneMatch(id -> id % 10 == 0);
  }

  @Test
  void locatorsReportSourceAndPosition() {
    open(manual());
    TableStore t = engine.createTable(idNameLayout(1));
    appendIds(t, 0, 100);
    t.flush();
    appendIds(t, 100, 150);
    List<Long> sources = new ArrayList<>();
    try (TableVersion v = t.current(); Scanner s = v.scan(ScanRequest.of(List.of(1)).locating())) {
      while (s.next()) {
        sources.add(s.sourceId());
        BigIntVector id = (BigIntVector) s.batch().getVector(0);
        int[] positions = s.positions();
        assertThat(positions).hasSize(s.batch().getRowCount());
        long firstId = id.get(0);
        for (int i = 0; i < positions.length; i++) {
          assertThat(id.get(i) - firstId).isEqualTo(positions[i]);
        }
      }
    }
    assertThat(sources).hasSize(2).doesNotHaveDuplicates();
    assertThatThrownBy(() -> {
      try (TableVersion v = t.current(); Scanner s = v.scan(ScanRequest.of(List.of(1)))) {
        s.next();
        s.sourceId();
      }
    }).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void updateIsDeletePlusAppendInOneCommitAndReadersNeverSeeHalf() throws Exception {
    open(manual());
    TableLayout layout = new TableLayout(1, List.of(new ColumnSpec(1, "id", INT64, false),
        new ColumnSpec(2, "v", INT64, false)));
    TableStore t = engine.createTable(layout);
    Schema schema = layout.schema();
    try (VectorSchemaRoot b = VectorSchemaRoot.create(schema, root)) {
      for (int i = 0; i < 1000; i++) {
        ((BigIntVector) b.getVector(0)).setSafe(i, i);
        ((BigIntVector) b.getVector(1)).setSafe(i, 1);
      }
      b.setRowCount(1000);
      t.append(b);
    }
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<String> violation = new AtomicReference<>();
    AtomicLong reads = new AtomicLong();
    Thread reader = new Thread(() -> {
      while (!stop.get() && violation.get() == null) {
        long count = 0;
        long sum = 0;
        long first = -1;
        try (TableVersion v = t.current(); Scanner s = v.scan(ScanRequest.of(List.of(2)))) {
          while (s.next()) {
            BigIntVector vv = (BigIntVector) s.batch().getVector(0);
            for (int i = 0; i < s.batch().getRowCount(); i++) {
              if (first < 0) {
                first = vv.get(i);
              }
              sum += vv.get(i);
              count++;
            }
          }
        }
        if (count != 1000 || sum != 1000 * first) {
          violation.set("saw " + count + " rows summing to " + sum);
        }
        reads.incrementAndGet();
      }
    });
    reader.start();
    for (int round = 1; round <= 40; round++) {
      final long next = round + 1;
      MutationResult r = t.mutate(v -> {
        TableMutation.Builder m = TableMutation.builder();
        VectorSchemaRoot updated = VectorSchemaRoot.create(schema, root);
        int n = 0;
        try (Scanner s = v.scan(new ScanRequest(List.of(1, 2), List.of(), true, 300))) {
          while (s.next()) {
            BigIntVector id = (BigIntVector) s.batch().getVector(0);
            for (int i = 0; i < s.batch().getRowCount(); i++) {
              m.delete(s.sourceId(), s.position(i));
              ((BigIntVector) updated.getVector(0)).setSafe(n, id.get(i));
              ((BigIntVector) updated.getVector(1)).setSafe(n, next);
              n++;
            }
          }
        }
        updated.setRowCount(n);
        updatedRoots.add(updated);
        return m.append(updated).build();
      });
      assertThat(r).isEqualTo(new MutationResult(1000, 1000));
      if (round % 10 == 0) {
        t.flush();
      }
      if (round % 20 == 0) {
        t.compact();
      }
    }
    updatedRoots.forEach(VectorSchemaRoot::close);
    stop.set(true);
    reader.join();
    assertThat(violation.get()).isNull();
    assertThat(reads.get()).isPositive();
    assertThat(rows(t, List.of(2))).hasSize(1000).allMatch(r -> r.get(0).equals(41L));
  }

  private final List<VectorSchemaRoot> updatedRoots = new ArrayList<>();

  @Test
  void failedMutationChangesNothing() {
    open(manual());
    TableStore t = engine.createTable(idNameLayout(1));
    appendIds(t, 0, 100);
    long version = t.stats().version();

    assertThatThrownBy(() -> t.mutate(v -> {
      throw new IllegalStateException("predicate failed");
    })).hasMessage("predicate failed");
    long source;
    try (TableVersion v = t.current(); Scanner s = v.scan(ScanRequest.of(List.of(1)).locating())) {
      s.next();
      source = s.sourceId();
    }
    // A valid delete plus an out-of-range one: neither applies.
    assertThatThrownBy(() -> t.mutate(v -> TableMutation.builder().delete(source, 1).delete(source, 5000).build()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.mutate(v -> TableMutation.builder().delete(424242, 1).build()))
        .isInstanceOf(IllegalArgumentException.class);
    // A bad batch (NOT NULL column missing) after a valid delete: neither applies.
    try (VectorSchemaRoot bad = VectorSchemaRoot.create(new Schema(List.of(t.layout().column(2).toField())), root)) {
      bad.setRowCount(0);
      assertThatThrownBy(() -> t.mutate(v -> TableMutation.builder().delete(source, 1).append(bad).build()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOT NULL");
    }
    assertThat(t.stats().version()).isEqualTo(version);
    assertThat(ids(t)).hasSize(100);
  }

  @Test
  void deletesDuringFlushAndCompactionMoveToTheNewSegment() {
    open(manual());
    TableStore t = engine.createTable(idNameLayout(1));
    appendIds(t, 0, 1000);
    deleteWhere(t, id -> id < 100);

    // The flush has written ids 100..999; before it commits, ids divisible by 7 are deleted.
    SegmentRewriter.beforeCommit = () -> deleteWhere(t, id -> id % 7 == 0);
    t.flush();
    SegmentRewriter.beforeCommit = null;
    List<Long> expected = new ArrayList<>();
    for (long id = 100; id < 1000; id++) {
      if (id % 7 != 0) {
        expected.add(id);
      }
    }
    assertThat(ids(t)).isEqualTo(expected);
    assertThat(t.stats().segments()).isEqualTo(1);

    appendIds(t, 1000, 1100);
    t.flush();
    SegmentRewriter.beforeCommit = () -> deleteWhere(t, id -> id % 5 == 0);
    t.compact();
    SegmentRewriter.beforeCommit = null;
    expected.removeIf(id -> id % 5 == 0);
    for (long id = 1000; id < 1100; id++) {
      if (id % 5 != 0) {
        expected.add(id);
      }
    }
    assertThat(ids(t)).isEqualTo(expected);
    assertThat(t.stats().segments()).isEqualTo(1);
    // The rows deleted while compaction ran are deletes in the new segment, not lost ones.
    long deletedMeanwhile = 0;
    for (long id = 100; id < 1100; id++) {
      if (id % 5 == 0 && (id >= 1000 || id % 7 != 0)) {
        deletedMeanwhile++;
      }
    }
    assertThat(t.stats().deletedRows()).isEqualTo(deletedMeanwhile);
    assertThat(t.stats().liveRows()).isEqualTo(expected.size());
    // Survives a reopen: the remapped delete vector was persisted.
    reopen(manual());
    assertThat(ids(engine.table(1))).isEqualTo(expected);
  }

  @Test
  void changesFromInsideMutateAreRefused() {
    open(manual());
    TableStore t = engine.createTable(idNameLayout(1));
    appendIds(t, 0, 10);
    assertThatThrownBy(() -> t.mutate(v -> {
      t.flush();
      return TableMutation.none();
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("inside mutate");
    assertThatThrownBy(() -> t.mutate(v -> {
      t.truncate();
      return TableMutation.none();
    })).isInstanceOf(IllegalStateException.class);
    assertThat(ids(t)).hasSize(10);
    assertThat(t.stats().bufferedRows()).isEqualTo(10);
  }

  @Test
  void truncateRemovesEverythingAndFiles() {
    open(manual());
    TableStore t = engine.createTable(idNameLayout(1));
    appendIds(t, 0, 100);
    t.flush();
    appendIds(t, 100, 200);
    List<java.nio.file.Path> files = t.segmentFiles();
    assertThat(files).hasSize(1).allMatch(java.nio.file.Files::exists);
    t.truncate();
    assertThat(ids(t)).isEmpty();
    assertThat(t.stats().segments()).isZero();
    assertThat(files).noneMatch(java.nio.file.Files::exists);
    appendIds(t, 500, 510);
    assertThat(ids(t)).hasSize(10);
  }
}
