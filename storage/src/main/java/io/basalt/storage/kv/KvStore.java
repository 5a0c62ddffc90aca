package io.basalt.storage.kv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A thin RocksDB wrapper with one column family per {@link Family}.
 *
 * <p>Writes may skip the WAL ({@code disableWal}): Basalt's durability comes from the Raft log,
 * and every snapshot goes through {@link #checkpoint}, which flushes memtables first. Atomic
 * flush is on, so a multi-family batch is never half-persisted even without a WAL.
 *
 * <p>The object stays valid across {@link #replaceWith}: callers may keep the reference.
 * Thread-safe.
 */
public final class KvStore implements AutoCloseable {

  static {
    RocksDB.loadLibrary();
  }

  private final Path dir;
  private final boolean disableWal;
  /** Every operation holds the read side; replacing the database holds the write side. */
  private final ReentrantReadWriteLock handleLock = new ReentrantReadWriteLock();
  /** Writes hold the read side; a checkpoint holds the write side so it sees a still state. */
  private final ReentrantReadWriteLock freezeLock = new ReentrantReadWriteLock();

  private DBOptions dbOptions;
  private ColumnFamilyOptions cfOptions;
  private WriteOptions writeOptions;
  private RocksDB db;
  private List<ColumnFamilyHandle> handles;
  private Map<Family, ColumnFamilyHandle> families;
  private boolean closed;

  private KvStore(Path dir, boolean disableWal) {
    this.dir = dir;
    this.disableWal = disableWal;
  }

  /**
   * Opens (creating if needed) the store in {@code dir}.
   *
   * @param disableWal write without RocksDB's WAL; the caller recovers unflushed writes itself
   */
  public static KvStore open(Path dir, boolean disableWal) {
    KvStore kv = new KvStore(requireNonNull(dir, "dir"), disableWal);
    kv.openDb();
    return kv;
  }

  private void openDb() {
    try {
      Files.createDirectories(dir);
      dbOptions = new DBOptions()
          .setCreateIfMissing(true)
          .setCreateMissingColumnFamilies(true)
          .setAtomicFlush(true)
          .setMaxBackgroundJobs(2)
          .setKeepLogFileNum(3)
          .setInfoLogLevel(InfoLogLevel.WARN_LEVEL);
      cfOptions = new ColumnFamilyOptions().setCompressionType(CompressionType.LZ4_COMPRESSION);
      writeOptions = new WriteOptions().setDisableWAL(disableWal);
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions));
      for (Family f : Family.values()) {
        descriptors.add(new ColumnFamilyDescriptor(f.columnFamilyName(), cfOptions));
      }
      handles = new ArrayList<>();
      db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
      families = new EnumMap<>(Family.class);
      for (Family f : Family.values()) {
        families.put(f, handles.get(f.ordinal() + 1));
      }
    } catch (RocksDBException | IOException e) {
      closeDb();
      throw new KvException("cannot open RocksDB in " + dir, e);
    }
  }

  private void closeDb() {
    if (handles != null) {
      handles.forEach(ColumnFamilyHandle::close);
      handles = null;
    }
    if (db != null) {
      db.close();
      db = null;
    }
    for (AutoCloseable c : new AutoCloseable[] {writeOptions, cfOptions, dbOptions}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception ignored) {
          // native option objects do not fail to close
        }
      }
    }
    writeOptions = null;
    cfOptions = null;
    dbOptions = null;
  }

  /** The directory holding the database. */
  public Path directory() {
    return dir;
  }

  /** The value of {@code key}, or null. */
  public byte[] get(Family family, byte[] key) {
    handleLock.readLock().lock();
    try {
      checkOpen();
      return db.get(families.get(family), key);
    } catch (RocksDBException e) {
      throw new KvException("get failed", e);
    } finally {
      handleLock.readLock().unlock();
    }
  }

  /** Sets one key. */
  public void put(Family family, byte[] key, byte[] value) {
    write(new KvBatch().put(family, key, value));
  }

  /** Removes one key. */
  public void delete(Family family, byte[] key) {
    write(new KvBatch().delete(family, key));
  }

  /** Every entry whose key starts with {@code prefix}, in key order. */
  public List<KeyValue> scan(Family family, byte[] prefix) {
    List<KeyValue> out = new ArrayList<>();
    scan(family, prefix, (k, v) -> {
      out.add(new KeyValue(k, v));
      return true;
    });
    return out;
  }

  /** Receives scanned entries; returns false to stop the scan. */
  @FunctionalInterface
  public interface Visitor {
    /** Called once per entry, in key order. */
    boolean visit(byte[] key, byte[] value);
  }

  /** Visits every entry whose key starts with {@code prefix}, in key order. */
  public void scan(Family family, byte[] prefix, Visitor visitor) {
    handleLock.readLock().lock();
    try (ReadOptions ro = new ReadOptions();
         RocksIterator it = openIterator(family, ro)) {
      for (it.seek(prefix); it.isValid(); it.next()) {
        byte[] key = it.key();
        if (key.length < prefix.length || !Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length)) {
          break;
        }
        if (!visitor.visit(key, it.value())) {
          break;
        }
      }
      it.status();
    } catch (RocksDBException e) {
      throw new KvException("scan failed", e);
    } finally {
      handleLock.readLock().unlock();
    }
  }

  private RocksIterator openIterator(Family family, ReadOptions ro) {
    checkOpen();
    return db.newIterator(families.get(family), ro);
  }

  /** Applies every operation of {@code batch} atomically. */
  public void write(KvBatch batch) {
    if (batch.isEmpty()) {
      return;
    }
    handleLock.readLock().lock();
    freezeLock.readLock().lock();
    try (WriteBatch wb = new WriteBatch()) {
      checkOpen();
      for (KvBatch.Op op : batch.ops()) {
        ColumnFamilyHandle cf = families.get(op.family());
        switch (op.kind()) {
          case PUT: wb.put(cf, op.key(), op.value()); break;
          case DELETE: wb.delete(cf, op.key()); break;
          case DELETE_RANGE: wb.deleteRange(cf, op.key(), op.value()); break;
          default: throw new AssertionError(op.kind());
        }
      }
      db.write(writeOptions, wb);
    } catch (RocksDBException e) {
      throw new KvException("write failed", e);
    } finally {
      freezeLock.readLock().unlock();
      handleLock.readLock().unlock();
    }
  }

  /** Persists memtables to SST files. */
  public void flush() {
    handleLock.readLock().lock();
    try {
      checkOpen();
      flushLocked();
    } finally {
      handleLock.readLock().unlock();
    }
  }

  private void flushLocked() {
    try (FlushOptions fo = new FlushOptions().setWaitForFlush(true)) {
      db.flush(fo, new ArrayList<>(families.values()));
    } catch (RocksDBException e) {
      throw new KvException("flush failed", e);
    }
  }

  /**
   * Creates a RocksDB checkpoint (hard links of SST files) in {@code target}, which must not
   * exist. Writes wait while the checkpoint is taken and while {@code whileFrozen} runs; reads go
   * on. Use {@code whileFrozen} to capture state that must agree with the checkpoint.
   */
  public void checkpoint(Path target, Runnable whileFrozen) {
    handleLock.readLock().lock();
    freezeLock.writeLock().lock();
    try {
      checkOpen();
      if (Files.exists(target)) {
        throw new KvException("checkpoint target exists: " + target, new FileAlreadyExistsException(target.toString()));
      }
      flushLocked();
      try (Checkpoint cp = Checkpoint.create(db)) {
        cp.createCheckpoint(target.toString());
      }
      whileFrozen.run();
    } catch (RocksDBException e) {
      throw new KvException("checkpoint to " + target + " failed", e);
    } finally {
      freezeLock.writeLock().unlock();
      handleLock.readLock().unlock();
    }
  }

  /**
   * Replaces the whole database with the checkpoint in {@code checkpointDir}: closes RocksDB,
   * swaps the files (SST files hard-linked, the rest copied) and reopens. The checkpoint
   * directory is left as it was.
   */
  public void replaceWith(Path checkpointDir) {
    if (!Files.isDirectory(checkpointDir)) {
      throw new KvException("no checkpoint in " + checkpointDir, null);
    }
    handleLock.writeLock().lock();
    try {
      checkOpen();
      closeDb();
      deleteTree(dir);
      Files.createDirectories(dir);
      try (Stream<Path> files = Files.list(checkpointDir)) {
        for (Path src : (Iterable<Path>) files::iterator) {
          Path dst = dir.resolve(src.getFileName().toString());
          String name = src.getFileName().toString();
          if (name.endsWith(".sst") || name.endsWith(".blob")) {
            linkOrCopy(src, dst);
          } else {
            Files.copy(src, dst);
          }
        }
      }
      openDb();
    } catch (IOException e) {
      throw new KvException("cannot restore RocksDB from " + checkpointDir, e);
    } finally {
      handleLock.writeLock().unlock();
    }
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
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private void checkOpen() {
    if (closed || db == null) {
      throw new IllegalStateException("KvStore is closed");
    }
  }

  /** Flushes memtables (they are not in a WAL) and closes RocksDB. Idempotent. */
  @Override
  public void close() {
    handleLock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (db != null) {
        try {
          flushLocked();
        } finally {
          closeDb();
        }
      }
    } finally {
      handleLock.writeLock().unlock();
    }
  }
}
