package io.basalt.mysql.server.fake;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.session.ColumnMetadata;
import io.basalt.session.PreparedStatement;
import io.basalt.session.QueryResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A prepared statement of the {@link FakeSession}:
 *
 * <ul>
 *   <li>{@code select ?, ?, ...}: echoes its parameters as one row, each column typed after the
 *       Java value the protocol bound (Long as BIGINT, LocalDate as DATE, ...)
 *   <li>{@code insert into bin values (?, ...)}: parameters typed VARBINARY; 1 row, id 7
 *   <li>any other statement with placeholders: parameters typed VARCHAR; 1 row, id 7
 *   <li>sysbench's OLTP read-only selects on {@code sbtestN}: {@code c} of each id in the range (or
 *       the one id), {@code SUM(k)} as the sum of the ids
 *   <li>a statement without placeholders: what the session answers when it executes the text
 * </ul>
 *
 * Every execution's values are recorded in the session.
 */
final class FakePreparedStatement implements PreparedStatement {
    private final FakeSession session;
    private final BufferAllocator allocator;
    private final String sql;
    private final Schema parameters;
    private final Schema resultSchema;
    private final boolean echo;
    private final SysbenchTable sysbench;
    private final AtomicBoolean closed = new AtomicBoolean();

    FakePreparedStatement(FakeSession session, BufferAllocator allocator, String sql, Schema resultOfText) {
        this.session = session;
        this.allocator = allocator;
        this.sql = sql;
        String lower = sql.trim().toLowerCase(Locale.ROOT);
        int count = placeholders(sql);
        this.echo = lower.startsWith("select ?");
        ArrowType parameterType = lower.startsWith("insert into bin ") ? new ArrowType.Binary() : new ArrowType.Utf8();
        List<Field> params = new ArrayList<>();
        List<Field> echoed = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            params.add(CannedResults.field("?" + i, parameterType, true, Map.of()));
            echoed.add(CannedResults.field("p" + i, new ArrowType.Utf8(), true, Map.of()));
        }
        this.parameters = new Schema(params);
        this.sysbench = SysbenchTable.of(lower);
        if (echo) {
            this.resultSchema = new Schema(echoed);
        } else if (sysbench != null) {
            this.resultSchema = sysbench.schema();
        } else {
            this.resultSchema = resultOfText != null ? resultOfText : new Schema(List.of());
        }
    }

    static int placeholders(String sql) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '?' && !quoted) {
                count++;
            }
        }
        return count;
    }

    @Override
    public Schema parameters() {
        return parameters;
    }

    @Override
    public Schema resultSchema() {
        return resultSchema;
    }

    @Override
    public QueryResult execute(List<Object> values) {
        if (closed.get()) {
            throw new IllegalStateException("statement closed");
        }
        if (values.size() != parameters.getFields().size()) {
            throw BasaltException.of(ErrorCode.WRONG_ARGUMENTS, "expected %d parameters, got %d",
                    parameters.getFields().size(), values.size());
        }
        session.recordExecution(sql, values);
        if (echo) {
            return session.rows(echo(values));
        }
        if (sysbench != null) {
            return session.rows(sysbench.rows(allocator, values));
        }
        if (!values.isEmpty()) {
            return new QueryResult.UpdateCount(1, 7, 0, null);
        }
        return session.answer(sql);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            session.statementClosed();
        }
    }

    private VectorSchemaRoot echo(List<Object> values) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            fields.add(fieldFor("p" + (i + 1), values.get(i)));
        }
        VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
        root.allocateNew();
        for (int i = 0; i < values.size(); i++) {
            set(root, i, values.get(i));
        }
        root.setRowCount(1);
        return root;
    }

    private static Field fieldFor(String name, Object value) {
        ArrowType type;
        Map<String, String> metadata = Map.of();
        if (value == null) {
            type = new ArrowType.Null();
        } else if (value instanceof Boolean) {
            type = new ArrowType.Bool();
        } else if (value instanceof Long) {
            type = new ArrowType.Int(64, true);
        } else if (value instanceof Double) {
            type = new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE);
        } else if (value instanceof BigDecimal decimal) {
            type = new ArrowType.Decimal(38, Math.max(0, decimal.scale()), 128);
        } else if (value instanceof String) {
            type = new ArrowType.Utf8();
        } else if (value instanceof byte[]) {
            type = new ArrowType.Binary();
        } else if (value instanceof LocalDate) {
            type = new ArrowType.Date(org.apache.arrow.vector.types.DateUnit.DAY);
        } else if (value instanceof LocalDateTime) {
            type = new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
            metadata = Map.of(ColumnMetadata.SCALE, "6");
        } else if (value instanceof LocalTime || value instanceof Duration) {
            type = new ArrowType.Time(TimeUnit.MICROSECOND, 64);
            metadata = Map.of(ColumnMetadata.SCALE, "6");
        } else {
            throw new IllegalArgumentException("not a session value: " + value.getClass());
        }
        return CannedResults.field(name, type, true, metadata);
    }

    private static void set(VectorSchemaRoot root, int index, Object value) {
        if (value == null) {
            ((NullVector) root.getVector(index)).setValueCount(1);
        } else if (value instanceof Boolean b) {
            ((BitVector) root.getVector(index)).setSafe(0, b ? 1 : 0);
        } else if (value instanceof Long l) {
            ((BigIntVector) root.getVector(index)).setSafe(0, l);
        } else if (value instanceof Double d) {
            ((Float8Vector) root.getVector(index)).setSafe(0, d);
        } else if (value instanceof BigDecimal decimal) {
            ((DecimalVector) root.getVector(index)).setSafe(0, decimal.setScale(Math.max(0, decimal.scale()), RoundingMode.UNNECESSARY));
        } else if (value instanceof String s) {
            ((VarCharVector) root.getVector(index)).setSafe(0, s.getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof byte[] bytes) {
            ((VarBinaryVector) root.getVector(index)).setSafe(0, bytes);
        } else if (value instanceof LocalDate date) {
            ((DateDayVector) root.getVector(index)).setSafe(0, (int) date.toEpochDay());
        } else if (value instanceof LocalDateTime dateTime) {
            long micros = dateTime.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + dateTime.getNano() / 1_000;
            ((TimeStampMicroVector) root.getVector(index)).setSafe(0, micros);
        } else if (value instanceof LocalTime time) {
            ((TimeMicroVector) root.getVector(index)).setSafe(0, time.toNanoOfDay() / 1_000);
        } else if (value instanceof Duration time) {
            ((TimeMicroVector) root.getVector(index)).setSafe(0, time.toNanos() / 1_000);
        }
    }
}
