package io.basalt.server.exec.arrow;

import io.basalt.server.exec.value.Temporals;
import io.basalt.server.exec.value.TimeValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Reads and writes Basalt runtime values from and to Arrow vectors: the boundary between the
 * columnar storage and protocols on one side and the row operators on the other.
 */
public final class ArrowValues {
    private ArrowValues() {}

    /** A reader of one vector's values by row index. */
    @FunctionalInterface
    public interface Getter {
        Object get(int row);
    }

    /** A getter specialised to the vector's class, so the per-row path has no type dispatch. */
    public static Getter getter(FieldVector v) {
        if (v instanceof IntVector x) {
            return i -> x.isNull(i) ? null : (Object) (long) x.get(i);
        }
        if (v instanceof BigIntVector x) {
            return i -> x.isNull(i) ? null : (Object) x.get(i);
        }
        if (v instanceof SmallIntVector x) {
            return i -> x.isNull(i) ? null : (Object) (long) x.get(i);
        }
        if (v instanceof TinyIntVector x) {
            return i -> x.isNull(i) ? null : (Object) (long) x.get(i);
        }
        if (v instanceof BitVector x) {
            return i -> x.isNull(i) ? null : (Object) (x.get(i) != 0);
        }
        if (v instanceof Float8Vector x) {
            return i -> x.isNull(i) ? null : (Object) x.get(i);
        }
        if (v instanceof Float4Vector x) {
            // Widen through the decimal text so 0.1f reads as 0.1, as MySQL shows FLOAT values.
            return i -> x.isNull(i) ? null : (Object) Double.parseDouble(Float.toString(x.get(i)));
        }
        if (v instanceof DecimalVector x) {
            return i -> x.isNull(i) ? null : x.getObject(i);
        }
        if (v instanceof Decimal256Vector x) {
            return i -> x.isNull(i) ? null : x.getObject(i);
        }
        if (v instanceof VarCharVector x) {
            return i -> x.isNull(i) ? null : new String(x.get(i), StandardCharsets.UTF_8);
        }
        if (v instanceof VarBinaryVector x) {
            return i -> x.isNull(i) ? null : x.get(i);
        }
        if (v instanceof DateDayVector x) {
            return i -> x.isNull(i) ? null : LocalDate.ofEpochDay(x.get(i));
        }
        if (v instanceof TimeStampMicroVector x) {
            return i -> x.isNull(i) ? null : Temporals.fromEpochMicros(x.get(i));
        }
        if (v instanceof TimeMicroVector x) {
            return i -> x.isNull(i) ? null : TimeValues.ofMicros(x.get(i));
        }
        if (v instanceof NullVector) {
            return i -> null;
        }
        if (v instanceof org.apache.arrow.vector.LargeVarCharVector x) {
            return i -> x.isNull(i) ? null : new String(x.get(i), StandardCharsets.UTF_8);
        }
        if (v instanceof org.apache.arrow.vector.LargeVarBinaryVector x) {
            return i -> x.isNull(i) ? null : x.get(i);
        }
        if (v instanceof org.apache.arrow.vector.FixedSizeBinaryVector x) {
            return i -> x.isNull(i) ? null : x.get(i);
        }
        if (v instanceof org.apache.arrow.vector.DateMilliVector x) {
            return i -> x.isNull(i) ? null : LocalDate.ofEpochDay(Math.floorDiv(x.get(i), 86_400_000L));
        }
        if (v instanceof org.apache.arrow.vector.TimeStampVector x && !(v instanceof TimeStampMicroVector)) {
            long perMicro = switch (((org.apache.arrow.vector.types.pojo.ArrowType.Timestamp) v.getField().getType()).getUnit()) {
                case SECOND -> -1_000_000L;
                case MILLISECOND -> -1000L;
                case MICROSECOND -> 1L;
                case NANOSECOND -> 1000L;
            };
            // Negative factors multiply, positive ones divide, to reach microseconds.
            return i -> x.isNull(i) ? null : Temporals.fromEpochMicros(perMicro < 0 ? x.get(i) * -perMicro
                    : Math.floorDiv(x.get(i), perMicro));
        }
        if (v instanceof org.apache.arrow.vector.TimeMilliVector x) {
            return i -> x.isNull(i) ? null : TimeValues.ofMicros(x.get(i) * 1000L);
        }
        if (v instanceof org.apache.arrow.vector.TimeNanoVector x) {
            return i -> x.isNull(i) ? null : TimeValues.ofMicros(Math.floorDiv(x.get(i), 1000L));
        }
        if (v instanceof org.apache.arrow.vector.TimeSecVector x) {
            return i -> x.isNull(i) ? null : TimeValues.ofMicros(x.get(i) * 1_000_000L);
        }
        if (v instanceof org.apache.arrow.vector.UInt1Vector x) {
            return i -> x.isNull(i) ? null : (Object) (long) x.getValueAsLong(i);
        }
        if (v instanceof org.apache.arrow.vector.UInt2Vector x) {
            return i -> x.isNull(i) ? null : (Object) (long) x.get(i);
        }
        if (v instanceof org.apache.arrow.vector.UInt4Vector x) {
            return i -> x.isNull(i) ? null : (Object) x.getValueAsLong(i);
        }
        if (v instanceof org.apache.arrow.vector.UInt8Vector x) {
            return i -> x.isNull(i) ? null : new BigDecimal(x.getObjectNoOverflow(i));
        }
        if (v instanceof org.apache.arrow.vector.Float2Vector x) {
            return i -> x.isNull(i) ? null : (Object) (double) x.getValueAsFloat(i);
        }
        return i -> {
            Object o = v.getObject(i);
            return o instanceof org.apache.arrow.vector.util.Text t ? t.toString() : o;
        };
    }

    /** Writes {@code value} (already of the vector's runtime type) at {@code row}. */
    public static void set(FieldVector v, int row, Object value) {
        if (value == null) {
            if (v instanceof NullVector) {
                return;
            }
            setNull(v, row);
            return;
        }
        if (v instanceof IntVector x) {
            x.setSafe(row, (int) toLong(value));
        } else if (v instanceof BigIntVector x) {
            x.setSafe(row, toLong(value));
        } else if (v instanceof SmallIntVector x) {
            x.setSafe(row, (short) toLong(value));
        } else if (v instanceof TinyIntVector x) {
            x.setSafe(row, (byte) toLong(value));
        } else if (v instanceof BitVector x) {
            x.setSafe(row, Boolean.TRUE.equals(value) || (value instanceof Long l && l != 0) ? 1 : 0);
        } else if (v instanceof Float8Vector x) {
            x.setSafe(row, ((Number) value).doubleValue());
        } else if (v instanceof Float4Vector x) {
            x.setSafe(row, ((Number) value).floatValue());
        } else if (v instanceof DecimalVector x) {
            x.setSafe(row, ((BigDecimal) value).setScale(x.getScale(), RoundingMode.HALF_UP));
        } else if (v instanceof Decimal256Vector x) {
            x.setSafe(row, ((BigDecimal) value).setScale(x.getScale(), RoundingMode.HALF_UP));
        } else if (v instanceof VarCharVector x) {
            x.setSafe(row, value.toString().getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof VarBinaryVector x) {
            x.setSafe(row, io.basalt.server.exec.value.MysqlValues.toBytes(value));
        } else if (v instanceof DateDayVector x) {
            x.setSafe(row, (int) ((LocalDate) value).toEpochDay());
        } else if (v instanceof TimeStampMicroVector x) {
            x.setSafe(row, Temporals.toEpochMicros((LocalDateTime) value));
        } else if (v instanceof TimeMicroVector x) {
            x.setSafe(row, TimeValues.toMicros((Duration) value));
        } else {
            throw new IllegalArgumentException("unsupported vector " + v.getClass().getSimpleName());
        }
    }

    private static long toLong(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return ((Number) value).longValue();
    }

    private static void setNull(FieldVector v, int row) {
        if (v instanceof org.apache.arrow.vector.BaseFixedWidthVector f) {
            f.setNull(row);
        } else if (v instanceof org.apache.arrow.vector.BaseVariableWidthVector f) {
            f.setNull(row);
        } else {
            throw new IllegalArgumentException("unsupported vector " + v.getClass().getSimpleName());
        }
    }
}
