package io.basalt.storage;

import static java.util.Objects.requireNonNull;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Tuning of a {@link StorageEngine}. Start from {@link #defaults()} and change with
 * {@link #toBuilder()}.
 *
 * @param flushRows a table's write buffer is flushed to a segment once it holds this many rows
 * @param flushBytes ... or this many bytes of Arrow IPC data
 * @param rowGroupRows rows per Parquet row group in segment files
 * @param bufferBatchRows appended batches are stored in pieces of at most this many rows
 * @param compactionTargetRows compaction merges segments up to about this many live rows;
 *     segments under half of it count as small
 * @param compactionMinSegments background compaction starts once this many small segments exist
 * @param compactionDeletedRatio a segment with at least this share of deleted rows is rewritten
 * @param compression codec of segment data pages
 * @param disableWal write RocksDB without its WAL (the Raft log is the durability source)
 * @param backgroundMaintenance flush and compact automatically on the engine's background threads
 * @param backgroundThreads threads of the background executor
 * @param memoryLimitBytes limit of the engine's Arrow allocator
 * @param keyIndexCacheBytes heap bytes the engine's key indexes (see
 *     {@link ScanRequest#keyColumnId()}) may hold; past it the least recently used are dropped
 *     and rebuilt when next needed
 */
public record StorageOptions(
    long flushRows,
    long flushBytes,
    int rowGroupRows,
    int bufferBatchRows,
    long compactionTargetRows,
    int compactionMinSegments,
    double compactionDeletedRatio,
    Compression compression,
    boolean disableWal,
    boolean backgroundMaintenance,
    int backgroundThreads,
    long memoryLimitBytes,
    long keyIndexCacheBytes) {

  /** Page compression of segment files. */
  public enum Compression {
    /** zstd level 3 (zstd-jni): the default, best ratio at good speed. */
    ZSTD(CompressionCodecName.ZSTD),
    /** Snappy (snappy-java): fastest decode. */
    SNAPPY(CompressionCodecName.SNAPPY),
    /** No compression. */
    NONE(CompressionCodecName.UNCOMPRESSED);

    private final CompressionCodecName parquet;

    Compression(CompressionCodecName parquet) {
      this.parquet = parquet;
    }

    /** The Parquet codec. */
    public CompressionCodecName parquetCodec() {
      return parquet;
    }
  }

  public StorageOptions {
    requireNonNull(compression, "compression");
    positive("flushRows", flushRows);
    positive("flushBytes", flushBytes);
    positive("rowGroupRows", rowGroupRows);
    positive("bufferBatchRows", bufferBatchRows);
    positive("compactionTargetRows", compactionTargetRows);
    positive("backgroundThreads", backgroundThreads);
    positive("memoryLimitBytes", memoryLimitBytes);
    positive("keyIndexCacheBytes", keyIndexCacheBytes);
    if (compactionTargetRows > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("compactionTargetRows too large: " + compactionTargetRows);
    }
    if (compactionMinSegments < 2) {
      throw new IllegalArgumentException("compactionMinSegments must be >= 2");
    }
    if (!(compactionDeletedRatio > 0 && compactionDeletedRatio <= 1)) {
      throw new IllegalArgumentException("compactionDeletedRatio must be in (0, 1]");
    }
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0: " + value);
    }
  }

  /**
   * 512k rows / 64 MiB buffers, 128k-row row groups, ZSTD, no WAL, background maintenance on,
   * 256 MiB of key indexes.
   */
  public static StorageOptions defaults() {
    return new StorageOptions(512 * 1024, 64L << 20, 128 * 1024, 64 * 1024, 4L * 1024 * 1024, 4, 0.3,
        Compression.ZSTD, true, true, 1, Long.MAX_VALUE, 256L << 20);
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link StorageOptions}. */
  public static final class Builder {
    private long flushRows;
    private long flushBytes;
    private int rowGroupRows;
    private int bufferBatchRows;
    private long compactionTargetRows;
    private int compactionMinSegments;
    private double compactionDeletedRatio;
    private Compression compression;
    private boolean disableWal;
    private boolean backgroundMaintenance;
    private int backgroundThreads;
    private long memoryLimitBytes;
    private long keyIndexCacheBytes;

    private Builder(StorageOptions o) {
      flushRows = o.flushRows;
      flushBytes = o.flushBytes;
      rowGroupRows = o.rowGroupRows;
      bufferBatchRows = o.bufferBatchRows;
      compactionTargetRows = o.compactionTargetRows;
      compactionMinSegments = o.compactionMinSegments;
      compactionDeletedRatio = o.compactionDeletedRatio;
      compression = o.compression;
      disableWal = o.disableWal;
      backgroundMaintenance = o.backgroundMaintenance;
      backgroundThreads = o.backgroundThreads;
      memoryLimitBytes = o.memoryLimitBytes;
      keyIndexCacheBytes = o.keyIndexCacheBytes;
    }

    /** See {@link StorageOptions#flushRows()}. */
    public Builder flushRows(long v) {
      flushRows = v;
      return this;
    }

    /** See {@link StorageOptions#flushBytes()}. */
    public Builder flushBytes(long v) {
      flushBytes = v;
      return this;
    }

    /** See {@link StorageOptions#rowGroupRows()}. */
    public Builder rowGroupRows(int v) {
      rowGroupRows = v;
      return this;
    }

    /** See {@link StorageOptions#bufferBatchRows()}. */
    public Builder bufferBatchRows(int v) {
      bufferBatchRows = v;
      return this;
    }

    /** See {@link StorageOptions#compactionTargetRows()}. */
    public Builder compactionTargetRows(long v) {
      compactionTargetRows = v;
      return this;
    }

    /** See {@link StorageOptions#compactionMinSegments()}. */
    public Builder compactionMinSegments(int v) {
      compactionMinSegments = v;
      return this;
    }

    /** See {@link StorageOptions#compactionDeletedRatio()}. */
    public Builder compactionDeletedRatio(double v) {
      compactionDeletedRatio = v;
      return this;
    }

    /** See {@link StorageOptions#compression()}. */
    public Builder compression(Compression v) {
      compression = v;
      return this;
    }

    /** See {@link StorageOptions#disableWal()}. */
    public Builder disableWal(boolean v) {
      disableWal = v;
      return this;
    }

    /** See {@link StorageOptions#backgroundMaintenance()}. */
    public Builder backgroundMaintenance(boolean v) {
      backgroundMaintenance = v;
      return this;
    }

    /** See {@link StorageOptions#backgroundThreads()}. */
    public Builder backgroundThreads(int v) {
      backgroundThreads = v;
      return this;
    }

    /** See {@link StorageOptions#memoryLimitBytes()}. */
    public Builder memoryLimitBytes(long v) {
      memoryLimitBytes = v;
      return this;
    }

    /** See {@link StorageOptions#keyIndexCacheBytes()}. */
    public Builder keyIndexCacheBytes(long v) {
      keyIndexCacheBytes = v;
      return this;
    }

    /** The options. */
    public StorageOptions build() {
      return new StorageOptions(flushRows, flushBytes, rowGroupRows, bufferBatchRows, compactionTargetRows,
          compactionMinSegments, compactionDeletedRatio, compression, disableWal, backgroundMaintenance,
          backgroundThreads, memoryLimitBytes, keyIndexCacheBytes);
    }
  }
}
