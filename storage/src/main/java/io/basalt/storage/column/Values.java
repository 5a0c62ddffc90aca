package io.basalt.storage.column;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Value objects of column kinds: normalization of caller-supplied bounds and the one ordering
 * used by statistics and pruning. Strings order by code point (= UTF-8 byte order, as Parquet
 * does), binaries by unsigned bytes, doubles numerically with -0.0 equal to 0.0 and NaN largest.
 */
public final class Values {

  private Values() {
  }

  /** Compares two non-null value objects of the same kind. */
  public static int compare(ColumnKind kind, Object a, Object b) {
    switch (kind) {
      case BOOL:
        return Boolean.compare((Boolean) a, (Boolean) b);
      case FLOAT32:
      case FLOAT64:
        return compareDoubles((Double) a, (Double) b);
      case DECIMAL128:
      case DECIMAL256:
        return ((BigDecimal) a).compareTo((BigDecimal) b);
      case UTF8:
        return compareCodePoints((String) a, (String) b);
      case BINARY:
        return Arrays.compareUnsigned((byte[]) a, (byte[]) b);
      case DATE:
        return Integer.compare((Integer) a, (Integer) b);
      default:
        return Long.compare((Long) a, (Long) b);
    }
  }

  /** Numeric order, except that NaN is above everything; -0.0 equals 0.0 as in SQL. */
  public static int compareDoubles(double a, double b) {
    if (a < b) {
      return -1;
    }
    if (a > b) {
      return 1;
    }
    if (a == b) {
      return 0;
    }
    return Boolean.compare(Double.isNaN(a), Double.isNaN(b));
  }

  /** Orders strings by Unicode code point, which is the order of their UTF-8 bytes. */
  public static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        // Surrogates (U+D800..U+DFFF) encode code points above U+FFFF, so they sort after
        // every other BMP char even though U+E000..U+FFFF are numerically larger.
        boolean sa = Character.isSurrogate(ca);
        boolean sb = Character.isSurrogate(cb);
        if (sa != sb) {
          return sa ? 1 : -1;
        }
        return Character.compare(ca, cb);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  /**
   * Converts a caller-supplied bound to the kind's value class: any integral number for integer
   * kinds, any number for floats and decimals, a {@link LocalDate} or number for dates.
   *
   * @throws IllegalArgumentException if the object cannot represent a value of the kind
   */
  public static Object normalize(ColumnKind kind, Object value) {
    switch (kind) {
      case BOOL:
        if (value instanceof Boolean) {
          return value;
        }
        break;
      case INT8: case INT16: case INT32: case INT64: case TIMESTAMP: case TIME:
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
          return ((Number) value).longValue();
        }
        break;
      case FLOAT32: case FLOAT64:
        if (value instanceof Number n && !(value instanceof BigDecimal) && !(value instanceof BigInteger)) {
          return n.doubleValue();
        }
        if (value instanceof BigDecimal d) {
          return d.doubleValue();
        }
        break;
      case DECIMAL128: case DECIMAL256:
        if (value instanceof BigDecimal) {
          return value;
        }
        if (value instanceof BigInteger i) {
          return new BigDecimal(i);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
          return BigDecimal.valueOf(((Number) value).longValue());
        }
        break;
      case UTF8:
        if (value instanceof String) {
          return value;
        }
        break;
      case BINARY:
        if (value instanceof byte[]) {
          return value;
        }
        break;
      case DATE:
        if (value instanceof Integer) {
          return value;
        }
        if (value instanceof LocalDate d) {
          return Math.toIntExact(d.toEpochDay());
        }
        if (value instanceof Long l) {
          return Math.toIntExact(l);
        }
        break;
      default:
        throw new AssertionError(kind);
    }
    throw new IllegalArgumentException(
        "a " + kind + " column needs " + kind.valueClass().getSimpleName() + " values, got "
            + (value == null ? "null" : value.getClass().getSimpleName()));
  }
}
