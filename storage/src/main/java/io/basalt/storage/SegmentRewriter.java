package io.basalt.storage;

import io.basalt.storage.column.ColumnSpec;
import io.basalt.storage.segment.SegmentMeta;
import io.basalt.storage.segment.SegmentWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flush (write buffer to a new segment) and compaction (segments to a merged segment). Both
 * read a retained snapshot and write the new file without the table's write lock, then commit
 * under it through {@link TableStore#commitRewrite}. One rewrite per table at a time.
 */
final class SegmentRewriter {

  private static final Logger LOG = LoggerFactory.getLogger(SegmentRewriter.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int READ_BATCH_ROWS = 16 * 1024;

  /**
   * Runs after a rewrite has written its file and before it commits; tests use it to commit
   * deletes in that window. Null in production.
   */
  static volatile Runnable beforeCommit;

  private SegmentRewriter() {
  }

  /** Writes every buffered batch of the current version into one segment. */
  static void flush(TableStore table) {
    table.maintenanceLock().lock();
    try {
      TableState snap = table.retainCurrent();
      try {
        if (snap.buffer.isEmpty()) {
          return;
        }
        List<Long> inputs = new ArrayList<>();
        snap.buffer.forEach(b -> inputs.add(b.sourceId));
        rewrite(table, snap, inputs, "flush");
      } finally {
        snap.release();
      }
    } finally {
      table.maintenanceLock().unlock();
    }
  }

  /**
   * Compacts while candidates exist (at most one round unless {@code untilDone}).
   *
   * @param minSmallSegments how many small segments make a merge worthwhile
   */
  static void compact(TableStore table, int minSmallSegments, boolean untilDone) {
    table.maintenanceLock().lock();
    try {
      for (int round = 0; round < 1000; round++) {
        TableState snap = table.retainCurrent();
        try {
          List<SegmentRef> pick = pickCompaction(snap, table.options(), minSmallSegments);
          if (pick.isEmpty()) {
            return;
          }
          List<Long> inputs = new ArrayList<>();
          pick.forEach(s -> inputs.add(s.id()));
          if (!rewrite(table, snap, inputs, "compaction") || !untilDone) {
            return;
          }
        } finally {
          snap.release();
        }
      }
    } finally {
      table.maintenanceLock().unlock();
    }
  }

  /**
   * Segments worth rewriting together: those with at least {@code compactionDeletedRatio}
   * deleted rows, and small ones (under half the target) once there are {@code minSmall} of
   * them; in table order, up to about {@code compactionTargetRows} live rows.
   */
  static List<SegmentRef> pickCompaction(TableState s, StorageOptions o, int minSmall) {
    long target = o.compactionTargetRows();
    List<SegmentRef> heavy = new ArrayList<>();
    List<SegmentRef> small = new ArrayList<>();
    for (SegmentRef seg : s.segments) {
      long rows = seg.meta.rowCount();
      long deleted = s.deletedCount(seg.id());
      if (rows == 0 || deleted >= o.compactionDeletedRatio() * rows) {
        heavy.add(seg);
      } else if (rows - deleted < target / 2) {
        small.add(seg);
      }
    }
    if (heavy.isEmpty() && small.size() < minSmall) {
      return List.of();
    }
    List<SegmentRef> chosen = new ArrayList<>();
    long rows = 0;
    for (SegmentRef seg : s.segments) {
      boolean isHeavy = heavy.contains(seg);
      if (!isHeavy && !(small.size() >= minSmall && small.contains(seg))) {
        continue;
      }
      long live = seg.meta.rowCount() - s.deletedCount(seg.id());
      if (!chosen.isEmpty() && rows + live > target) {
        break;
      }
      chosen.add(seg);
      rows += live;
    }
    if (chosen.size() == 1 && !heavy.contains(chosen.get(0))) {
      return List.of();
    }
    return chosen;
  }

  /** Writes the live rows of {@code inputs} to a new segment and commits it; true if committed. */
  private static boolean rewrite(TableStore table, TableState snap, List<Long> inputs, String what) {
    long started = System.nanoTime();
    StorageOptions o = table.options();
    long segmentId = table.reserveSourceId();
    String fileName = String.format("s%d-%016x.parquet", segmentId, RANDOM.nextLong());
    Path path = table.segmentDir().resolve(fileName);
    List<ColumnSpec> columns = snap.layout.columns();
    List<Integer> ids = new ArrayList<>();
    columns.forEach(c -> ids.add(c.id()));
    boolean committed = false;
    SegmentMeta meta = null;
    try {
      table.ensureSegmentDir();
      Map<String, String> footer = Map.of("basalt.table", Long.toString(snap.layout.tableId()),
          "basalt.segment", Long.toString(segmentId));
      if (!snap.tryRetain()) {
        throw new IllegalStateException("snapshot released");
      }
      try (SegmentWriter writer = new SegmentWriter(path, columns, o.rowGroupRows(), o.compression().parquetCodec(),
               footer);
           Scanner scanner = new TableScanner(snap, new ScanRequest(ids, List.of(), false, READ_BATCH_ROWS),
               table.allocator(), inputs)) {
        FieldVector[] vectors = new FieldVector[columns.size()];
        int[] identity = new int[READ_BATCH_ROWS];
        for (int i = 0; i < identity.length; i++) {
          identity[i] = i;
        }
        while (scanner.next()) {
          VectorSchemaRoot batch = scanner.batch();
          for (int c = 0; c < vectors.length; c++) {
            vectors[c] = batch.getVector(c);
          }
          writer.write(vectors, identity, batch.getRowCount());
        }
        if (writer.rowCount() > 0) {
          SegmentWriter.Result r = writer.finish();
          meta = new SegmentMeta(segmentId, fileName, r.rowCount(), r.fileBytes(), columns, r.rowGroups());
        }
      }
      Runnable hook = beforeCommit;
      if (hook != null) {
        hook.run();
      }
      committed = table.commitRewrite(snap, inputs, meta, path);
    } catch (IOException e) {
      throw new StorageException(what + " of table " + snap.layout.tableId() + " failed", e);
    } finally {
      if (!committed && meta != null) {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          LOG.warn("cannot delete abandoned segment file {}", path, e);
        }
      }
    }
    if (committed) {
      LOG.info("{} of table {}: {} sources into {} ({} rows, {} bytes) in {} ms", what, snap.layout.tableId(),
          inputs.size(), meta == null ? "nothing" : fileName, meta == null ? 0 : meta.rowCount(),
          meta == null ? 0 : meta.fileBytes(), (System.nanoTime() - started) / 1_000_000);
    }
    return committed;
  }
}
