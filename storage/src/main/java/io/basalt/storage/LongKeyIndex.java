package io.basalt.storage;

import io.basalt.storage.column.ColumnKind;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * A {@link KeyIndex} of integers, dates, times, booleans and floats: keys as longs of the same
 * order, sorted.
 */
final class LongKeyIndex extends KeyIndex {

  private final ColumnKind kind;
  private final long[] keys;

  LongKeyIndex(ColumnKind kind, long[] keys, int[] positions) {
    super(positions);
    this.kind = kind;
    this.keys = keys;
  }

  @Override
  long bytes() {
    return 64 + 12L * keys.length;
  }

  private long key(Object value) {
    if (value instanceof Long l) {
      return l;
    }
    if (value instanceof Integer i) {
      return i;
    }
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (value instanceof Double d) {
      return sortableDouble(d);
    }
    throw new IllegalArgumentException("not a " + kind + " value: " + value);
  }

  @Override
  int from(ColumnRange r) {
    if (r.lower() == null) {
      return 0;
    }
    long k = key(r.lower());
    if (!r.lowerInclusive()) {
      if (k == Long.MAX_VALUE) {
        return keys.length;
      }
      k++;
    }
    return firstAtLeast(k);
  }

  @Override
  int to(ColumnRange r) {
    if (r.upper() == null) {
      return keys.length;
    }
    long k = key(r.upper());
    if (r.upperInclusive()) {
      if (k == Long.MAX_VALUE) {
        return keys.length;
      }
      k++;
    }
    return firstAtLeast(k);
  }

  private int firstAtLeast(long k) {
    int lo = 0;
    int hi = keys.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (keys[mid] < k) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Maps a double to a long of the same order: -0.0 as 0.0, every NaN as one NaN above +inf. */
  static long sortableDouble(double d) {
    long bits = Double.doubleToLongBits(d == 0.0 ? 0.0 : d);
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  /** Collects keys in row order, then sorts them once. */
  static final class Builder extends KeyIndex.Builder {
    private final ColumnKind kind;
    private long[] keys;
    private int[] positions;
    private int n;

    Builder(ColumnKind kind, int rows) {
      this.kind = kind;
      this.keys = new long[rows];
      this.positions = new int[rows];
    }

    @Override
    void add(FieldVector v, int count, int base) {
      if (n + count > keys.length) {
        int cap = Math.max(n + count, keys.length * 2);
        keys = Arrays.copyOf(keys, cap);
        positions = Arrays.copyOf(positions, cap);
      }
      ArrowBuf data = v.getDataBuffer();
      for (int i = 0; i < count; i++) {
        if (v.isNull(i)) {
          continue;
        }
        long k;
        switch (kind) {
          case BOOL: k = ((BitVector) v).get(i); break;
          case INT8: k = data.getByte(i); break;
          case INT16: k = data.getShort((long) i * 2); break;
          case INT32: case DATE: k = data.getInt((long) i * 4); break;
          case FLOAT32: k = sortableDouble(data.getFloat((long) i * 4)); break;
          case FLOAT64: k = sortableDouble(data.getDouble((long) i * 8)); break;
          default: k = data.getLong((long) i * 8); break;
        }
        keys[n] = k;
        positions[n++] = base + i;
      }
    }

    @Override
    KeyIndex build() {
      long[] k = n == keys.length ? keys : Arrays.copyOf(keys, n);
      int[] p = n == positions.length ? positions : Arrays.copyOf(positions, n);
      keys = null;
      positions = null;
      radixSort(k, p);
      return new LongKeyIndex(kind, k, p);
    }
  }

  /**
   * Sorts {@code keys} (signed) carrying {@code positions} along: LSD radix, a byte per pass,
   * skipping the passes where every key has the same byte. Stable, so equal keys keep their
   * positions ascending.
   */
  static void radixSort(long[] keys, int[] positions) {
    int n = keys.length;
    boolean sorted = true;
    for (int i = 1; i < n && sorted; i++) {
      sorted = keys[i - 1] <= keys[i];
    }
    if (sorted) {
      return;
    }
    long[] srcK = keys;
    int[] srcP = positions;
    long[] dstK = new long[n];
    int[] dstP = new int[n];
    int[] count = new int[257];
    for (int shift = 0; shift < 64; shift += 8) {
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[digit(srcK[i], shift) + 1]++;
      }
      boolean trivial = false;
      for (int d = 1; d <= 256 && !trivial; d++) {
        trivial = count[d] == n;
      }
      if (trivial) {
        continue;
      }
      for (int d = 1; d <= 256; d++) {
        count[d] += count[d - 1];
      }
      for (int i = 0; i < n; i++) {
        int at = count[digit(srcK[i], shift)]++;
        dstK[at] = srcK[i];
        dstP[at] = srcP[i];
      }
      long[] tk = srcK;
      srcK = dstK;
      dstK = tk;
      int[] tp = srcP;
      srcP = dstP;
      dstP = tp;
    }
    if (srcK != keys) {
      System.arraycopy(srcK, 0, keys, 0, n);
      System.arraycopy(srcP, 0, positions, 0, n);
    }
  }

  private static int digit(long key, int shift) {
    return (int) ((key ^ Long.MIN_VALUE) >>> shift) & 0xFF;
  }
}
