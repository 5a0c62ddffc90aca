package io.basalt.storage;

/**
 * A pruning hint on one column: data whose statistics show that no row can satisfy the range is
 * skipped without being read. Rows of data that is read are returned whether or not they satisfy
 * it: the caller still evaluates its predicate.
 *
 * <p>Values use each column kind's value objects: Long for every integer type and for
 * TIMESTAMP/TIME micros, Double for floats, BigDecimal for decimals, String for Utf8, byte[] for
 * Binary, Integer epoch days for DATE, Boolean. Strings compare by code point (a binary
 * collation): push string ranges only for binary-collated comparisons.
 *
 * @param columnId the column
 * @param kind {@link Kind#VALUES} for a range of non-null values, {@link Kind#NULL} for IS NULL
 * @param lower lower bound, or null for none
 * @param lowerInclusive whether {@code lower} itself is in the range
 * @param upper upper bound, or null for none
 * @param upperInclusive whether {@code upper} itself is in the range
 */
public record ColumnRange(int columnId, Kind kind, Object lower, boolean lowerInclusive, Object upper,
                          boolean upperInclusive) {

  /** What a range matches. */
  public enum Kind {
    /** Non-null values between the bounds; with no bounds, IS NOT NULL. */
    VALUES,
    /** Null values only (IS NULL); bounds must be null. */
    NULL
  }

  public ColumnRange {
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null");
    }
    if (kind == Kind.NULL && (lower != null || upper != null)) {
      throw new IllegalArgumentException("an IS NULL range has no bounds");
    }
  }

  /** A range of non-null values; null bounds are unbounded. */
  public ColumnRange(int columnId, Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {
    this(columnId, Kind.VALUES, lower, lowerInclusive, upper, upperInclusive);
  }

  /** {@code column = value}. */
  public static ColumnRange equalTo(int columnId, Object value) {
    return new ColumnRange(columnId, value, true, value, true);
  }

  /** {@code lower <= column <= upper}. */
  public static ColumnRange between(int columnId, Object lower, Object upper) {
    return new ColumnRange(columnId, lower, true, upper, true);
  }

  /** {@code column > value} or, if inclusive, {@code >=}. */
  public static ColumnRange greaterThan(int columnId, Object value, boolean inclusive) {
    return new ColumnRange(columnId, value, inclusive, null, false);
  }

  /** {@code column < value} or, if inclusive, {@code <=}. */
  public static ColumnRange lessThan(int columnId, Object value, boolean inclusive) {
    return new ColumnRange(columnId, null, false, value, inclusive);
  }

  /** {@code column IS NULL}. */
  public static ColumnRange isNull(int columnId) {
    return new ColumnRange(columnId, Kind.NULL, null, false, null, false);
  }

  /** {@code column IS NOT NULL}. */
  public static ColumnRange isNotNull(int columnId) {
    return new ColumnRange(columnId, null, false, null, false);
  }
}
