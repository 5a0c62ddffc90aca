package io.basalt.storage;

import io.basalt.storage.column.ColumnKind;
import io.basalt.storage.column.ColumnSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * A sorted index of one column of one immutable source (a segment or a buffered batch): its
 * non-null values in the column's order ({@link io.basalt.storage.column.Values}) with the row
 * position of each, in primitive arrays and no object per row. Integer kinds, dates, times,
 * booleans and floats are held as order-preserving longs; strings, binaries and decimals as
 * order-preserving byte strings. Immutable and thread-safe once built.
 */
abstract class KeyIndex {

  private final int[] positions;

  private KeyIndex(int[] positions) {
    this.positions = positions;
  }

  /** A builder for an index of {@code column} over about {@code rows} rows. */
  static Builder builder(ColumnSpec column, int rows) {
    ColumnKind kind = column.kind();
    switch (kind) {
      case UTF8: case BINARY: return new BytesBuilder(kind, 0, rows);
      case DECIMAL128: case DECIMAL256:
        return new BytesBuilder(kind, ((ArrowType.Decimal) column.type()).getScale(), rows);
      default: return new LongBuilder(kind, rows);
    }
  }

  /** Non-null keys in the index. */
  final int size() {
    return positions.length;
  }

  /** Approximate heap bytes held. */
  abstract long bytes();

  /**
   * The first entry of the range: the first whose key is at or above {@code r}'s lower bound,
   * 0 without one. {@code r} is a {@link ColumnRange.Kind#VALUES} range with values normalized
   * to the column's kind.
   */
  abstract int from(ColumnRange r);

  /** The end (exclusive) of the range: the first entry whose key is above {@code r}'s upper bound. */
  abstract int to(ColumnRange r);

  /** Row positions of entries [from, to), ascending. */
  final int[] positions(int from, int to) {
    int[] out = Arrays.copyOfRange(positions, from, to);
    Arrays.sort(out);
    return out;
  }

  /** Adds rows of vectors to an index under construction. */
  abstract static class Builder {

    /** Adds rows [0, count) of {@code v}, which are rows {@code base, base + 1, ...} of the source. */
    abstract void add(FieldVector v, int count, int base);

    abstract KeyIndex build();
  }

  /** Whether a string bound can be compared through the index (its UTF-8 bytes keep its order). */
  static boolean usableBound(Object value) {
    if (!(value instanceof String s)) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false; // unpaired: UTF-8 encoding would replace it
      }
    }
    return true;
  }

  // ---- longs ----

  /** Maps a double to a long of the same order: -0.0 as 0.0, every NaN as one NaN above +inf. */
  static long sortableDouble(double d) {
    long bits = Double.doubleToLongBits(d == 0.0 ? 0.0 : d);
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  private static final class LongKeyIndex extends KeyIndex {
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
  }

  private static final class LongBuilder extends Builder {
    private final ColumnKind kind;
    private long[] keys;
    private int[] positions;
    private int n;

    LongBuilder(ColumnKind kind, int rows) {
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

  // ---- byte strings ----

  /**
   * Keys as byte strings compared unsigned: UTF-8 for strings (code point order), the bytes for
   * binaries, and for decimals the big-endian two's complement unscaled value (all of the
   * column's scale) with its sign bit flipped.
   */
  private static final class BytesKeyIndex extends KeyIndex {
    private final ColumnKind kind;
    private final int scale;
    private final byte[] data;
    private final int[] offsets;

    BytesKeyIndex(ColumnKind kind, int scale, byte[] data, int[] offsets, int[] positions) {
      super(positions);
      this.kind = kind;
      this.scale = scale;
      this.data = data;
      this.offsets = offsets;
    }

    @Override
    long bytes() {
      return 96 + data.length + 8L * size();
    }

    @Override
    int from(ColumnRange r) {
      if (r.lower() == null) {
        return 0;
      }
      Bound b = bound(r.lower(), r.lowerInclusive(), true);
      if (b.key == null) {
        return b.aboveAll ? size() : 0;
      }
      return b.inclusive ? firstAtLeast(b.key, false) : firstAtLeast(b.key, true);
    }

    @Override
    int to(ColumnRange r) {
      if (r.upper() == null) {
        return size();
      }
      Bound b = bound(r.upper(), r.upperInclusive(), false);
      if (b.key == null) {
        return b.aboveAll ? size() : 0;
      }
      return b.inclusive ? firstAtLeast(b.key, true) : firstAtLeast(b.key, false);
    }

    /** The first entry whose key is >= {@code k}, or > {@code k} when {@code strictly}. */
    private int firstAtLeast(byte[] k, boolean strictly) {
      int lo = 0;
      int hi = size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        int c = Arrays.compareUnsigned(data, offsets[mid], offsets[mid + 1], k, 0, k.length);
        if (c < 0 || (strictly && c == 0)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** An encoded bound; a null key means the bound lies beyond every representable key. */
    private record Bound(byte[] key, boolean inclusive, boolean aboveAll) {
    }

    private Bound bound(Object value, boolean inclusive, boolean lower) {
      switch (kind) {
        case UTF8: return new Bound(((String) value).getBytes(StandardCharsets.UTF_8), inclusive, false);
        case BINARY: return new Bound((byte[]) value, inclusive, false);
        default: break;
      }
      // Stored decimals are multiples of 10^-scale: round a finer bound inward, which keeps it
      // exact and makes it inclusive.
      BigDecimal d = (BigDecimal) value;
      BigDecimal scaled = d.setScale(scale, lower ? RoundingMode.CEILING : RoundingMode.FLOOR);
      boolean incl = inclusive || scaled.compareTo(d) != 0;
      int width = kind == ColumnKind.DECIMAL128 ? 16 : 32;
      BigInteger unscaled = scaled.unscaledValue();
      if (unscaled.bitLength() >= width * 8) {
        return new Bound(null, incl, unscaled.signum() > 0);
      }
      return new Bound(decimalKey(unscaled, width), incl, false);
    }
  }

  static byte[] decimalKey(BigInteger unscaled, int width) {
    byte[] minimal = unscaled.toByteArray();
    byte[] out = new byte[width];
    byte fill = (byte) (unscaled.signum() < 0 ? 0xFF : 0);
    int pad = width - minimal.length;
    Arrays.fill(out, 0, pad, fill);
    System.arraycopy(minimal, 0, out, pad, minimal.length);
    out[0] ^= (byte) 0x80;
    return out;
  }

  private static final class BytesBuilder extends Builder {
    private final ColumnKind kind;
    private final int scale;
    private byte[] data;
    private int[] offsets;
    private int[] positions;
    private int n;
    private int used;

    BytesBuilder(ColumnKind kind, int scale, int rows) {
      this.kind = kind;
      this.scale = scale;
      long guess = (long) rows * (kind == ColumnKind.DECIMAL256 ? 32 : kind == ColumnKind.DECIMAL128 ? 16 : 8);
      this.data = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(64, guess))];
      this.offsets = new int[rows + 1];
      this.positions = new int[rows];
    }

    @Override
    void add(FieldVector v, int count, int base) {
      if (n + count > positions.length) {
        int cap = Math.max(n + count, positions.length * 2);
        positions = Arrays.copyOf(positions, cap);
        offsets = Arrays.copyOf(offsets, cap + 1);
      }
      ArrowBuf buf = v.getDataBuffer();
      int width = kind == ColumnKind.DECIMAL128 ? 16 : 32;
      for (int i = 0; i < count; i++) {
        if (v.isNull(i)) {
          continue;
        }
        if (kind == ColumnKind.UTF8 || kind == ColumnKind.BINARY) {
          ArrowBuf off = v.getOffsetBuffer();
          int start = off.getInt((long) i * 4);
          int len = off.getInt((long) (i + 1) * 4) - start;
          ensure(len);
          buf.getBytes(start, data, used, len);
          used += len;
        } else {
          ensure(width);
          long at = (long) i * width;
          for (int b = 0; b < width; b++) {
            data[used + b] = buf.getByte(at + width - 1 - b); // Arrow is little-endian
          }
          data[used] ^= (byte) 0x80;
          used += width;
        }
        positions[n] = base + i;
        offsets[++n] = used;
      }
    }

    private void ensure(int more) {
      if (used + more > data.length) {
        data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) used + more,
            2L * data.length)));
        if (used + more > data.length) {
          throw new StorageException("key index of more than 2 GiB");
        }
      }
    }

    @Override
    KeyIndex build() {
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      byte[] d = data;
      int[] off = offsets;
      mergeSort(order, new int[n], 0, n, (a, b) -> Arrays.compareUnsigned(d, off[a], off[a + 1], d, off[b],
          off[b + 1]));
      byte[] sortedData = new byte[used];
      int[] sortedOffsets = new int[n + 1];
      int[] sortedPositions = new int[n];
      int at = 0;
      for (int i = 0; i < n; i++) {
        int o = order[i];
        int len = off[o + 1] - off[o];
        System.arraycopy(d, off[o], sortedData, at, len);
        at += len;
        sortedOffsets[i + 1] = at;
        sortedPositions[i] = positions[o];
      }
      data = null;
      offsets = null;
      positions = null;
      return new BytesKeyIndex(kind, scale, sortedData, sortedOffsets, sortedPositions);
    }
  }

  /** Compares two entries by their ordinal. */
  private interface EntryOrder {
    int compare(int a, int b);
  }

  /** Stable merge sort of {@code a[from, to)}; already ordered halves are not merged. */
  private static void mergeSort(int[] a, int[] tmp, int from, int to, EntryOrder order) {
    if (to - from <= 16) {
      for (int i = from + 1; i < to; i++) {
        int x = a[i];
        int j = i - 1;
        while (j >= from && order.compare(a[j], x) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = x;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, tmp, from, mid, order);
    mergeSort(a, tmp, mid, to, order);
    if (order.compare(a[mid - 1], a[mid]) <= 0) {
      return;
    }
    System.arraycopy(a, from, tmp, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < mid && order.compare(tmp[i], tmp[j]) <= 0)) {
        a[k] = tmp[i++];
      } else {
        a[k] = tmp[j++];
      }
    }
  }
}
