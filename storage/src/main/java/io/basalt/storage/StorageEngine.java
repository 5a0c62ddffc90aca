package io.basalt.storage;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.kv.Family;
import io.basalt.storage.kv.KeyValue;
import io.basalt.storage.kv.KvStore;
import io.basalt.storage.segment.SegmentMeta;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's storage: one RocksDB ({@link #kv()}: the server's catalog plus storage's own records)
 * and the tables' Parquet segment files, under one data directory.
 *
 * <pre>
 * dataDir/kv/                    RocksDB
 * dataDir/SEGMENTS               names the live segment directory (changes on restore)
 * dataDir/segments[-n]/tableId/  segment files, s{segmentId}-{random}.parquet
 * </pre>
 *
 * <p>Owns a child of the caller's allocator (one grandchild per table, one more per scan) and a
 * small executor for background flush and compaction. {@link #checkpoint} and {@link #restore}
 * are what Raft snapshots are made of. Thread-safe.
 */
public final class StorageEngine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StorageEngine.class);
  private static final String KV_DIR = "kv";
  private static final String SEGMENTS_POINTER = "SEGMENTS";
  private static final String SEGMENTS_PREFIX = "segments";

  private final Path dataDir;
  private final StorageOptions options;
  private final BufferAllocator allocator;
  private final KvStore kv;
  private final ExecutorService background;
  private final KeyIndexCache keyIndexes;
  private final Map<Long, TableStore> tables = new ConcurrentHashMap<>();
  private final ReentrantLock lifecycle = new ReentrantLock();
  private final AtomicInteger generation = new AtomicInteger();
  private volatile Path segmentRoot;
  private volatile boolean closed;

  private StorageEngine(Path dataDir, StorageOptions options, BufferAllocator allocator, KvStore kv,
                        ExecutorService background, Path segmentRoot) {
    this.dataDir = dataDir;
    this.options = options;
    this.allocator = allocator;
    this.kv = kv;
    this.background = background;
    this.segmentRoot = segmentRoot;
    this.keyIndexes = new KeyIndexCache(options.keyIndexCacheBytes());
  }

  /**
   * Opens (creating if needed) the storage in {@code dataDir} and reopens every table recorded
   * there. Segment files no table references (left by a crash) are deleted.
   */
  public static StorageEngine open(Path dataDir, BufferAllocator allocator, StorageOptions options) {
    requireNonNull(dataDir, "dataDir");
    requireNonNull(allocator, "allocator");
    requireNonNull(options, "options");
    BufferAllocator own = null;
    KvStore kv = null;
    ExecutorService background = null;
    try {
      Files.createDirectories(dataDir);
      Path root = readSegmentRoot(dataDir);
      own = allocator.newChildAllocator("basalt-storage", 0, options.memoryLimitBytes());
      kv = KvStore.open(dataDir.resolve(KV_DIR), options.disableWal());
      if (options.backgroundMaintenance()) {
        AtomicInteger n = new AtomicInteger();
        background = Executors.newFixedThreadPool(options.backgroundThreads(), r -> {
          Thread t = new Thread(r, "basalt-storage-maintenance-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
      }
      StorageEngine engine = new StorageEngine(dataDir, options, own, kv, background, root);
      own = null; // the engine owns them now: closing it releases them
      kv = null;
      background = null;
      try {
        engine.loadTables();
        engine.sweepOrphans();
      } catch (IOException | RuntimeException e) {
        try {
          engine.close();
        } catch (RuntimeException closing) {
          e.addSuppressed(closing);
        }
        throw e;
      }
      engine.tables.values().forEach(TableStore::scheduleMaintenance);
      LOG.info("storage opened in {}: {} tables", dataDir, engine.tables.size());
      return engine;
    } catch (IOException | RuntimeException e) {
      abandon(own, kv, background);
      if (e instanceof IOException io) {
        throw new StorageException("cannot open storage in " + dataDir, io);
      }
      throw (RuntimeException) e;
    }
  }

  private static void abandon(BufferAllocator own, KvStore kv, ExecutorService background) {
    if (background != null) {
      background.shutdownNow();
    }
    if (kv != null) {
      kv.close();
    }
    if (own != null) {
      own.close();
    }
  }

  /** The key-value store: the server keeps its catalog under {@link Family#META}. */
  public KvStore kv() {
    return kv;
  }

  /** Creates an empty table. */
  public TableStore createTable(TableLayout layout) {
    requireNonNull(layout, "layout");
    lifecycle.lock();
    try {
      checkOpen();
      if (tables.containsKey(layout.tableId())) {
        throw new IllegalArgumentException("table " + layout.tableId() + " exists");
      }
      BufferAllocator a = tableAllocator(layout.tableId());
      TableStore t;
      try {
        t = TableStore.create(kv, layout, tableDir(layout.tableId()), a, options, background, keyIndexes);
      } catch (RuntimeException e) {
        a.close();
        throw e;
      }
      tables.put(layout.tableId(), t);
      return t;
    } finally {
      lifecycle.unlock();
    }
  }

  /**
   * Memory and activity of the key indexes that keyed scans build ({@link ScanRequest#keyColumnId()}),
   * for all tables together.
   */
  public KeyIndexStats keyIndexStats() {
    return keyIndexes.stats();
  }

  /** The table with this id, or null. */
  public TableStore table(long tableId) {
    return tables.get(tableId);
  }

  /** Every table. */
  public Collection<TableStore> tables() {
    return List.copyOf(tables.values());
  }

  /**
   * Drops a table: its records go at once, its files when no reader holds them.
   *
   * @return false if there was no such table
   */
  public boolean dropTable(long tableId) {
    lifecycle.lock();
    try {
      checkOpen();
      TableStore t = tables.get(tableId);
      if (t == null) {
        return false;
      }
      t.drop();
      tables.remove(tableId);
      try {
        Files.deleteIfExists(tableDir(tableId));
      } catch (DirectoryNotEmptyException expected) {
        // readers still hold files; the next open sweeps the directory
      } catch (IOException e) {
        LOG.warn("cannot remove directory of dropped table {}: {}", tableId, e.toString());
      }
      return true;
    } finally {
      lifecycle.unlock();
    }
  }

  /**
   * Writes a consistent copy of everything to {@code targetDir} (absent or empty): a RocksDB
   * checkpoint (memtables flushed, SST files hard-linked) in {@code kv/}, hard links of the live
   * segment files in {@code segments/}, and a manifest. Writers wait only while RocksDB
   * checkpoints and the files are linked; readers never wait. Must be on the same file system
   * as the data directory for links (else files are copied).
   */
  public void checkpoint(Path targetDir) {
    requireNonNull(targetDir, "targetDir");
    lifecycle.lock();
    try {
      checkOpen();
      long started = System.nanoTime();
      if (Files.exists(targetDir)) {
        try (Stream<Path> s = Files.list(targetDir)) {
          if (s.findAny().isPresent()) {
            throw new IllegalArgumentException("checkpoint directory is not empty: " + targetDir);
          }
        }
      }
      Files.createDirectories(targetDir);
      Path root = segmentRoot;
      List<CheckpointManifest.Entry> entries = new ArrayList<>();
      kv.checkpoint(targetDir.resolve(KV_DIR), () -> {
        try {
          // The segment records, read while writes wait, are exactly those of the checkpoint.
          for (KeyValue e : kv.scan(Family.TABLES, StorageKeys.tag(StorageKeys.SEGMENT))) {
            SegmentMeta meta = SegmentMeta.decode(e.value());
            CheckpointManifest.Entry entry =
                new CheckpointManifest.Entry(StorageKeys.tableIdOf(e.key()), meta.fileName(), meta.fileBytes());
            Path dst = entry.path(targetDir.resolve(SEGMENTS_PREFIX));
            Files.createDirectories(dst.getParent());
            linkOrCopy(entry.path(root), dst);
            entries.add(entry);
          }
          CheckpointManifest.write(targetDir, entries);
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
      });
      LOG.info("checkpoint to {}: {} segment files in {} ms", targetDir, entries.size(),
          (System.nanoTime() - started) / 1_000_000);
    } catch (IOException | UncheckedIOException e) {
      throw new StorageException("checkpoint to " + targetDir + " failed", e);
    } finally {
      lifecycle.unlock();
    }
  }

  /**
   * Replaces the whole live state (catalog keys included) with a checkpoint's. RocksDB is closed
   * and reopened; every {@link TableStore} obtained before becomes invalid (fetch them again).
   * Versions and scanners held by readers keep working on the old data until closed.
   */
  public void restore(Path checkpointDir) {
    requireNonNull(checkpointDir, "checkpointDir");
    lifecycle.lock();
    try {
      checkOpen();
      long started = System.nanoTime();
      List<CheckpointManifest.Entry> entries = CheckpointManifest.read(checkpointDir);
      Path sourceRoot = checkpointDir.resolve(SEGMENTS_PREFIX);
      for (CheckpointManifest.Entry e : entries) {
        Path p = e.path(sourceRoot);
        if (!Files.isRegularFile(p) || Files.size(p) != e.bytes()) {
          throw new StorageException("checkpoint " + checkpointDir + " lacks segment file " + p);
        }
      }
      for (TableStore t : tables.values()) {
        t.detach(true);
      }
      tables.clear();
      kv.replaceWith(checkpointDir.resolve(KV_DIR));
      Path oldRoot = segmentRoot;
      Path newRoot = nextSegmentRoot(oldRoot);
      deleteTree(newRoot);
      for (CheckpointManifest.Entry e : entries) {
        Path dst = e.path(newRoot);
        Files.createDirectories(dst.getParent());
        linkOrCopy(e.path(sourceRoot), dst);
      }
      Files.createDirectories(newRoot);
      writeSegmentRoot(dataDir, newRoot);
      segmentRoot = newRoot;
      loadTables();
      deleteEmptyDirectories(oldRoot);
      tables.values().forEach(TableStore::scheduleMaintenance);
      LOG.info("restored storage from {}: {} tables, {} segment files in {} ms", checkpointDir, tables.size(),
          entries.size(), (System.nanoTime() - started) / 1_000_000);
    } catch (IOException e) {
      throw new StorageException("restore from " + checkpointDir + " failed", e);
    } finally {
      lifecycle.unlock();
    }
  }

  /**
   * Stops background work, releases every table, flushes and closes RocksDB and closes the
   * engine's allocator. Readers must have closed their versions and scanners first.
   */
  @Override
  public void close() {
    lifecycle.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (background != null) {
        background.shutdown();
      }
      for (TableStore t : tables.values()) {
        t.detach(false);
      }
      tables.clear();
      if (background != null) {
        try {
          if (!background.awaitTermination(60, TimeUnit.SECONDS)) {
            LOG.warn("background maintenance did not stop within 60 s");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      kv.close();
      allocator.close();
    } finally {
      lifecycle.unlock();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("storage engine is closed");
    }
  }

  private void loadTables() {
    for (KeyValue e : kv.scan(Family.TABLES, StorageKeys.tag(StorageKeys.LAYOUT))) {
      TableLayout layout = TableLayout.decode(e.value());
      TableStore t = TableLoader.load(kv, layout, tableDir(layout.tableId()), tableAllocator(layout.tableId()),
          options, background, keyIndexes);
      tables.put(layout.tableId(), t);
    }
  }

  private BufferAllocator tableAllocator(long tableId) {
    return allocator.newChildAllocator("table-" + tableId + "-g" + generation.incrementAndGet(), 0,
        Long.MAX_VALUE);
  }

  private Path tableDir(long tableId) {
    return segmentRoot.resolve(Long.toString(tableId));
  }

  /** Deletes segment directories of earlier restores and files no table references. */
  private void sweepOrphans() throws IOException {
    try (Stream<Path> s = Files.list(dataDir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (p.getFileName().toString().startsWith(SEGMENTS_PREFIX) && Files.isDirectory(p)
            && !p.equals(segmentRoot)) {
          deleteTree(p);
        }
      }
    }
    if (!Files.isDirectory(segmentRoot)) {
      return;
    }
    try (Stream<Path> dirs = Files.list(segmentRoot)) {
      for (Path dir : (Iterable<Path>) dirs::iterator) {
        TableStore t = null;
        try {
          t = tables.get(Long.parseLong(dir.getFileName().toString()));
        } catch (NumberFormatException ignored) {
          // not a table directory
        }
        if (t == null) {
          LOG.info("removing segment directory without a table: {}", dir);
          deleteTree(dir);
          continue;
        }
        Set<Path> live = new HashSet<>(t.segmentFiles());
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : (Iterable<Path>) files::iterator) {
            if (!live.contains(f)) {
              LOG.info("removing orphan segment file {}", f);
              Files.delete(f);
            }
          }
        }
      }
    }
  }

  private static Path readSegmentRoot(Path dataDir) throws IOException {
    Path pointer = dataDir.resolve(SEGMENTS_POINTER);
    if (!Files.exists(pointer)) {
      return dataDir.resolve(SEGMENTS_PREFIX);
    }
    String name = Files.readString(pointer, StandardCharsets.UTF_8).trim();
    if (!name.startsWith(SEGMENTS_PREFIX) || name.contains("/")) {
      throw new StorageException("bad " + pointer + ": " + name);
    }
    return dataDir.resolve(name);
  }

  private static void writeSegmentRoot(Path dataDir, Path root) throws IOException {
    Path tmp = dataDir.resolve(SEGMENTS_POINTER + ".tmp");
    Files.writeString(tmp, root.getFileName().toString() + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, dataDir.resolve(SEGMENTS_POINTER), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** segments → segments-1 → segments-2 ...: a restore never reuses the live directory. */
  private static Path nextSegmentRoot(Path current) {
    String name = current.getFileName().toString();
    int gen = name.equals(SEGMENTS_PREFIX) ? 0 : Integer.parseInt(name.substring(SEGMENTS_PREFIX.length() + 1));
    return current.resolveSibling(SEGMENTS_PREFIX + "-" + (gen + 1));
  }

  private static void linkOrCopy(Path src, Path dst) throws IOException {
    try {
      Files.createLink(dst, src);
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(src, dst);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void deleteEmptyDirectories(Path root) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        if (Files.isDirectory(p)) {
          try {
            Files.delete(p);
          } catch (DirectoryNotEmptyException expected) {
            // a reader still holds a file in it
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("cannot tidy {}: {}", root, e.toString());
    }
  }
}
