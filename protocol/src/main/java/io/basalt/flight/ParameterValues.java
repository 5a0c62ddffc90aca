package io.basalt.flight;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.util.Text;

/**
 * Reads prepared statement parameters out of a DoPut batch: one list of values per row, in the
 * Java types {@link io.basalt.session.PreparedStatement#execute} takes. Clients choose the vector
 * types (ADBC sends whatever the application bound), so every common Arrow type is read.
 * Timestamps carry no zone in Basalt: zoned ones are read as UTC wall-clock time.
 */
final class ParameterValues {
    private ParameterValues() {}

    /** Every row of the batch. */
    static List<List<Object>> rows(VectorSchemaRoot root) {
        List<List<Object>> rows = new ArrayList<>(root.getRowCount());
        for (int r = 0; r < root.getRowCount(); r++) {
            rows.add(row(root, r));
        }
        return rows;
    }

    /** The values of row {@code r}. */
    static List<Object> row(VectorSchemaRoot root, int r) {
        List<FieldVector> vectors = root.getFieldVectors();
        List<Object> values = new ArrayList<>(vectors.size());
        for (FieldVector v : vectors) {
            values.add(value(v, r));
        }
        return values;
    }

    static Object value(FieldVector v, int i) {
        if (v.isNull(i)) {
            return null;
        }
        ArrowType type = v.getField().getType();
        if (v instanceof UInt8Vector u) {
            BigInteger b = u.getObjectNoOverflow(i);
            return b.bitLength() < 64 ? (Object) b.longValue() : new BigDecimal(b);
        }
        if (v instanceof BaseIntVector n && type instanceof ArrowType.Int) {
            return n.getValueAsLong(i);
        }
        if (v instanceof Float8Vector d) {
            return d.get(i);
        }
        if (v instanceof Float4Vector f) {
            // Through the decimal text: 0.1f becomes 0.1, not 0.10000000149011612.
            return Double.valueOf(Float.toString(f.get(i)));
        }
        if (v instanceof BitVector b) {
            return b.get(i) != 0;
        }
        if (v instanceof DateDayVector d) {
            return LocalDate.ofEpochDay(d.get(i));
        }
        if (v instanceof DateMilliVector d) {
            return LocalDate.ofEpochDay(Math.floorDiv(d.get(i), 86_400_000L));
        }
        if (v instanceof TimeStampVector t && type instanceof ArrowType.Timestamp ts) {
            return timestamp(t.get(i), ts.getUnit());
        }
        if (v instanceof TimeSecVector t) {
            return Duration.ofSeconds(t.get(i));
        }
        if (v instanceof TimeMilliVector t) {
            return Duration.ofMillis(t.get(i));
        }
        if (v instanceof TimeMicroVector t) {
            return Duration.of(t.get(i), java.time.temporal.ChronoUnit.MICROS);
        }
        if (v instanceof TimeNanoVector t) {
            return Duration.ofNanos(t.get(i));
        }
        return plain(v.getObject(i), v);
    }

    /** Strings, binaries, decimals, and values inside unions, by their Java class. */
    private static Object plain(Object o, FieldVector v) {
        if (o == null || o instanceof String || o instanceof BigDecimal || o instanceof byte[]
                || o instanceof Boolean || o instanceof Long || o instanceof Double || o instanceof LocalDate
                || o instanceof LocalDateTime || o instanceof LocalTime || o instanceof Duration) {
            return o;
        }
        if (o instanceof Text t) {
            return t.toString();
        }
        if (o instanceof CharSequence c) {
            return c.toString();
        }
        if (o instanceof Integer || o instanceof Short || o instanceof Byte) {
            return ((Number) o).longValue();
        }
        if (o instanceof Float f) {
            return Double.valueOf(Float.toString(f));
        }
        if (o instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (o instanceof java.nio.ByteBuffer b) {
            byte[] bytes = new byte[b.remaining()];
            b.duplicate().get(bytes);
            return bytes;
        }
        throw BasaltException.of(ErrorCode.NOT_SUPPORTED,
                "This version of Basalt doesn't yet support 'parameters of Arrow type %s'", v.getField().getType());
    }

    private static LocalDateTime timestamp(long value, TimeUnit unit) {
        Instant instant = switch (unit) {
            case SECOND -> Instant.ofEpochSecond(value);
            case MILLISECOND -> Instant.ofEpochMilli(value);
            case MICROSECOND -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L),
                    Math.floorMod(value, 1_000_000L) * 1_000L);
            case NANOSECOND -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L),
                    Math.floorMod(value, 1_000_000_000L));
        };
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
