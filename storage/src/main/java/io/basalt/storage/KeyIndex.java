package io.basalt.storage;

import io.basalt.storage.column.ColumnKind;
import io.basalt.storage.column.ColumnSpec;
import java.util.Arrays;
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

  KeyIndex(int[] positions) {
    this.positions = positions;
  }

  /** A builder for an index of {@code column} over about {@code rows} rows. */
  static Builder builder(ColumnSpec column, int rows) {
    ColumnKind kind = column.kind();
    switch (kind) {
      case UTF8: case BINARY: return new BytesKeyIndex.Builder(kind, 0, rows);
      case DECIMAL128: case DECIMAL256:
        return new BytesKeyIndex.Builder(kind, ((ArrowType.Decimal) column.type()).getScale(), rows);
      default: return new LongKeyIndex.Builder(kind, rows);
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
}
