package io.basalt.storage.column;

/**
 * Statistics of one column over a set of rows (a buffered batch, a Parquet row group, a segment).
 * Values are the kind's value objects (see {@link ColumnKind#valueClass()}).
 *
 * @param min smallest non-null value, or null when unknown or when every row is null
 * @param max largest non-null value, or null when unknown or when every row is null
 * @param nullCount rows holding null
 * @param rowCount rows covered
 */
public record ColumnStats(Object min, Object max, long nullCount, long rowCount) {

  public ColumnStats {
    if ((min == null) != (max == null)) {
      throw new IllegalArgumentException("min and max must be both known or both unknown");
    }
    if (nullCount < 0 || nullCount > rowCount) {
      throw new IllegalArgumentException("bad null count " + nullCount + " of " + rowCount);
    }
  }

  /** Statistics of a column that is absent from the data, so reads as null everywhere. */
  public static ColumnStats allNulls(long rowCount) {
    return new ColumnStats(null, null, rowCount, rowCount);
  }

  /** True when every covered row is null. */
  public boolean allNull() {
    return nullCount == rowCount;
  }

  /** True when min and max are known. */
  public boolean hasMinMax() {
    return min != null;
  }

  /** Statistics of the union of the rows of this and {@code other}. */
  public ColumnStats merge(ColumnKind kind, ColumnStats other) {
    long rows = rowCount + other.rowCount;
    long nulls = nullCount + other.nullCount;
    boolean thisEmpty = allNull();
    boolean otherEmpty = other.allNull();
    if (thisEmpty && otherEmpty) {
      return new ColumnStats(null, null, nulls, rows);
    }
    if ((!thisEmpty && !hasMinMax()) || (!otherEmpty && !other.hasMinMax())) {
      return new ColumnStats(null, null, nulls, rows);
    }
    if (thisEmpty) {
      return new ColumnStats(other.min, other.max, nulls, rows);
    }
    if (otherEmpty) {
      return new ColumnStats(min, max, nulls, rows);
    }
    Object lo = Values.compare(kind, min, other.min) <= 0 ? min : other.min;
    Object hi = Values.compare(kind, max, other.max) >= 0 ? max : other.max;
    return new ColumnStats(lo, hi, nulls, rows);
  }
}
