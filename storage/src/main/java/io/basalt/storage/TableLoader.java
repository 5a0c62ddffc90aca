package io.basalt.storage;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.kv.Family;
import io.basalt.storage.kv.KeyValue;
import io.basalt.storage.kv.KvStore;
import io.basalt.storage.segment.SegmentMeta;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.apache.arrow.memory.BufferAllocator;
import org.roaringbitmap.RoaringBitmap;

/** Rebuilds a {@link TableStore} from its RocksDB records when the engine opens or restores. */
final class TableLoader {

  private TableLoader() {
  }

  /** Loads the table of {@code layout}. Takes ownership of {@code allocator}. */
  static TableStore load(KvStore kv, TableLayout layout, Path segmentDir, BufferAllocator allocator,
                         StorageOptions options, Executor background, KeyIndexCache keyIndexes) {
    long id = layout.tableId();
    List<BufferedBatch> buffer = new ArrayList<>();
    try {
      ByteBuffer counters = ByteBuffer.wrap(requireNonNull(
          kv.get(Family.TABLES, StorageKeys.key(StorageKeys.COUNTERS, id)), "counters of table " + id));
      counters.get();
      long nextSourceId = counters.getLong();
      int maxColumnId = Math.max(counters.getInt(), layout.maxColumnId());
      List<SegmentRef> segments = new ArrayList<>();
      for (KeyValue e : kv.scan(Family.TABLES, StorageKeys.key(StorageKeys.SEGMENT, id))) {
        SegmentMeta meta = SegmentMeta.decode(e.value());
        Path file = segmentDir.resolve(meta.fileName());
        if (!Files.isRegularFile(file)) {
          throw new StorageException("table " + id + " lost segment file " + file);
        }
        segments.add(new SegmentRef(meta, file));
        nextSourceId = Math.max(nextSourceId, meta.segmentId() + 1);
      }
      Map<Long, RoaringBitmap> deletes = new HashMap<>();
      for (KeyValue e : kv.scan(Family.TABLES, StorageKeys.key(StorageKeys.DELETES, id))) {
        deletes.put(StorageKeys.idOf(e.key()), DeleteVectors.decode(e.value()));
      }
      for (KeyValue e : kv.scan(Family.BUFFER, StorageKeys.bufferPrefix(id))) {
        long sourceId = StorageKeys.bufferSourceOf(e.key());
        buffer.add(new BufferedBatch(sourceId, ArrowIpc.decode(e.value(), allocator), e.value().length));
        nextSourceId = Math.max(nextSourceId, sourceId + 1);
      }
      return TableStore.loaded(kv, layout, segmentDir, allocator, options, background, keyIndexes, nextSourceId,
          maxColumnId, segments, buffer, deletes);
    } catch (RuntimeException e) {
      buffer.forEach(BufferedBatch::discard);
      allocator.close();
      throw e;
    }
  }
}
