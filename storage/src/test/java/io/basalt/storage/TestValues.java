package io.basalt.storage;

import io.basalt.storage.column.ColumnSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

/** A table with one column of every supported type, deterministic rows, and value reading. */
final class TestValues {

  private TestValues() {
  }

  static TableLayout allTypes(long tableId) {
    List<ColumnSpec> cs = new ArrayList<>();
    cs.add(new ColumnSpec(1, "id", new ArrowType.Int(64, true), false));
    cs.add(new ColumnSpec(2, "b", ArrowType.Bool.INSTANCE, true));
    cs.add(new ColumnSpec(3, "i8", new ArrowType.Int(8, true), true));
    cs.add(new ColumnSpec(4, "i16", new ArrowType.Int(16, true), true));
    cs.add(new ColumnSpec(5, "i32", new ArrowType.Int(32, true), true));
    cs.add(new ColumnSpec(6, "i64", new ArrowType.Int(64, true), true));
    cs.add(new ColumnSpec(7, "f32", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), true));
    cs.add(new ColumnSpec(8, "f64", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), true));
    cs.add(new ColumnSpec(9, "d18", new ArrowType.Decimal(18, 4, 128), true));
    cs.add(new ColumnSpec(10, "d50", new ArrowType.Decimal(50, 10, 256), true));
    cs.add(new ColumnSpec(11, "s", ArrowType.Utf8.INSTANCE, true));
    cs.add(new ColumnSpec(12, "bin", ArrowType.Binary.INSTANCE, true));
    cs.add(new ColumnSpec(13, "dt", new ArrowType.Date(DateUnit.DAY), true));
    cs.add(new ColumnSpec(14, "ts", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), true));
    cs.add(new ColumnSpec(15, "tm", new ArrowType.Time(TimeUnit.MICROSECOND, 64), true));
    return new TableLayout(tableId, cs);
  }

  /** The expected normalized value of column {@code columnId} in row {@code id}; null for null. */
  static Object expected(int columnId, long id) {
    if (columnId == 1) {
      return id;
    }
    if ((id + columnId) % 7 == 0) {
      return null;
    }
    long sign = id % 2 == 0 ? 1 : -1;
    switch (columnId) {
      case 2: return id % 3 == 0;
      case 3: return (long) (byte) (id * 37);
      case 4: return (long) (short) (id * 1031);
      case 5: return (long) (int) (id * 1_000_003L);
      case 6: return sign * id * 1_000_000_007L;
      case 7: return (double) (float) (id * 0.25f - 100);
      case 8: return sign * id * 1.5e10 + 0.125;
      case 9: return BigDecimal.valueOf(sign * id * 98_765_432L + 1, 4);
      case 10: return new BigDecimal(BigInteger.valueOf(id % 1500 + 3).pow(12).multiply(BigInteger.valueOf(sign)), 10);
      case 11: return "row-" + id + (id % 4 == 0 ? "-\u00fc\ud83d\ude00" : "");
      case 12: return ByteBuffer.wrap(new byte[] {(byte) id, (byte) (id >> 8), (byte) 0xFF});
      case 13: return (int) (18_000 + id);
      case 14: return 1_700_000_000_000_000L + id * 1_000_003L;
      case 15: return (id * 1_000_000L) % 86_400_000_000L;
      default: throw new AssertionError(columnId);
    }
  }

  /** Expected full rows for ids from..to-1, in the layout's column order. */
  static List<List<Object>> expectedRows(TableLayout layout, long from, long to) {
    List<List<Object>> out = new ArrayList<>();
    for (long id = from; id < to; id++) {
      List<Object> row = new ArrayList<>();
      for (ColumnSpec c : layout.columns()) {
        row.add(expected(c.id(), id));
      }
      out.add(row);
    }
    return out;
  }

  /** A batch of rows id = from..to-1 of the all-types layout; the caller closes it. */
  static VectorSchemaRoot batch(TableLayout layout, long from, long to, BufferAllocator allocator) {
    Schema schema = layout.schema();
    VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
    int n = (int) (to - from);
    for (int c = 0; c < layout.columns().size(); c++) {
      int columnId = layout.columns().get(c).id();
      FieldVector v = root.getVector(c);
      v.setInitialCapacity(n);
      v.allocateNew();
      for (int i = 0; i < n; i++) {
        write(v, i, expected(columnId, from + i));
      }
      v.setValueCount(n);
    }
    root.setRowCount(n);
    return root;
  }

  private static void write(FieldVector v, int i, Object value) {
    if (value == null) {
      v.setNull(i);
      return;
    }
    if (v instanceof BitVector x) {
      x.setSafe(i, (Boolean) value ? 1 : 0);
    } else if (v instanceof TinyIntVector x) {
      x.setSafe(i, (byte) (long) (Long) value);
    } else if (v instanceof SmallIntVector x) {
      x.setSafe(i, (short) (long) (Long) value);
    } else if (v instanceof IntVector x) {
      x.setSafe(i, (int) (long) (Long) value);
    } else if (v instanceof BigIntVector x) {
      x.setSafe(i, (Long) value);
    } else if (v instanceof Float4Vector x) {
      x.setSafe(i, (float) (double) (Double) value);
    } else if (v instanceof Float8Vector x) {
      x.setSafe(i, (Double) value);
    } else if (v instanceof DecimalVector x) {
      x.setSafe(i, (BigDecimal) value);
    } else if (v instanceof Decimal256Vector x) {
      x.setSafe(i, (BigDecimal) value);
    } else if (v instanceof VarCharVector x) {
      x.setSafe(i, ((String) value).getBytes(StandardCharsets.UTF_8));
    } else if (v instanceof VarBinaryVector x) {
      ByteBuffer b = ((ByteBuffer) value).duplicate();
      byte[] bytes = new byte[b.remaining()];
      b.get(bytes);
      x.setSafe(i, bytes);
    } else if (v instanceof DateDayVector x) {
      x.setSafe(i, (Integer) value);
    } else if (v instanceof TimeStampMicroVector x) {
      x.setSafe(i, (Long) value);
    } else if (v instanceof TimeMicroVector x) {
      x.setSafe(i, (Long) value);
    } else {
      throw new AssertionError(v.getClass());
    }
  }

  /** Reads a value as its normalized object (as {@link #expected} makes them); null for null. */
  static Object read(FieldVector v, int i) {
    if (v.isNull(i)) {
      return null;
    }
    if (v instanceof BitVector x) {
      return x.get(i) != 0;
    } else if (v instanceof TinyIntVector x) {
      return (long) x.get(i);
    } else if (v instanceof SmallIntVector x) {
      return (long) x.get(i);
    } else if (v instanceof IntVector x) {
      return (long) x.get(i);
    } else if (v instanceof BigIntVector x) {
      return x.get(i);
    } else if (v instanceof Float4Vector x) {
      return (double) x.get(i);
    } else if (v instanceof Float8Vector x) {
      return x.get(i);
    } else if (v instanceof DecimalVector x) {
      return x.getObject(i);
    } else if (v instanceof Decimal256Vector x) {
      return x.getObject(i);
    } else if (v instanceof VarCharVector x) {
      return new String(x.get(i), StandardCharsets.UTF_8);
    } else if (v instanceof VarBinaryVector x) {
      return ByteBuffer.wrap(x.get(i));
    } else if (v instanceof DateDayVector x) {
      return x.get(i);
    } else if (v instanceof TimeStampMicroVector x) {
      return x.get(i);
    } else if (v instanceof TimeMicroVector x) {
      return x.get(i);
    }
    throw new AssertionError(v.getClass());
  }
}
