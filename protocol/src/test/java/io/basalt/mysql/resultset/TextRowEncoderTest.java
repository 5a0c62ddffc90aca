package io.basalt.mysql.resultset;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.mysql.codec.BasicTypes;
import io.basalt.session.ColumnMetadata;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampNanoVector;
import org.apache.arrow.vector.TimeStampSecVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** Arrow vector variants beyond the common ones the end-to-end tests use. */
class TextRowEncoderTest {

    @Test
    void encodesLessCommonVectorsAsMysqlText() {
        List<Field> fields = List.of(
                field("dec_big", new ArrowType.Decimal(38, 2, 128), Map.of()),
                field("dec_neg", new ArrowType.Decimal(10, 3, 128), Map.of()),
                field("dec256", new ArrowType.Decimal(60, 5, 256), Map.of()),
                field("large_text", new ArrowType.LargeUtf8(), Map.of()),
                field("fixed", new ArrowType.FixedSizeBinary(3), Map.of()),
                field("date_ms", new ArrowType.Date(DateUnit.MILLISECOND), Map.of()),
                field("time_s", new ArrowType.Time(TimeUnit.SECOND, 32), Map.of()),
                field("time_ns", new ArrowType.Time(TimeUnit.NANOSECOND, 64), Map.of(ColumnMetadata.SCALE, "6")),
                field("ts_s", new ArrowType.Timestamp(TimeUnit.SECOND, null), Map.of()),
                field("ts_ns", new ArrowType.Timestamp(TimeUnit.NANOSECOND, null), Map.of(ColumnMetadata.SCALE, "6")),
                field("ts_tz", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"), Map.of(ColumnMetadata.SCALE, "2")),
                field("u8", new ArrowType.Int(8, false), Map.of()),
                field("u32", new ArrowType.Int(32, false), Map.of()),
                field("dbl_fixed", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), Map.of(ColumnMetadata.SCALE, "2")));
        try (BufferAllocator allocator = new RootAllocator();
                VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator)) {
            root.allocateNew();
            ((DecimalVector) root.getVector("dec_big")).setSafe(0, new BigDecimal("123456789012345678901234567890.12"));
            ((DecimalVector) root.getVector("dec_neg")).setSafe(0, new BigDecimal("-0.005"));
            ((Decimal256Vector) root.getVector("dec256")).setSafe(0, new BigDecimal("-1.50000"));
            ((LargeVarCharVector) root.getVector("large_text")).setSafe(0, "gro\u00df".getBytes(StandardCharsets.UTF_8));
            ((FixedSizeBinaryVector) root.getVector("fixed")).setSafe(0, new byte[] {'a', 'b', 'c'});
            ((DateMilliVector) root.getVector("date_ms")).setSafe(0, -86_400_000L);
            ((TimeSecVector) root.getVector("time_s")).setSafe(0, 3_661);
            ((TimeNanoVector) root.getVector("time_ns")).setSafe(0, 3_661_123_456_789L);
            ((TimeStampSecVector) root.getVector("ts_s")).setSafe(0, 951_782_400L);
            ((TimeStampNanoVector) root.getVector("ts_ns")).setSafe(0, 951_782_400_123_456_789L);
            ((TimeStampMicroTZVector) root.getVector("ts_tz")).setSafe(0, 951_782_400_129_000L);
            ((UInt1Vector) root.getVector("u8")).setSafe(0, 255);
            ((UInt4Vector) root.getVector("u32")).setSafe(0, -1);
            ((Float8Vector) root.getVector("dbl_fixed")).setSafe(0, 2.5);
            root.setRowCount(2);

            List<ColumnDefinition> columns = new ArrayList<>();
            for (Field field : fields) {
                columns.add(ArrowColumnMapping.describe(field));
            }
            TextRowEncoder encoder = new TextRowEncoder(fields, columns);
            encoder.bind(root);

            assertThat(encode(encoder, 0)).containsExactly("123456789012345678901234567890.12", "-0.005", "-1.50000",
                    "gro\u00df", "abc", "1969-12-31", "01:01:01", "01:01:01.123456", "2000-02-29 00:00:00",
                    "2000-02-29 00:00:00.123456", "2000-02-29 00:00:00.12", "255", "4294967295", "2.50");
            assertThat(encode(encoder, 1)).containsOnlyNulls().hasSize(fields.size());
        }
    }

    @Test
    void writesTimeAsASignedDurationUpToMysqlsRange() {
        long max = (838L * 3600 + 59 * 60 + 59) * 1_000_000L;
        long[] values = {max, -max, -5_400_000_000L, 360_000_500_000L, -500_000L, 0};
        List<Field> fields = List.of(
                field("t0", new ArrowType.Time(TimeUnit.MICROSECOND, 64), Map.of(ColumnMetadata.SCALE, "0")),
                field("t6", new ArrowType.Time(TimeUnit.MICROSECOND, 64), Map.of(ColumnMetadata.SCALE, "6")));
        try (BufferAllocator allocator = new RootAllocator();
                VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator)) {
            root.allocateNew();
            for (int i = 0; i < values.length; i++) {
                ((TimeMicroVector) root.getVector("t0")).setSafe(i, values[i]);
                ((TimeMicroVector) root.getVector("t6")).setSafe(i, values[i]);
            }
            root.setRowCount(values.length);
            List<ColumnDefinition> columns = List.of(ArrowColumnMapping.describe(fields.get(0)),
                    ArrowColumnMapping.describe(fields.get(1)));
            assertThat(columns.get(0).type()).isEqualTo(MysqlType.TIME);
            assertThat(columns.get(1).decimals()).isEqualTo(6);
            TextRowEncoder encoder = new TextRowEncoder(fields, columns);
            encoder.bind(root);

            assertThat(encode(encoder, 0)).containsExactly("838:59:59", "838:59:59.000000");
            assertThat(encode(encoder, 1)).containsExactly("-838:59:59", "-838:59:59.000000");
            assertThat(encode(encoder, 2)).containsExactly("-01:30:00", "-01:30:00.000000");
            assertThat(encode(encoder, 3)).containsExactly("100:00:00", "100:00:00.500000");
            assertThat(encode(encoder, 4)).containsExactly("-00:00:00", "-00:00:00.500000");
            assertThat(encode(encoder, 5)).containsExactly("00:00:00", "00:00:00.000000");
        }
    }

    @Test
    void writesIntoHeapAndDirectBuffersAlike() {
        List<Field> fields = List.of(field("s", new ArrowType.Utf8(), Map.of()));
        try (BufferAllocator allocator = new RootAllocator();
                VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator)) {
            root.allocateNew();
            ((org.apache.arrow.vector.VarCharVector) root.getVector(0)).setSafe(0, "x".repeat(300).getBytes(StandardCharsets.US_ASCII));
            root.setRowCount(1);
            TextRowEncoder encoder = new TextRowEncoder(fields, List.of(ArrowColumnMapping.describe(fields.get(0))));
            encoder.bind(root);
            for (ByteBuf out : List.of(Unpooled.buffer(1), PooledByteBufAllocator.DEFAULT.directBuffer(1))) {
                encoder.writeRow(out, 0);
                assertThat(BasicTypes.readLenencString(out, StandardCharsets.US_ASCII)).isEqualTo("x".repeat(300));
                out.release();
            }
        }
    }

    @Test
    void describesDecimalLengthsLikeMysql() {
        ColumnDefinition signed = ArrowColumnMapping.describe(field("d", new ArrowType.Decimal(10, 2, 128), Map.of()));
        ColumnDefinition unsigned = ArrowColumnMapping.describe(
                field("d", new ArrowType.Decimal(10, 0, 128), Map.of(ColumnMetadata.UNSIGNED, "true")));
        assertThat(signed.length()).isEqualTo(12);
        assertThat(signed.decimals()).isEqualTo(2);
        assertThat(unsigned.length()).isEqualTo(10);
        assertThat(unsigned.flags() & ColumnFlags.UNSIGNED).isNotZero();
    }

    @Test
    void declaredTypeNamesMayCarryParameters() {
        ColumnDefinition column = ArrowColumnMapping.describe(
                field("c", new ArrowType.Utf8(), Map.of(ColumnMetadata.SQL_TYPE, "char(3)", ColumnMetadata.LENGTH, "3")));
        assertThat(column.type()).isEqualTo(MysqlType.STRING);
        assertThat(column.length()).isEqualTo(12);
    }

    private static List<String> encode(TextRowEncoder encoder, int row) {
        ByteBuf out = Unpooled.buffer();
        encoder.writeRow(out, row);
        List<String> values = new ArrayList<>();
        while (out.isReadable()) {
            if (out.getUnsignedByte(out.readerIndex()) == BasicTypes.NULL_VALUE) {
                out.skipBytes(1);
                values.add(null);
            } else {
                values.add(BasicTypes.readLenencString(out, StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static Field field(String name, ArrowType type, Map<String, String> metadata) {
        return ColumnMetadata.field(name, type, true, metadata);
    }
}
