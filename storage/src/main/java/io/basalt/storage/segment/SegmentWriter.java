package io.basalt.storage.segment;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.column.ColumnKind;
import io.basalt.storage.column.ColumnSpec;
import io.basalt.storage.column.StatsCollector;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * Writes one immutable segment file from Arrow vectors, column at a time, through Parquet's
 * low-level column writers (no per-row records, no boxing). Collects storage's own per-row-group
 * statistics while writing. Not thread-safe. Closing an unfinished writer deletes its file.
 */
public final class SegmentWriter implements AutoCloseable {

  /**
   * Rows per data page, about: small pages let a keyed lookup ({@link SegmentReader#readRows})
   * decode little more than the rows it wants, through the offset index every file gets.
   */
  public static final int PAGE_ROWS = 2048;

  /**
   * Rows handed to the column writers per step. Parquet checks page sizes only between rows,
   * which here means after whole steps: a page ends at the first step boundary at or past
   * PAGE_ROWS, so PAGE_ROWS is a multiple of this.
   */
  private static final int STEP_ROWS = 512;

  private final Path file;
  private final List<ColumnSpec> columns;
  private final ColumnKind[] kinds;
  private final MessageType schema;
  private final ColumnDescriptor[] descriptors;
  private final int rowGroupRows;
  private final CompressionCodecName codec;
  private final Map<String, String> footer;
  private final ParquetProperties props;
  private final ParquetFileWriter fileWriter;
  private final List<RowGroupMeta> rowGroups = new ArrayList<>();

  private ColumnChunkPageWriteStore pageStore;
  private ColumnWriteStore columnStore;
  private ColumnWriter[] writers;
  private StatsCollector[] stats;
  private long rowsInGroup;
  private long totalRows;
  private byte[] scratch = new byte[256];
  private boolean finished;
  private boolean closed;

  /**
   * Creates the file (which must not exist) and prepares to write {@code columns}.
   *
   * @param rowGroupRows rows per Parquet row group
   * @param footer extra key/value pairs for the Parquet footer
   */
  public SegmentWriter(Path file, List<ColumnSpec> columns, int rowGroupRows, CompressionCodecName codec,
                       Map<String, String> footer) throws IOException {
    this.file = requireNonNull(file, "file");
    this.columns = List.copyOf(columns);
    this.rowGroupRows = rowGroupRows;
    this.codec = requireNonNull(codec, "codec");
    this.footer = Map.copyOf(footer);
    if (rowGroupRows <= 0) {
      throw new IllegalArgumentException("rowGroupRows must be > 0");
    }
    this.kinds = new ColumnKind[this.columns.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = this.columns.get(i).kind();
    }
    this.schema = ParquetSchemas.messageType(this.columns);
    this.descriptors = schema.getColumns().toArray(new ColumnDescriptor[0]);
    this.props = ParquetProperties.builder()
        .withPageSize(1 << 20)
        .withDictionaryPageSize(1 << 20)
        .withPageRowCountLimit(PAGE_ROWS)
        .build();
    this.fileWriter = new ParquetFileWriter(new LocalOutputFile(file), schema, ParquetFileWriter.Mode.CREATE,
        Long.MAX_VALUE, 0, null, props);
    boolean ok = false;
    try {
      fileWriter.start();
      ok = true;
    } finally {
      if (!ok) {
        abort();
      }
    }
  }

  /** The file being written. */
  public Path file() {
    return file;
  }

  /** Rows written so far. */
  public long rowCount() {
    return totalRows;
  }

  /**
   * Writes {@code count} rows: row {@code positions[i]} of every vector, for i in [0, count).
   *
   * @param vectors one vector per column, aligned with the writer's columns, each of the
   *     column's type; a null entry writes nulls (a column the source data does not have)
   * @param positions row indexes into the vectors, in the order to write
   */
  public void write(FieldVector[] vectors, int[] positions, int count) throws IOException {
    if (vectors.length != columns.size()) {
      throw new IllegalArgumentException("expected " + columns.size() + " vectors, got " + vectors.length);
    }
    checkWritable();
    int done = 0;
    while (done < count) {
      if (columnStore == null) {
        startRowGroup();
      }
      int n = (int) Math.min(Math.min(count - done, STEP_ROWS), rowGroupRows - rowsInGroup);
      for (int c = 0; c < vectors.length; c++) {
        writeColumn(c, vectors[c], positions, done, done + n);
      }
      for (int i = 0; i < n; i++) {
        columnStore.endRecord();
      }
      rowsInGroup += n;
      totalRows += n;
      done += n;
      if (rowsInGroup == rowGroupRows) {
        endRowGroup();
      }
    }
  }

  private void startRowGroup() {
    pageStore = new ColumnChunkPageWriteStore(ParquetCodecs.INSTANCE.getCompressor(codec), schema,
        props.getAllocator(), props.getColumnIndexTruncateLength(), props.getPageWriteChecksumEnabled(),
        null, rowGroups.size());
    columnStore = props.newColumnWriteStore(schema, pageStore, pageStore);
    writers = new ColumnWriter[descriptors.length];
    stats = new StatsCollector[descriptors.length];
    for (int c = 0; c < descriptors.length; c++) {
      writers[c] = columnStore.getColumnWriter(descriptors[c]);
      stats[c] = StatsCollector.forType(columns.get(c).type());
    }
    rowsInGroup = 0;
  }

  private void endRowGroup() throws IOException {
    try {
      fileWriter.startBlock(rowsInGroup);
      columnStore.flush();
      pageStore.flushToFileWriter(fileWriter);
      fileWriter.endBlock();
      List<io.basalt.storage.column.ColumnStats> groupStats = new ArrayList<>(stats.length);
      for (StatsCollector s : stats) {
        groupStats.add(s.finish());
      }
      rowGroups.add(new RowGroupMeta(rowsInGroup, groupStats));
    } finally {
      columnStore.close();
      pageStore.close();
      columnStore = null;
      pageStore = null;
      writers = null;
      stats = null;
      rowsInGroup = 0;
    }
  }

  private void writeColumn(int c, FieldVector v, int[] positions, int from, int to) {
    ColumnWriter w = writers[c];
    StatsCollector s = stats[c];
    if (v == null) {
      for (int i = from; i < to; i++) {
        w.writeNull(0, 0);
      }
      s.addNulls(to - from);
      return;
    }
    ArrowBuf data = v.getDataBuffer();
    switch (kinds[c]) {
      case BOOL: {
        BitVector bits = (BitVector) v;
        for (int i = from; i < to; i++) {
          int p = positions[i];
          s.add(v, p);
          if (bits.isNull(p)) {
            w.writeNull(0, 0);
          } else {
            w.write(bits.get(p) != 0, 0, 1);
          }
        }
        break;
      }
      case INT8:
        for (int i = from; i < to; i++) {
          int p = positions[i];
          s.add(v, p);
          if (v.isNull(p)) {
            w.writeNull(0, 0);
          } else {
            w.write((int) data.getByte(p), 0, 1);
          }
        }
        break;
      case INT16:
        for (int i = from; i < to; i++) {
          int p = positions[i];
          s.add(v, p);
          if (v.isNull(p)) {
            w.writeNull(0, 0);
          } else {
            w.write((int) data.getShort((long) p * 2), 0, 1);
          }
        }
        break;
      case INT32:
      case DATE:
        for (int i = from; i < to; i++) {
          int p = positions[i];
          s.add(v, p);
          if (v.isNull(p)) {
            w.writeNull(0, 0);
          } else {
            w.write(data.getInt((long) p * 4), 0, 1);
          }
        }
        break;
      case INT64:
      case TIMESTAMP:
      case TIME:
        for (int i = from; i < to; i++) {
          int p = positions[i];
          s.add(v, p);
          if (v.isNull(p)) {
            w.writeNull(0, 0);
          } else {
            w.write(data.getLong((long) p * 8), 0, 1);
          }
        }
        break;
      case FLOAT32:
        for (int i = from; i < to; i++) {
          int p = positions[i];
          s.add(v, p);
          if (v.isNull(p)) {
            w.writeNull(0, 0);
          } else {
            w.write(data.getFloat((long) p * 4), 0, 1);
          }
        }
        break;
      case FLOAT64:
        for (int i = from; i < to; i++) {
          int p = positions[i];
          s.add(v, p);
          if (v.isNull(p)) {
            w.writeNull(0, 0);
          } else {
            w.write(data.getDouble((long) p * 8), 0, 1);
          }
        }
        break;
      case DECIMAL128:
      case DECIMAL256: {
        int width = kinds[c] == ColumnKind.DECIMAL128 ? 16 : 32;
        byte[] be = new byte[width];
        Binary reused = Binary.fromReusedByteArray(be);
        for (int i = from; i < to; i++) {
          int p = positions[i];
          s.add(v, p);
          if (v.isNull(p)) {
            w.writeNull(0, 0);
          } else {
            long base = (long) p * width;
            // Arrow decimals are little-endian, Parquet's fixed-length decimals big-endian.
            for (int b = 0; b < width; b++) {
              be[width - 1 - b] = data.getByte(base + b);
            }
            w.write(reused, 0, 1);
          }
        }
        break;
      }
      case UTF8:
      case BINARY: {
        ArrowBuf offsets = v.getOffsetBuffer();
        for (int i = from; i < to; i++) {
          int p = positions[i];
          s.add(v, p);
          if (v.isNull(p)) {
            w.writeNull(0, 0);
          } else {
            int start = offsets.getInt((long) p * 4);
            int len = offsets.getInt((long) (p + 1) * 4) - start;
            if (scratch.length < len) {
              scratch = new byte[Math.max(len, scratch.length * 2)];
            }
            data.getBytes(start, scratch, 0, len);
            w.write(Binary.fromReusedByteArray(scratch, 0, len), 0, 1);
          }
        }
        break;
      }
      default:
        throw new AssertionError(kinds[c]);
    }
  }

  /** Statistics and row groups of a finished segment file. */
  public record Result(long rowCount, long fileBytes, List<RowGroupMeta> rowGroups) {
  }

  /** Ends the file (footer), forces it to disk and returns what was written. */
  public Result finish() throws IOException {
    checkWritable();
    if (columnStore != null && rowsInGroup > 0) {
      endRowGroup();
    }
    fileWriter.end(footer);
    finished = true;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    return new Result(totalRows, Files.size(file), List.copyOf(rowGroups));
  }

  private void checkWritable() {
    if (finished || closed) {
      throw new IllegalStateException("segment writer is finished");
    }
  }

  private void abort() {
    try {
      if (columnStore != null) {
        columnStore.close();
        pageStore.close();
      }
    } catch (RuntimeException ignored) {
      // the file is being thrown away
    }
    try {
      fileWriter.close();
    } catch (IOException | RuntimeException ignored) {
      // the file is being thrown away
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // an orphan file is swept when the engine next opens
    }
  }

  /** Releases resources; an unfinished file is deleted. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!finished) {
      abort();
    }
  }
}
