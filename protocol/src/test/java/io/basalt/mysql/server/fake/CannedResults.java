package io.basalt.mysql.server.fake;

import io.basalt.session.ColumnMetadata;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** Arrow batches the fake session answers with. */
public final class CannedResults {
    /** Values of the first row of {@link #allTypes}; the second row is NULL wherever allowed. */
    public static final String UNICODE = "h\u00e9llo \u2603 \uD83D\uDE00";
    public static final LocalDate DATE = LocalDate.of(2024, 2, 29);
    public static final LocalDateTime DATE_TIME = LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000);
    public static final long TIME_MICROS = ((13 * 60 + 45) * 60 + 30) * 1_000_000L + 500_000;
    public static final byte[] BYTES = {0, 1, 2, (byte) 0xFF};

    private CannedResults() {}

    /** One column per Arrow type the MySQL encoder maps, two rows. */
    public static VectorSchemaRoot allTypes(BufferAllocator allocator) {
        List<Field> fields = List.of(
                field("c_bool", new ArrowType.Bool(), true, Map.of()),
                field("c_tiny", new ArrowType.Int(8, true), true, Map.of()),
                field("c_small", new ArrowType.Int(16, true), true, Map.of()),
                field("c_int", new ArrowType.Int(32, true), false, Map.of(
                        ColumnMetadata.SCHEMA, "shop", ColumnMetadata.TABLE, "t", ColumnMetadata.ORIGINAL_TABLE, "items",
                        ColumnMetadata.ORIGINAL_NAME, "id", ColumnMetadata.PRIMARY_KEY, "true",
                        ColumnMetadata.AUTO_INCREMENT, "true", ColumnMetadata.SQL_TYPE, "INT")),
                field("c_big", new ArrowType.Int(64, true), true, Map.of()),
                field("c_float", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), true, Map.of()),
                field("c_double", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), true, Map.of()),
                field("c_decimal", new ArrowType.Decimal(10, 4, 128), true, Map.of()),
                field("c_varchar", new ArrowType.Utf8(), true, Map.of(ColumnMetadata.SQL_TYPE, "VARCHAR", ColumnMetadata.LENGTH, "20")),
                field("c_char", new ArrowType.Utf8(), true, Map.of(ColumnMetadata.SQL_TYPE, "CHAR", ColumnMetadata.LENGTH, "5")),
                field("c_text", new ArrowType.Utf8(), true, Map.of(ColumnMetadata.SQL_TYPE, "TEXT")),
                field("c_varbinary", new ArrowType.Binary(), true, Map.of(ColumnMetadata.SQL_TYPE, "VARBINARY", ColumnMetadata.LENGTH, "16")),
                field("c_blob", new ArrowType.Binary(), true, Map.of()),
                field("c_date", new ArrowType.Date(DateUnit.DAY), true, Map.of()),
                field("c_datetime", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), true, Map.of()),
                field("c_datetime6", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), true, Map.of(ColumnMetadata.SCALE, "6")),
                field("c_timestamp", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), true,
                        Map.of(ColumnMetadata.SQL_TYPE, "TIMESTAMP", ColumnMetadata.SCALE, "3")),
                field("c_time", new ArrowType.Time(TimeUnit.MICROSECOND, 64), true, Map.of(ColumnMetadata.SCALE, "1")),
                field("c_null", new ArrowType.Null(), true, Map.of()),
                field("c_ubig", new ArrowType.Int(64, false), true, Map.of()));
        VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
        root.allocateNew();
        long micros = DATE_TIME.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + DATE_TIME.getNano() / 1000;

        ((BitVector) root.getVector("c_bool")).setSafe(0, 1);
        ((TinyIntVector) root.getVector("c_tiny")).setSafe(0, -128);
        ((SmallIntVector) root.getVector("c_small")).setSafe(0, -32768);
        ((IntVector) root.getVector("c_int")).setSafe(0, 1);
        ((IntVector) root.getVector("c_int")).setSafe(1, 2);
        ((BigIntVector) root.getVector("c_big")).setSafe(0, Long.MIN_VALUE);
        ((Float4Vector) root.getVector("c_float")).setSafe(0, 0.1f);
        ((Float8Vector) root.getVector("c_double")).setSafe(0, 1e20);
        ((DecimalVector) root.getVector("c_decimal")).setSafe(0, new BigDecimal("2.5000"));
        ((VarCharVector) root.getVector("c_varchar")).setSafe(0, UNICODE.getBytes(StandardCharsets.UTF_8));
        ((VarCharVector) root.getVector("c_char")).setSafe(0, "ab".getBytes(StandardCharsets.UTF_8));
        ((VarCharVector) root.getVector("c_text")).setSafe(0, "long text".getBytes(StandardCharsets.UTF_8));
        ((VarBinaryVector) root.getVector("c_varbinary")).setSafe(0, BYTES);
        ((VarBinaryVector) root.getVector("c_blob")).setSafe(0, BYTES);
        ((DateDayVector) root.getVector("c_date")).setSafe(0, (int) DATE.toEpochDay());
        ((TimeStampMicroVector) root.getVector("c_datetime")).setSafe(0, micros);
        ((TimeStampMicroVector) root.getVector("c_datetime6")).setSafe(0, micros);
        ((TimeStampMicroVector) root.getVector("c_timestamp")).setSafe(0, micros);
        ((TimeMicroVector) root.getVector("c_time")).setSafe(0, TIME_MICROS);
        ((UInt8Vector) root.getVector("c_ubig")).setSafe(0, -1L);
        ((NullVector) root.getVector("c_null")).setValueCount(2);
        root.setRowCount(2);
        return root;
    }

    /** A root with a BIGINT id and a VARCHAR payload; {@link #fillIds} loads batches into it. */
    public static VectorSchemaRoot ids(BufferAllocator allocator) {
        List<Field> fields = new ArrayList<>();
        fields.add(field("id", new ArrowType.Int(64, true), false, Map.of()));
        fields.add(field("payload", new ArrowType.Utf8(), true, Map.of(ColumnMetadata.LENGTH, "100")));
        return VectorSchemaRoot.create(new Schema(fields), allocator);
    }

    /** Loads ids {@code first .. first+rows-1}, each with a 100-character payload. */
    public static void fillIds(VectorSchemaRoot root, long first, int rows) {
        BigIntVector ids = (BigIntVector) root.getVector("id");
        VarCharVector payloads = (VarCharVector) root.getVector("payload");
        root.allocateNew();
        byte[] payload = "p".repeat(100).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < rows; i++) {
            ids.setSafe(i, first + i);
            payloads.setSafe(i, payload);
        }
        root.setRowCount(rows);
    }

    /** A single-column VARCHAR result; null values stay NULL. */
    public static VectorSchemaRoot strings(BufferAllocator allocator, List<String> names, List<String> values) {
        List<Field> fields = new ArrayList<>();
        for (String name : names) {
            fields.add(field(name, new ArrowType.Utf8(), true, Map.of()));
        }
        VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
        root.allocateNew();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                ((VarCharVector) root.getVector(i)).setSafe(0, values.get(i).getBytes(StandardCharsets.UTF_8));
            }
        }
        root.setRowCount(values.isEmpty() ? 0 : 1);
        return root;
    }

    /** A single BIGINT column with one row. */
    public static VectorSchemaRoot oneLong(BufferAllocator allocator, String name, long value) {
        VectorSchemaRoot root = VectorSchemaRoot.create(
                new Schema(List.of(field(name, new ArrowType.Int(64, true), false, Map.of()))), allocator);
        root.allocateNew();
        ((BigIntVector) root.getVector(0)).setSafe(0, value);
        root.setRowCount(1);
        return root;
    }

    public static Field field(String name, ArrowType type, boolean nullable, Map<String, String> metadata) {
        return ColumnMetadata.field(name, type, nullable, metadata);
    }
}
