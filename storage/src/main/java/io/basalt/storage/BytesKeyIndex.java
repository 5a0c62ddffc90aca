package io.basalt.storage;

import io.basalt.storage.column.ColumnKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * A {@link KeyIndex} of strings, binaries and decimals: keys as byte strings compared unsigned,
 * sorted. Strings are their UTF-8 (whose order is code point order), binaries their bytes, and
 * decimals, all of the column's scale, the big-endian two's complement unscaled value with its
 * sign bit flipped.
 */
final class BytesKeyIndex extends KeyIndex {

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

  /** The key of an unscaled decimal value that fits {@code width} bytes. */
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

  /** Collects keys in row order, then sorts them once. */
  static final class Builder extends KeyIndex.Builder {
    private final ColumnKind kind;
    private final int scale;
    private byte[] data;
    private int[] offsets;
    private int[] positions;
    private int n;
    private int used;

    Builder(ColumnKind kind, int scale, int rows) {
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
      boolean variable = kind == ColumnKind.UTF8 || kind == ColumnKind.BINARY;
      ArrowBuf off = variable ? v.getOffsetBuffer() : null;
      int width = kind == ColumnKind.DECIMAL128 ? 16 : 32;
      for (int i = 0; i < count; i++) {
        if (v.isNull(i)) {
          continue;
        }
        if (variable) {
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
      if ((long) used + more > data.length) {
        data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) used + more,
            2L * data.length)));
        if ((long) used + more > data.length) {
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
