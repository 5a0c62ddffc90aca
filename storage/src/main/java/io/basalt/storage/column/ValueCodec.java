package io.basalt.storage.column;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Binary encoding of column types, column specs, value objects and statistics for storage's
 * RocksDB records. Explicit and versioned by the records that embed it; never Java serialization.
 */
public final class ValueCodec {

  private ValueCodec() {
  }

  /** Writes a supported Arrow type. */
  public static void writeType(ArrowType type, DataOutput out) throws IOException {
    ColumnKind kind = ColumnKind.of(type);
    out.writeByte(kind.ordinal());
    if (kind == ColumnKind.DECIMAL128 || kind == ColumnKind.DECIMAL256) {
      ArrowType.Decimal d = (ArrowType.Decimal) type;
      out.writeByte(d.getPrecision());
      out.writeByte(d.getScale());
    }
  }

  /** Reads a type written by {@link #writeType}. */
  public static ArrowType readType(DataInput in) throws IOException {
    ColumnKind kind = ColumnKind.values()[in.readUnsignedByte()];
    switch (kind) {
      case BOOL: return ArrowType.Bool.INSTANCE;
      case INT8: return new ArrowType.Int(8, true);
      case INT16: return new ArrowType.Int(16, true);
      case INT32: return new ArrowType.Int(32, true);
      case INT64: return new ArrowType.Int(64, true);
      case FLOAT32: return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case FLOAT64: return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case DECIMAL128: case DECIMAL256: {
        int precision = in.readUnsignedByte();
        int scale = in.readUnsignedByte();
        return new ArrowType.Decimal(precision, scale, kind == ColumnKind.DECIMAL128 ? 128 : 256);
      }
      case UTF8: return ArrowType.Utf8.INSTANCE;
      case BINARY: return ArrowType.Binary.INSTANCE;
      case DATE: return new ArrowType.Date(DateUnit.DAY);
      case TIMESTAMP: return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
      case TIME: return new ArrowType.Time(TimeUnit.MICROSECOND, 64);
      default: throw new AssertionError(kind);
    }
  }

  /** Writes a list of column specs. */
  public static void writeColumns(List<ColumnSpec> columns, DataOutput out) throws IOException {
    out.writeInt(columns.size());
    for (ColumnSpec c : columns) {
      out.writeInt(c.id());
      out.writeUTF(c.name());
      out.writeBoolean(c.nullable());
      writeType(c.type(), out);
    }
  }

  /** Reads a list written by {@link #writeColumns}. */
  public static List<ColumnSpec> readColumns(DataInput in) throws IOException {
    int n = in.readInt();
    List<ColumnSpec> columns = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int id = in.readInt();
      String name = in.readUTF();
      boolean nullable = in.readBoolean();
      columns.add(new ColumnSpec(id, name, readType(in), nullable));
    }
    return columns;
  }

  /** Writes one non-null value object of the kind. */
  public static void writeValue(ColumnKind kind, Object value, DataOutput out) throws IOException {
    switch (kind) {
      case BOOL: out.writeBoolean((Boolean) value); break;
      case FLOAT32: case FLOAT64: out.writeDouble((Double) value); break;
      case DECIMAL128: case DECIMAL256: {
        BigDecimal d = (BigDecimal) value;
        out.writeInt(d.scale());
        writeBytes(d.unscaledValue().toByteArray(), out);
        break;
      }
      case UTF8: writeBytes(((String) value).getBytes(StandardCharsets.UTF_8), out); break;
      case BINARY: writeBytes((byte[]) value, out); break;
      case DATE: out.writeInt((Integer) value); break;
      default: out.writeLong((Long) value); break;
    }
  }

  /** Reads a value written by {@link #writeValue}. */
  public static Object readValue(ColumnKind kind, DataInput in) throws IOException {
    switch (kind) {
      case BOOL: return in.readBoolean();
      case FLOAT32: case FLOAT64: return in.readDouble();
      case DECIMAL128: case DECIMAL256: {
        int scale = in.readInt();
        return new BigDecimal(new BigInteger(readBytes(in)), scale);
      }
      case UTF8: return new String(readBytes(in), StandardCharsets.UTF_8);
      case BINARY: return readBytes(in);
      case DATE: return in.readInt();
      default: return in.readLong();
    }
  }

  /** Writes statistics of a column of the kind. */
  public static void writeStats(ColumnKind kind, ColumnStats stats, DataOutput out) throws IOException {
    out.writeLong(stats.rowCount());
    out.writeLong(stats.nullCount());
    out.writeBoolean(stats.hasMinMax());
    if (stats.hasMinMax()) {
      writeValue(kind, stats.min(), out);
      writeValue(kind, stats.max(), out);
    }
  }

  /** Reads statistics written by {@link #writeStats}. */
  public static ColumnStats readStats(ColumnKind kind, DataInput in) throws IOException {
    long rows = in.readLong();
    long nulls = in.readLong();
    if (in.readBoolean()) {
      Object min = readValue(kind, in);
      Object max = readValue(kind, in);
      return new ColumnStats(min, max, nulls, rows);
    }
    return new ColumnStats(null, null, nulls, rows);
  }

  private static void writeBytes(byte[] bytes, DataOutput out) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static byte[] readBytes(DataInput in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return b;
  }
}
