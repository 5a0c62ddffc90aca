package io.basalt.storage.segment;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.column.ColumnKind;
import io.basalt.storage.column.ColumnSpec;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.columnindex.RowRanges;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.internal.filter2.columnindex.ColumnIndexStore;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Reads a segment file row group by row group, column at a time, into Arrow vectors through
 * Parquet's low-level column readers. Only the projected columns' chunks are read. Not
 * thread-safe; one reader per scan.
 */
public final class SegmentReader implements AutoCloseable {

  private static final Constructor<ParquetReadOptions> OPTIONS_CONSTRUCTOR = optionsConstructor();

  private final ParquetFileReader reader;
  private final List<ColumnSpec> projection;
  private final ColumnKind[] kinds;
  private final MessageType schema;
  private final ColumnDescriptor[] descriptors;
  private final String createdBy;
  private final long[] rowGroupFirstRow;
  private int rowGroup = -1;
  private long rowsLeftInGroup;
  private ColumnReader[] columnReaders;
  private ChunkDecoder[] chunkDecoders;
  private long rowsDecoded;

  /**
   * Opens {@code file} to read {@code projection}: columns the file holds, with the types it holds
   * them in (as recorded in {@link SegmentMeta#columns()}).
   */
  public SegmentReader(Path file, List<ColumnSpec> projection) throws IOException {
    this.projection = List.copyOf(requireNonNull(projection, "projection"));
    this.kinds = new ColumnKind[this.projection.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = this.projection.get(i).kind();
    }
    this.schema = ParquetSchemas.messageType(this.projection);
    this.descriptors = schema.getColumns().toArray(new ColumnDescriptor[0]);
    this.reader = ParquetFileReader.open(new BufferedInputFile(file), readOptions());
    boolean ok = false;
    try {
      this.createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
      int groups = reader.getRowGroups().size();
      this.rowGroupFirstRow = new long[groups + 1];
      for (int g = 0; g < groups; g++) {
        rowGroupFirstRow[g + 1] = rowGroupFirstRow[g] + reader.getRowGroups().get(g).getRowCount();
      }
      if (!this.projection.isEmpty()) {
        reader.setRequestedSchema(schema);
      }
      ok = true;
    } finally {
      if (!ok) {
        reader.close();
      }
    }
  }

  /** Row groups in the file. */
  public int rowGroupCount() {
    return rowGroupFirstRow.length - 1;
  }

  /** Index of the current row group, -1 before the first. */
  public int rowGroup() {
    return rowGroup;
  }

  /** File position of the first row of row group {@code g}. */
  public long rowGroupFirstRow(int g) {
    return rowGroupFirstRow[g];
  }

  /** Rows of the current row group not yet read. */
  public long rowsLeftInGroup() {
    return rowsLeftInGroup;
  }

  /** File position of the next row {@link #read} will return. */
  public long nextRowPosition() {
    return rowGroupFirstRow[rowGroup + 1] - rowsLeftInGroup;
  }

  /**
   * Moves to the next row group, reading its column chunks unless {@code skip}.
   *
   * @return false when there is no next row group
   */
  public boolean nextRowGroup(boolean skip) throws IOException {
    if (rowGroup + 1 >= rowGroupCount()) {
      rowGroup = rowGroupCount();
      rowsLeftInGroup = 0;
      columnReaders = null;
      chunkDecoders = null;
      return false;
    }
    rowGroup++;
    columnReaders = null;
    chunkDecoders = null;
    if (skip || projection.isEmpty()) {
      reader.skipNextRowGroup();
      rowsLeftInGroup = skip ? 0 : rowGroupFirstRow[rowGroup + 1] - rowGroupFirstRow[rowGroup];
      return true;
    }
    PageReadStore pages = reader.readNextRowGroup();
    rowsLeftInGroup = pages.getRowCount();
    ColumnReadStoreImpl store = null;
    columnReaders = new ColumnReader[descriptors.length];
    chunkDecoders = new ChunkDecoder[descriptors.length];
    Map<String, Set<Encoding>> encodings = new HashMap<>();
    for (ColumnChunkMetaData chunk : reader.getRowGroups().get(rowGroup).getColumns()) {
      encodings.put(chunk.getPath().toDotString(), chunk.getEncodings());
    }
    for (int c = 0; c < descriptors.length; c++) {
      Set<Encoding> used = encodings.get(String.join(".", descriptors[c].getPath()));
      if (used != null && ChunkDecoder.handles(used)) {
        PrimitiveType type = descriptors[c].getPrimitiveType();
        int fixed = type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY
            ? type.getTypeLength() : 0;
        chunkDecoders[c] = new ChunkDecoder(pages.getPageReader(descriptors[c]), kinds[c], fixed);
      } else {
        if (store == null) {
          store = new ColumnReadStoreImpl(pages, new IgnoringConverter(), schema, createdBy);
        }
        columnReaders[c] = store.getColumnReader(descriptors[c]);
      }
    }
    return true;
  }

  /**
   * Reads the next {@code rows} rows of the current row group. Rows with {@code keep[i] == false}
   * are skipped; kept rows go to {@code out[c]} from index 0 on.
   *
   * @param keep which rows to keep, or null for all
   * @param out one vector per projected column, of its type, reset by the caller
   * @return rows kept
   */
  public int read(int rows, boolean[] keep, FieldVector[] out) throws IOException {
    if (rows > rowsLeftInGroup) {
      throw new IllegalArgumentException("only " + rowsLeftInGroup + " rows left in the row group");
    }
    int kept = rows;
    if (keep != null) {
      kept = 0;
      for (int i = 0; i < rows; i++) {
        if (keep[i]) {
          kept++;
        }
      }
    }
    for (int c = 0; c < out.length; c++) {
      if (chunkDecoders[c] != null) {
        chunkDecoders[c].read(out[c], 0, rows, keep);
      } else {
        readColumn(columnReaders[c], kinds[c], out[c], 0, rows, keep, true);
      }
    }
    if (out.length > 0) {
      rowsDecoded += rows;
    }
    rowsLeftInGroup -= rows;
    return kept;
  }

  /**
   * Reads the rows at file positions {@code positions[from, from + count)}, ascending, into
   * {@code out} from index 0 on. Of each row group holding some, only the pages holding them are
   * read and decoded (through the file's offset index; the whole row group if it has none).
   * Does not move the row group cursor of {@link #nextRowGroup}.
   *
   * @param out one vector per projected column, of its type, reset by the caller
   */
  public void readRows(int[] positions, int from, int count, FieldVector[] out) throws IOException {
    int end = from + count;
    int i = from;
    while (i < end) {
      int g = rowGroupOf(positions[i]);
      long limit = rowGroupFirstRow[g + 1];
      int j = i + 1;
      while (j < end && positions[j] < limit) {
        if (positions[j] <= positions[j - 1]) {
          throw new IllegalArgumentException("positions must ascend: " + positions[j - 1] + ", " + positions[j]);
        }
        j++;
      }
      if (positions[j - 1] + 1 < limit || j - i == 1) {
        readSelected(g, positions, i, j, out, i - from);
      } else {
        // The group's last row has no row after it to serve as the end marker (see readSelected):
        // it is read on its own.
        readSelected(g, positions, i, j - 1, out, i - from);
        readSelected(g, positions, j - 1, j, out, j - 1 - from);
      }
      i = j;
    }
  }

  private int rowGroupOf(long position) {
    long rows = rowGroupFirstRow[rowGroupFirstRow.length - 1];
    if (position < 0 || position >= rows) {
      throw new IndexOutOfBoundsException("position " + position + " of " + rows);
    }
    int lo = 0;
    int hi = rowGroupCount() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (rowGroupFirstRow[mid] <= position) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /**
   * Reads rows {@code positions[from, to)} of row group {@code g}. Parquet's synchronizing column
   * reader stops early when the last selected row lies in a later page than the one before it
   * (parquet-java 1.18.1: it takes "no further row index" for "done" before moving to the page),
   * so a row after the last wanted one is selected too, as an end marker that is never read:
   * callers make sure one exists, or read a single row.
   */
  private void readSelected(int g, int[] positions, int from, int to, FieldVector[] out, int outOffset)
      throws IOException {
    long first = rowGroupFirstRow[g];
    RowRanges.Builder selected = RowRanges.builder();
    for (int i = from; i < to; i++) {
      selected.addSelectedRow(positions[i] - first);
    }
    long marker = positions[to - 1] - first + 1;
    if (to - from > 1) {
      selected.addSelectedRow(marker);
    }
    PageReadStore pages;
    int rows = to - from;
    boolean[] keep = null;
    try {
      pages = reader.readFilteredRowGroup(g, selected.build());
    } catch (ColumnIndexStore.MissingOffsetIndexException e) {
      // a file without offset index: read the row group whole and keep the selected rows
      pages = reader.readRowGroup(g);
      rows = (int) pages.getRowCount();
      keep = new boolean[rows];
      for (int i = from; i < to; i++) {
        keep[(int) (positions[i] - first)] = true;
      }
    }
    try {
      ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, new IgnoringConverter(), schema, createdBy);
      long decoded = 0;
      for (int c = 0; c < descriptors.length; c++) {
        ColumnReader r = store.getColumnReader(descriptors[c]);
        readColumn(r, kinds[c], out[c], outOffset, rows, keep, false);
        decoded = Math.max(decoded, pages.getPageReader(descriptors[c]).getTotalValueCount());
      }
      rowsDecoded += decoded;
    } finally {
      pages.close();
    }
  }

  /**
   * Rows decoded from data pages so far (by {@link #read} and {@link #readRows}; for each row
   * group, the most any projected column decoded).
   */
  public long rowsDecoded() {
    return rowsDecoded;
  }

  /**
   * Reads {@code rows} values of a column into {@code v} from {@code offset} on.
   *
   * @param consumeLast whether to move past the last row too (to go on reading the row group)
   */
  private static void readColumn(ColumnReader r, ColumnKind kind, FieldVector v, int offset, int rows,
                                 boolean[] keep, boolean consumeLast) {
    int o = offset;
    for (int i = 0; i < rows; i++) {
      if (i > 0) {
        r.consume();
      }
      if (keep != null && !keep[i]) {
        if (r.getCurrentDefinitionLevel() != 0) {
          r.skip(); // consume() does not skip an unread value
        }
        continue;
      }
      if (r.getCurrentDefinitionLevel() == 0) {
        v.setNull(o++);
        continue;
      }
      switch (kind) {
        case BOOL: ((BitVector) v).setSafe(o, r.getBoolean() ? 1 : 0); break;
        case INT8: ((TinyIntVector) v).setSafe(o, (byte) r.getInteger()); break;
        case INT16: ((SmallIntVector) v).setSafe(o, (short) r.getInteger()); break;
        case INT32: ((IntVector) v).setSafe(o, r.getInteger()); break;
        case DATE: ((DateDayVector) v).setSafe(o, r.getInteger()); break;
        case INT64: ((BigIntVector) v).setSafe(o, r.getLong()); break;
        case TIMESTAMP: ((TimeStampMicroVector) v).setSafe(o, r.getLong()); break;
        case TIME: ((TimeMicroVector) v).setSafe(o, r.getLong()); break;
        case FLOAT32: ((Float4Vector) v).setSafe(o, r.getFloat()); break;
        case FLOAT64: ((Float8Vector) v).setSafe(o, r.getDouble()); break;
        case DECIMAL128: ((DecimalVector) v).setBigEndianSafe(o, r.getBinary().getBytesUnsafe()); break;
        case DECIMAL256: ((Decimal256Vector) v).setBigEndianSafe(o, r.getBinary().getBytesUnsafe()); break;
        case UTF8: {
          ByteBuffer b = r.getBinary().toByteBuffer();
          ((VarCharVector) v).setSafe(o, b, b.position(), b.remaining());
          break;
        }
        case BINARY: {
          ByteBuffer b = r.getBinary().toByteBuffer();
          ((VarBinaryVector) v).setSafe(o, b, b.position(), b.remaining());
          break;
        }
        default: throw new AssertionError(kind);
      }
      o++;
    }
    if (consumeLast && rows > 0) {
      r.consume();
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** The Parquet footer of a segment file (schema, row groups, Parquet's own statistics). */
  public static ParquetMetadata footer(Path file) throws IOException {
    try (ParquetFileReader r = ParquetFileReader.open(new BufferedInputFile(file), readOptions())) {
      return r.getFooter();
    }
  }

  private static ParquetReadOptions readOptions() {
    try {
      return OPTIONS_CONSTRUCTOR.newInstance(
          false, // useSignedStringMinMax
          false, // useStatsFilter: storage prunes with its own statistics
          false, // useDictionaryFilter
          false, // useRecordFilter
          false, // useColumnIndexFilter
          false, // usePageChecksumVerification
          false, // useBloomFilter
          false, // useOffHeapDecryptBuffer
          false, // useHadoopVectoredIo
          FilterCompat.NOOP,
          ParquetMetadataConverter.NO_FILTER,
          ParquetCodecs.INSTANCE,
          new HeapByteBufferAllocator(),
          8 << 20, // maxAllocationSize, Parquet's default
          new HashMap<String, String>(),
          null, // fileDecryptionProperties
          null, // metricsCallback
          new PlainParquetConfiguration());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build Parquet read options", e);
    }
  }

  /**
   * ParquetReadOptions' public builder always constructs Parquet's Hadoop-backed codec factory,
   * which loads Hadoop classes. Its all-fields constructor does not, but is package-private:
   * storage calls it reflectively (parquet-hadoop 1.18.1; a signature change fails every test).
   */
  @SuppressWarnings("unchecked")
  private static Constructor<ParquetReadOptions> optionsConstructor() {
    for (Constructor<?> c : ParquetReadOptions.class.getDeclaredConstructors()) {
      Class<?>[] p = c.getParameterTypes();
      if (p.length == 18 && p[11] == org.apache.parquet.compression.CompressionCodecFactory.class
          && p[17] == org.apache.parquet.conf.ParquetConfiguration.class) {
        c.setAccessible(true);
        return (Constructor<ParquetReadOptions>) c;
      }
    }
    throw new IllegalStateException("this parquet-hadoop version has no known ParquetReadOptions constructor");
  }

  /** Storage reads values straight from column readers; converters exist only to satisfy the API. */
  private static final class IgnoringConverter extends GroupConverter {
    private final PrimitiveConverter primitive = new PrimitiveConverter() {
    };

    @Override
    public Converter getConverter(int fieldIndex) {
      return primitive;
    }

    @Override
    public void start() {
    }

    @Override
    public void end() {
    }
  }
}
