package io.basalt.storage.segment;

import io.basalt.storage.column.ColumnKind;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Set;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;

/**
 * Decodes one column chunk of a segment (an optional, non-repeated column) page by page straight
 * into Arrow vectors, in runs: definition levels a run at a time, plain values read from the page's
 * bytes, dictionary ids mapped through arrays decoded once per chunk. Parquet's own
 * {@code ColumnReader} does the same a value at a time through several virtual calls and a buffer
 * slice per string, which made it the scan's bottleneck. Handles the encodings storage's writer
 * produces ({@link #handles}); anything else goes through the column reader.
 */
final class ChunkDecoder {

  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle DOUBLE_LE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
  private static final Set<Encoding> HANDLED = Set.of(Encoding.PLAIN, Encoding.PLAIN_DICTIONARY,
      Encoding.RLE_DICTIONARY, Encoding.RLE, Encoding.BIT_PACKED);

  private final PageReader pages;
  private final ColumnKind kind;
  private final int fixedLength;
  private final byte[] decimalBytes;
  private final HybridDecoder defs = new HybridDecoder(1);
  private final HybridDecoder idDecoder = new HybridDecoder(0);
  private boolean[] present = new boolean[0];

  // the dictionary of the chunk, decoded into the array of its physical type
  private int[] dictInts;
  private long[] dictLongs;
  private float[] dictFloats;
  private double[] dictDoubles;
  private byte[] dictBytes;
  private int[] dictOffsets;

  // the current page
  private int pageLeft;
  private byte[] values;
  private int pos;
  private int bit;
  private HybridDecoder ids;

  /**
   * @param fixedLength byte length of a FIXED_LEN_BYTE_ARRAY column (decimals), else 0
   */
  ChunkDecoder(PageReader pages, ColumnKind kind, int fixedLength) throws IOException {
    this.pages = pages;
    this.kind = kind;
    this.fixedLength = fixedLength;
    this.decimalBytes = new byte[fixedLength];
    DictionaryPage dict = pages.readDictionaryPage();
    if (dict != null) {
      readDictionary(dict.getBytes().toByteArray(), dict.getDictionarySize());
    }
  }

  /** Whether a chunk with these encodings (values and levels) can be decoded here. */
  static boolean handles(Set<Encoding> encodings) {
    return HANDLED.containsAll(encodings);
  }

  private void readDictionary(byte[] b, int size) throws IOException {
    int p = 0;
    switch (kind) {
      case INT8: case INT16: case INT32: case DATE:
        dictInts = new int[size];
        for (int i = 0; i < size; i++, p += 4) {
          dictInts[i] = (int) INT_LE.get(b, p);
        }
        break;
      case INT64: case TIMESTAMP: case TIME:
        dictLongs = new long[size];
        for (int i = 0; i < size; i++, p += 8) {
          dictLongs[i] = (long) LONG_LE.get(b, p);
        }
        break;
      case FLOAT32:
        dictFloats = new float[size];
        for (int i = 0; i < size; i++, p += 4) {
          dictFloats[i] = (float) FLOAT_LE.get(b, p);
        }
        break;
      case FLOAT64:
        dictDoubles = new double[size];
        for (int i = 0; i < size; i++, p += 8) {
          dictDoubles[i] = (double) DOUBLE_LE.get(b, p);
        }
        break;
      case UTF8: case BINARY: case DECIMAL128: case DECIMAL256: {
        // kept as the page's bytes with each entry's start; a length prefix precedes variable ones
        dictBytes = b;
        dictOffsets = new int[size + 1];
        for (int i = 0; i < size; i++) {
          int len = fixedLength > 0 ? fixedLength : (int) INT_LE.get(b, p);
          int start = fixedLength > 0 ? p : p + 4;
          dictOffsets[i] = start;
          p = start + len;
        }
        dictOffsets[size] = p;
        break;
      }
      default:
        throw new IOException("a dictionary for a " + kind + " column");
    }
  }

  private int dictLength(int id) {
    return fixedLength > 0 ? fixedLength : (int) INT_LE.get(dictBytes, dictOffsets[id] - 4);
  }

  private void nextPage() throws IOException {
    DataPage page = pages.readPage();
    if (page == null) {
      throw new IOException("column chunk ended before its row group");
    }
    pageLeft = page.getValueCount();
    Encoding encoding;
    if (page instanceof DataPageV1 v1) {
      if (v1.getDlEncoding() != Encoding.RLE) {
        throw new IOException("definition levels in " + v1.getDlEncoding());
      }
      byte[] b = v1.getBytes().toByteArray();
      int length = (int) INT_LE.get(b, 0);
      defs.reset(b, 4, 4 + length);
      values = b;
      pos = 4 + length;
      encoding = v1.getValueEncoding();
    } else {
      DataPageV2 v2 = (DataPageV2) page;
      byte[] d = v2.getDefinitionLevels().toByteArray();
      defs.reset(d, 0, d.length);
      values = v2.getData().toByteArray();
      pos = 0;
      encoding = v2.getDataEncoding();
    }
    bit = pos * 8;
    if (encoding == Encoding.PLAIN_DICTIONARY || encoding == Encoding.RLE_DICTIONARY) {
      if (dictOffsets == null && dictInts == null && dictLongs == null && dictFloats == null && dictDoubles == null) {
        throw new IOException("dictionary-encoded page without a dictionary");
      }
      ids = idDecoder;
      if (pos < values.length) {
        ids.reset(values, pos + 1, values.length, values[pos] & 0xFF);
      } else {
        ids.reset(values, pos, pos, 0); // a page of nulls only has no ids
      }
    } else if (encoding == Encoding.PLAIN) {
      ids = null;
    } else {
      throw new IOException("values in " + encoding);
    }
  }

  /**
   * Decodes the next {@code rows} rows into {@code v} from index {@code offset} on, keeping only
   * rows {@code i} with {@code keep[i]} when {@code keep} is not null.
   *
   * @return the index after the last row written
   */
  int read(FieldVector v, int offset, int rows, boolean[] keep) throws IOException {
    if (v instanceof BaseFixedWidthVector) {
      while (v.getValueCapacity() < offset + rows) {
        v.reAlloc();
      }
    }
    int o = offset;
    int done = 0;
    while (done < rows) {
      if (pageLeft == 0) {
        nextPage();
      }
      int n = Math.min(rows - done, pageLeft);
      if (present.length < n) {
        present = new boolean[Math.max(n, 1024)];
      }
      int nonNull = defs.countEqual(n, 1, present, 0);
      if (nonNull == n && keep == null && ids == null && plainWidth() > 0) {
        o = copyPlain(v, o, n);
      } else {
        o = decode(v, o, n, keep, done);
      }
      pageLeft -= n;
      done += n;
    }
    return o;
  }

  /** Bytes per value when the page's plain bytes are the vector's own layout, else 0. */
  private int plainWidth() {
    switch (kind) {
      case INT32: case DATE: case FLOAT32: return 4;
      case INT64: case TIMESTAMP: case TIME: case FLOAT64: return 8;
      default: return 0;
    }
  }

  /**
   * Copies {@code n} plain values without nulls straight into the vector: Parquet's plain encoding
   * of these types is little-endian, as Arrow's buffers are.
   */
  private int copyPlain(FieldVector v, int o, int n) {
    int width = plainWidth();
    v.getDataBuffer().setBytes((long) o * width, values, pos, (long) n * width);
    pos += n * width;
    setValid(v.getValidityBuffer(), o, n);
    return o + n;
  }

  /** Marks rows {@code [from, from + n)} valid. */
  private static void setValid(ArrowBuf validity, int from, int n) {
    int i = from;
    int end = from + n;
    while (i < end && (i & 7) != 0) {
      BitVectorHelper.setBit(validity, i++);
    }
    int fullBytes = (end - i) >>> 3;
    if (fullBytes > 0) {
      validity.setOne(i >>> 3, fullBytes);
      i += fullBytes << 3;
    }
    while (i < end) {
      BitVectorHelper.setBit(validity, i++);
    }
  }

  private int decode(FieldVector v, int o, int n, boolean[] keep, int keepFrom) throws IOException {
    switch (kind) {
      case INT8: case INT16: case INT32: case DATE: return decodeInts(v, o, n, keep, keepFrom);
      case INT64: case TIMESTAMP: case TIME: return decodeLongs(v, o, n, keep, keepFrom);
      case FLOAT32: return decodeFloats(v, o, n, keep, keepFrom);
      case FLOAT64: return decodeDoubles(v, o, n, keep, keepFrom);
      case BOOL: return decodeBooleans(v, o, n, keep, keepFrom);
      case UTF8: case BINARY: return decodeVariable((BaseVariableWidthVector) v, o, n, keep, keepFrom);
      case DECIMAL128: case DECIMAL256: return decodeDecimals(v, o, n, keep, keepFrom);
      default: throw new IOException("cannot decode a " + kind + " column");
    }
  }

  // One loop per physical type, alike on purpose: each reads and writes its values directly, where a
  // shared loop would call through an interface per value on the scan's hottest path.

  private int decodeInts(FieldVector v, int o, int n, boolean[] keep, int keepFrom) throws IOException {
    ArrowBuf data = v.getDataBuffer();
    ArrowBuf validity = v.getValidityBuffer();
    int width = kind == ColumnKind.INT8 ? 1 : kind == ColumnKind.INT16 ? 2 : 4;
    for (int i = 0; i < n; i++) {
      boolean has = present[i];
      boolean wanted = keep == null || keep[keepFrom + i];
      if (!has) {
        if (wanted) {
          v.setNull(o++);
        }
        continue;
      }
      int x;
      if (ids != null) {
        x = dictInts[ids.next()];
      } else {
        x = (int) INT_LE.get(values, pos);
        pos += 4;
      }
      if (wanted) {
        switch (width) {
          case 1: data.setByte(o, x); break;
          case 2: data.setShort((long) o * 2, (short) x); break;
          default: data.setInt((long) o * 4, x); break;
        }
        BitVectorHelper.setBit(validity, o);
        o++;
      }
    }
    return o;
  }

  private int decodeLongs(FieldVector v, int o, int n, boolean[] keep, int keepFrom) throws IOException {
    ArrowBuf data = v.getDataBuffer();
    ArrowBuf validity = v.getValidityBuffer();
    for (int i = 0; i < n; i++) {
      boolean wanted = keep == null || keep[keepFrom + i];
      if (!present[i]) {
        if (wanted) {
          v.setNull(o++);
        }
        continue;
      }
      long x;
      if (ids != null) {
        x = dictLongs[ids.next()];
      } else {
        x = (long) LONG_LE.get(values, pos);
        pos += 8;
      }
      if (wanted) {
        data.setLong((long) o * 8, x);
        BitVectorHelper.setBit(validity, o);
        o++;
      }
    }
    return o;
  }

  private int decodeFloats(FieldVector v, int o, int n, boolean[] keep, int keepFrom) throws IOException {
    ArrowBuf data = v.getDataBuffer();
    ArrowBuf validity = v.getValidityBuffer();
    for (int i = 0; i < n; i++) {
      boolean wanted = keep == null || keep[keepFrom + i];
      if (!present[i]) {
        if (wanted) {
          v.setNull(o++);
        }
        continue;
      }
      float x;
      if (ids != null) {
        x = dictFloats[ids.next()];
      } else {
        x = (float) FLOAT_LE.get(values, pos);
        pos += 4;
      }
      if (wanted) {
        data.setFloat((long) o * 4, x);
        BitVectorHelper.setBit(validity, o);
        o++;
      }
    }
    return o;
  }

  private int decodeDoubles(FieldVector v, int o, int n, boolean[] keep, int keepFrom) throws IOException {
    ArrowBuf data = v.getDataBuffer();
    ArrowBuf validity = v.getValidityBuffer();
    for (int i = 0; i < n; i++) {
      boolean wanted = keep == null || keep[keepFrom + i];
      if (!present[i]) {
        if (wanted) {
          v.setNull(o++);
        }
        continue;
      }
      double x;
      if (ids != null) {
        x = dictDoubles[ids.next()];
      } else {
        x = (double) DOUBLE_LE.get(values, pos);
        pos += 8;
      }
      if (wanted) {
        data.setDouble((long) o * 8, x);
        BitVectorHelper.setBit(validity, o);
        o++;
      }
    }
    return o;
  }

  private int decodeBooleans(FieldVector v, int o, int n, boolean[] keep, int keepFrom) throws IOException {
    if (ids != null) {
      throw new IOException("dictionary-encoded booleans");
    }
    ArrowBuf data = v.getDataBuffer();
    ArrowBuf validity = v.getValidityBuffer();
    for (int i = 0; i < n; i++) {
      boolean wanted = keep == null || keep[keepFrom + i];
      if (!present[i]) {
        if (wanted) {
          v.setNull(o++);
        }
        continue;
      }
      int x = (values[bit >>> 3] >>> (bit & 7)) & 1;
      bit++;
      if (wanted) {
        BitVectorHelper.setValidityBit(data, o, x);
        BitVectorHelper.setBit(validity, o);
        o++;
      }
    }
    return o;
  }

  private int decodeVariable(BaseVariableWidthVector v, int o, int n, boolean[] keep, int keepFrom)
      throws IOException {
    for (int i = 0; i < n; i++) {
      boolean wanted = keep == null || keep[keepFrom + i];
      if (!present[i]) {
        if (wanted) {
          v.setNull(o++);
        }
        continue;
      }
      if (ids != null) {
        int id = ids.next();
        if (wanted) {
          v.setSafe(o++, dictBytes, dictOffsets[id], dictLength(id));
        }
      } else {
        int len = (int) INT_LE.get(values, pos);
        if (wanted) {
          v.setSafe(o++, values, pos + 4, len);
        }
        pos += 4 + len;
      }
    }
    return o;
  }

  private int decodeDecimals(FieldVector v, int o, int n, boolean[] keep, int keepFrom) throws IOException {
    for (int i = 0; i < n; i++) {
      boolean wanted = keep == null || keep[keepFrom + i];
      if (!present[i]) {
        if (wanted) {
          v.setNull(o++);
        }
        continue;
      }
      byte[] src;
      int start;
      if (ids != null) {
        int id = ids.next();
        src = dictBytes;
        start = dictOffsets[id];
      } else {
        src = values;
        start = pos;
        pos += fixedLength;
      }
      if (wanted) {
        // the vector copies the bytes in, so one scratch array serves every value
        System.arraycopy(src, start, decimalBytes, 0, fixedLength);
        if (v instanceof DecimalVector d) {
          d.setBigEndianSafe(o, decimalBytes);
        } else {
          ((Decimal256Vector) v).setBigEndianSafe(o, decimalBytes);
        }
        o++;
      }
    }
    return o;
  }
}
