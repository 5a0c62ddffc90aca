package io.basalt.storage;

import io.basalt.storage.column.ColumnStats;
import io.basalt.storage.segment.SegmentMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A segment file in use: its metadata, its path, and a reference count (one per
 * {@link TableState} holding it). Once the segment has left the table ({@link #markObsolete()})
 * and no state holds it, the file is deleted. Its key indexes go once no state holds it.
 */
final class SegmentRef {

  private static final Logger LOG = LoggerFactory.getLogger(SegmentRef.class);

  final SegmentMeta meta;
  final Path path;
  final Map<Integer, ColumnStats> stats;
  final KeyIndexCache.Slots keyIndexes = new KeyIndexCache.Slots();
  private final AtomicInteger refs = new AtomicInteger();
  private final AtomicBoolean obsolete = new AtomicBoolean();
  private final AtomicBoolean deleted = new AtomicBoolean();

  SegmentRef(SegmentMeta meta, Path path) {
    this.meta = meta;
    this.path = path;
    this.stats = meta.stats();
  }

  long id() {
    return meta.segmentId();
  }

  ColumnStats stats(int columnId) {
    ColumnStats s = stats.get(columnId);
    return s != null ? s : ColumnStats.allNulls(meta.rowCount());
  }

  void retain() {
    refs.incrementAndGet();
  }

  void release() {
    if (refs.decrementAndGet() == 0) {
      keyIndexes.drop();
      if (obsolete.get()) {
        deleteFile();
      }
    }
  }

  void markObsolete() {
    obsolete.set(true);
    if (refs.get() == 0) {
      deleteFile();
    }
  }

  private void deleteFile() {
    if (!deleted.compareAndSet(false, true)) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("cannot delete obsolete segment file {}: {}", path, e.toString());
    }
  }
}
