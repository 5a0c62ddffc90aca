package io.basalt.storage.column;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Accumulates {@link ColumnStats} over values read straight from Arrow buffers: no value object
 * is created per row, only for the final min and max.
 */
public abstract class StatsCollector {

  /** Longer string/binary extremes are not kept (statistics stay small in RocksDB). */
  public static final int MAX_STAT_BYTES = 256;

  private long nulls;
  private long rows;
  /** Whether at least one non-null value was seen. */
  protected boolean seen;

  /** A collector for a column of the given type. */
  public static StatsCollector forType(ArrowType type) {
    ColumnKind kind = ColumnKind.of(type);
    switch (kind) {
      case BOOL: return new BoolStats();
      case INT8: return new LongStats(1, false);
      case INT16: return new LongStats(2, false);
      case INT32: return new LongStats(4, false);
      case DATE: return new LongStats(4, true);
      case INT64: case TIMESTAMP: case TIME: return new LongStats(8, false);
      case FLOAT32: return new DoubleStats(4);
      case FLOAT64: return new DoubleStats(8);
      case DECIMAL128: return new DecimalStats(16, ((ArrowType.Decimal) type).getScale());
      case DECIMAL256: return new DecimalStats(32, ((ArrowType.Decimal) type).getScale());
      case UTF8: return new BytesStats(true);
      case BINARY: return new BytesStats(false);
      default: throw new AssertionError(kind);
    }
  }

  /** Statistics of a whole vector's rows. */
  public static ColumnStats of(FieldVector vector, int rowCount) {
    StatsCollector c = forType(vector.getField().getType());
    for (int i = 0; i < rowCount; i++) {
      c.add(vector, i);
    }
    return c.finish();
  }

  /** Counts rows that are null because the column is absent from their data. */
  public final void addNulls(long count) {
    nulls += count;
    rows += count;
  }

  /** Adds the value at {@code index} of {@code vector}, which must be of this collector's type. */
  public final void add(FieldVector vector, int index) {
    rows++;
    if (vector.isNull(index)) {
      nulls++;
    } else {
      accept(vector, index);
    }
  }

  /** Takes one non-null value. */
  protected abstract void accept(FieldVector vector, int index);

  /** The minimum value object, only called when a value was seen. */
  protected abstract Object minValue();

  /** The maximum value object, only called when a value was seen. */
  protected abstract Object maxValue();

  /** The statistics of everything added so far. */
  public final ColumnStats finish() {
    if (!seen) {
      return new ColumnStats(null, null, nulls, rows);
    }
    Object min = minValue();
    Object max = maxValue();
    if (min == null || max == null) {
      return new ColumnStats(null, null, nulls, rows);
    }
    return new ColumnStats(min, max, nulls, rows);
  }

  private static final class BoolStats extends StatsCollector {
    private boolean hasFalse;
    private boolean hasTrue;

    @Override
    protected void accept(FieldVector vector, int index) {
      seen = true;
      if (((BitVector) vector).get(index) != 0) {
        hasTrue = true;
      } else {
        hasFalse = true;
      }
    }

    @Override
    protected Object minValue() {
      return !hasFalse;
    }

    @Override
    protected Object maxValue() {
      return hasTrue;
    }
  }

  private static final class LongStats extends StatsCollector {
    private final int width;
    private final boolean asInteger;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    LongStats(int width, boolean asInteger) {
      this.width = width;
      this.asInteger = asInteger;
    }

    @Override
    protected void accept(FieldVector vector, int index) {
      seen = true;
      ArrowBuf data = vector.getDataBuffer();
      long offset = (long) index * width;
      long v;
      switch (width) {
        case 1: v = data.getByte(offset); break;
        case 2: v = data.getShort(offset); break;
        case 4: v = data.getInt(offset); break;
        default: v = data.getLong(offset); break;
      }
      if (v < min) {
        min = v;
      }
      if (v > max) {
        max = v;
      }
    }

    @Override
    protected Object minValue() {
      return asInteger ? (Object) (int) min : (Object) min;
    }

    @Override
    protected Object maxValue() {
      return asInteger ? (Object) (int) max : (Object) max;
    }
  }

  private static final class DoubleStats extends StatsCollector {
    private final int width;
    private double min = Double.NaN;
    private double max = Double.NaN;

    DoubleStats(int width) {
      this.width = width;
    }

    @Override
    protected void accept(FieldVector vector, int index) {
      ArrowBuf data = vector.getDataBuffer();
      double v = width == 4 ? data.getFloat((long) index * 4) : data.getDouble((long) index * 8);
      if (!seen) {
        min = v;
        max = v;
        seen = true;
        return;
      }
      if (Values.compareDoubles(v, min) < 0) {
        min = v;
      }
      if (Values.compareDoubles(v, max) > 0) {
        max = v;
      }
    }

    @Override
    protected Object minValue() {
      return min;
    }

    @Override
    protected Object maxValue() {
      return max;
    }
  }

  /** Decimals compare as little-endian two's complement integers, most significant word first. */
  private static final class DecimalStats extends StatsCollector {
    private final int width;
    private final int scale;
    private final long[] min;
    private final long[] max;
    private final long[] cur;

    DecimalStats(int width, int scale) {
      this.width = width;
      this.scale = scale;
      this.min = new long[width / 8];
      this.max = new long[width / 8];
      this.cur = new long[width / 8];
    }

    @Override
    protected void accept(FieldVector vector, int index) {
      ArrowBuf data = vector.getDataBuffer();
      long base = (long) index * width;
      int words = cur.length;
      for (int w = 0; w < words; w++) {
        cur[w] = data.getLong(base + 8L * (words - 1 - w)); // cur[0] is the most significant
      }
      if (!seen) {
        System.arraycopy(cur, 0, min, 0, words);
        System.arraycopy(cur, 0, max, 0, words);
        seen = true;
        return;
      }
      if (compareWords(cur, min) < 0) {
        System.arraycopy(cur, 0, min, 0, words);
      }
      if (compareWords(cur, max) > 0) {
        System.arraycopy(cur, 0, max, 0, words);
      }
    }

    private static int compareWords(long[] a, long[] b) {
      int c = Long.compare(a[0], b[0]);
      if (c != 0) {
        return c;
      }
      for (int i = 1; i < a.length; i++) {
        c = Long.compareUnsigned(a[i], b[i]);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }

    private BigDecimal toDecimal(long[] words) {
      byte[] be = new byte[width];
      for (int w = 0; w < words.length; w++) {
        long v = words[w];
        for (int b = 7; b >= 0; b--) {
          be[w * 8 + b] = (byte) v;
          v >>>= 8;
        }
      }
      return new BigDecimal(new BigInteger(be), scale);
    }

    @Override
    protected Object minValue() {
      return toDecimal(min);
    }

    @Override
    protected Object maxValue() {
      return toDecimal(max);
    }
  }

  private static final class BytesStats extends StatsCollector {
    private final boolean utf8;
    private byte[] scratch = new byte[64];
    private byte[] min;
    private int minLen;
    private byte[] max;
    private int maxLen;

    BytesStats(boolean utf8) {
      this.utf8 = utf8;
    }

    @Override
    protected void accept(FieldVector vector, int index) {
      BaseVariableWidthVector v = (BaseVariableWidthVector) vector;
      ArrowBuf offsets = v.getOffsetBuffer();
      int start = offsets.getInt((long) index * 4);
      int len = offsets.getInt((long) (index + 1) * 4) - start;
      if (scratch.length < len) {
        scratch = new byte[Math.max(len, scratch.length * 2)];
      }
      v.getDataBuffer().getBytes(start, scratch, 0, len);
      if (!seen) {
        min = Arrays.copyOf(scratch, len);
        minLen = len;
        max = Arrays.copyOf(scratch, len);
        maxLen = len;
        seen = true;
        return;
      }
      if (Arrays.compareUnsigned(scratch, 0, len, min, 0, minLen) < 0) {
        min = Arrays.copyOf(scratch, len);
        minLen = len;
      }
      if (Arrays.compareUnsigned(scratch, 0, len, max, 0, maxLen) > 0) {
        max = Arrays.copyOf(scratch, len);
        maxLen = len;
      }
    }

    private Object value(byte[] bytes) {
      if (bytes.length > MAX_STAT_BYTES) {
        return null;
      }
      return utf8 ? new String(bytes, StandardCharsets.UTF_8) : bytes;
    }

    @Override
    protected Object minValue() {
      return value(min);
    }

    @Override
    protected Object maxValue() {
      return value(max);
    }
  }
}
