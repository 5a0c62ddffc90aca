package io.basalt.storage.column;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The physical column kinds storage supports, one per accepted Arrow type. Every place that
 * switches on a column's type (Parquet mapping, statistics, value objects) switches on this.
 */
public enum ColumnKind {
  BOOL, INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, DECIMAL128, DECIMAL256, UTF8, BINARY, DATE,
  TIMESTAMP, TIME;

  /** Largest precision of a 128-bit decimal. */
  public static final int MAX_DECIMAL128_PRECISION = 38;
  /** Largest precision of a 256-bit decimal. */
  public static final int MAX_DECIMAL256_PRECISION = 76;

  /**
   * Maps an Arrow type to its kind.
   *
   * @throws IllegalArgumentException if storage does not support the type
   */
  public static ColumnKind of(ArrowType type) {
    if (type instanceof ArrowType.Bool) {
      return BOOL;
    }
    if (type instanceof ArrowType.Int i && i.getIsSigned()) {
      switch (i.getBitWidth()) {
        case 8: return INT8;
        case 16: return INT16;
        case 32: return INT32;
        case 64: return INT64;
        default: break;
      }
    }
    if (type instanceof ArrowType.FloatingPoint f) {
      if (f.getPrecision() == FloatingPointPrecision.SINGLE) {
        return FLOAT32;
      }
      if (f.getPrecision() == FloatingPointPrecision.DOUBLE) {
        return FLOAT64;
      }
    }
    if (type instanceof ArrowType.Decimal d && d.getScale() >= 0 && d.getScale() <= d.getPrecision()) {
      if (d.getBitWidth() == 128 && d.getPrecision() >= 1 && d.getPrecision() <= MAX_DECIMAL128_PRECISION) {
        return DECIMAL128;
      }
      if (d.getBitWidth() == 256 && d.getPrecision() >= 1 && d.getPrecision() <= MAX_DECIMAL256_PRECISION) {
        return DECIMAL256;
      }
    }
    if (type instanceof ArrowType.Utf8) {
      return UTF8;
    }
    if (type instanceof ArrowType.Binary) {
      return BINARY;
    }
    if (type instanceof ArrowType.Date d && d.getUnit() == DateUnit.DAY) {
      return DATE;
    }
    if (type instanceof ArrowType.Timestamp t && t.getUnit() == TimeUnit.MICROSECOND && t.getTimezone() == null) {
      return TIMESTAMP;
    }
    if (type instanceof ArrowType.Time t && t.getUnit() == TimeUnit.MICROSECOND && t.getBitWidth() == 64) {
      return TIME;
    }
    throw new IllegalArgumentException("unsupported column type: " + type);
  }

  /** True for the kinds whose value objects are {@link Long} (all integers, timestamps, times). */
  public boolean isLongValued() {
    return this == INT8 || this == INT16 || this == INT32 || this == INT64 || this == TIMESTAMP || this == TIME;
  }

  /** The Java class of this kind's value objects (statistics, range bounds). */
  public Class<?> valueClass() {
    switch (this) {
      case BOOL: return Boolean.class;
      case INT8: case INT16: case INT32: case INT64: case TIMESTAMP: case TIME: return Long.class;
      case FLOAT32: case FLOAT64: return Double.class;
      case DECIMAL128: case DECIMAL256: return java.math.BigDecimal.class;
      case UTF8: return String.class;
      case BINARY: return byte[].class;
      case DATE: return Integer.class;
      default: throw new AssertionError(this);
    }
  }
}
