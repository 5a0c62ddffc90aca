package io.basalt.mysql.resultset;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.mysql.codec.BasicTypes;
import io.basalt.mysql.server.fake.CannedResults;
import io.basalt.session.ColumnMetadata;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampNanoVector;
import org.apache.arrow.vector.TimeStampSecVector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** Binary result rows byte by byte, for every Arrow type the text rows handle. */
class BinaryRowEncoderTest {

    @Test
    void encodesEveryCannedTypeInItsBinaryForm() {
        try (BufferAllocator allocator = new RootAllocator(); VectorSchemaRoot root = CannedResults.allTypes(allocator)) {
            ByteBuf first = encode(root, 0);
            assertThat(first.readByte()).isZero();
            // 20 columns + 2 reserved bits = 3 bitmap bytes; only c_null (column 18 -> bit 20) is NULL.
            assertThat(bytes(first, 3)).containsExactly(0, 0, 1 << 4);
            assertThat(first.readByte()).isEqualTo((byte) 1); // c_bool
            assertThat(first.readByte()).isEqualTo((byte) -128); // c_tiny
            assertThat(first.readShortLE()).isEqualTo((short) -32768); // c_small
            assertThat(first.readIntLE()).isEqualTo(1); // c_int
            assertThat(first.readLongLE()).isEqualTo(Long.MIN_VALUE); // c_big
            assertThat(first.readFloatLE()).isEqualTo(0.1f); // c_float
            assertThat(first.readDoubleLE()).isEqualTo(1e20); // c_double
            assertThat(lenencString(first)).isEqualTo("2.5000"); // c_decimal
            assertThat(lenencString(first)).isEqualTo(CannedResults.UNICODE);
            assertThat(lenencString(first)).isEqualTo("ab");
            assertThat(lenencString(first)).isEqualTo("long text");
            assertThat(BasicTypes.readLenencBytes(first)).isEqualTo(CannedResults.BYTES);
            assertThat(BasicTypes.readLenencBytes(first)).isEqualTo(CannedResults.BYTES);
            assertThat(bytes(first, 5)).containsExactly(4, 2024 & 0xFF, 2024 >> 8, 2, 29); // c_date
            // c_datetime, c_datetime6, c_timestamp: all 11 bytes, the microseconds of the value.
            for (int i = 0; i < 3; i++) {
                assertThat(bytes(first, 8)).containsExactly(11, 2024 & 0xFF, 2024 >> 8, 2, 29, 13, 45, 30);
                assertThat(first.readIntLE()).isEqualTo(123_456);
            }
            // c_time 13:45:30.5: not negative, 0 days, then the clock and microseconds.
            assertThat(bytes(first, 9)).containsExactly(12, 0, 0, 0, 0, 0, 13, 45, 30);
            assertThat(first.readIntLE()).isEqualTo(500_000);
            assertThat(first.readLongLE()).isEqualTo(-1L); // c_ubig: the unsigned bits as they are
            assertThat(first.isReadable()).isFalse();

            ByteBuf second = encode(root, 1);
            assertThat(second.readByte()).isZero();
            // Everything but c_int (column 3 -> bit 5) is NULL.
            assertThat(bytes(second, 3)).containsExactly(0xFC & ~(1 << 5), 0xFF, 0x3F); // bits 0 and 1 are reserved
            assertThat(second.readIntLE()).isEqualTo(2);
            assertThat(second.isReadable()).isFalse();
        }
    }

    @Test
    void encodesOtherUnitsAndShortensTemporalsAsMysqlDoes() {
        List<Field> fields = List.of(
                field("date_ms", new ArrowType.Date(DateUnit.MILLISECOND)),
                field("ts_midnight", new ArrowType.Timestamp(TimeUnit.SECOND, null)),
                field("ts_seconds", new ArrowType.Timestamp(TimeUnit.SECOND, null)),
                field("ts_ns", new ArrowType.Timestamp(TimeUnit.NANOSECOND, null)),
                field("time_zero", new ArrowType.Time(TimeUnit.SECOND, 32)),
                field("time_long", new ArrowType.Time(TimeUnit.MICROSECOND, 64)),
                field("time_neg", new ArrowType.Time(TimeUnit.MICROSECOND, 64)),
                field("u32", new ArrowType.Int(32, false)),
                field("half", new ArrowType.FloatingPoint(FloatingPointPrecision.HALF)));
        try (BufferAllocator allocator = new RootAllocator();
                VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator)) {
            root.allocateNew();
            ((DateMilliVector) root.getVector("date_ms")).setSafe(0, -86_400_000L); // 1969-12-31
            ((TimeStampSecVector) root.getVector("ts_midnight")).setSafe(0, 951_782_400L); // 2000-02-29
            ((TimeStampSecVector) root.getVector("ts_seconds")).setSafe(0, 951_782_401L);
            ((TimeStampNanoVector) root.getVector("ts_ns")).setSafe(0, -1_000L); // 1969-12-31 23:59:59.999999
            ((TimeSecVector) root.getVector("time_zero")).setSafe(0, 0);
            ((TimeMicroVector) root.getVector("time_long")).setSafe(0, (2 * 86_400L + 3_600 + 60 + 1) * 1_000_000L);
            ((TimeMicroVector) root.getVector("time_neg")).setSafe(0, -1_500_000L);
            ((UInt4Vector) root.getVector("u32")).setSafe(0, -1);
            ((Float2Vector) root.getVector("half")).setSafeWithPossibleTruncate(0, 1.5f);
            root.setRowCount(1);

            ByteBuf row = encode(root, 0);
            assertThat(bytes(row, 1 + 2)).containsExactly(0, 0, 0);
            assertThat(bytes(row, 5)).containsExactly(4, 1969 & 0xFF, 1969 >> 8, 12, 31);
            assertThat(bytes(row, 5)).containsExactly(4, 2000 & 0xFF, 2000 >> 8, 2, 29);
            assertThat(bytes(row, 8)).containsExactly(7, 2000 & 0xFF, 2000 >> 8, 2, 29, 0, 0, 1);
            assertThat(bytes(row, 8)).containsExactly(11, 1969 & 0xFF, 1969 >> 8, 12, 31, 23, 59, 59);
            assertThat(row.readIntLE()).isEqualTo(999_999);
            assertThat(bytes(row, 1)).containsExactly(0);
            assertThat(bytes(row, 9)).containsExactly(8, 0, 2, 0, 0, 0, 1, 1, 1);
            assertThat(bytes(row, 9)).containsExactly(12, 1, 0, 0, 0, 0, 0, 0, 1);
            assertThat(row.readIntLE()).isEqualTo(500_000);
            assertThat(row.readIntLE()).isEqualTo(-1);
            assertThat(row.readFloatLE()).isEqualTo(1.5f);
            assertThat(row.isReadable()).isFalse();
        }
    }

    @Test
    void encodesTimeAsSignDaysAndClockUpToMysqlsRange() {
        long max = (838L * 3600 + 59 * 60 + 59) * 1_000_000L;
        long[] values = {max, -max, -5_400_000_000L, 360_000_500_000L};
        List<Field> fields = List.of(field("t", new ArrowType.Time(TimeUnit.MICROSECOND, 64)));
        try (BufferAllocator allocator = new RootAllocator();
                VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator)) {
            root.allocateNew();
            for (int i = 0; i < values.length; i++) {
                ((TimeMicroVector) root.getVector("t")).setSafe(i, values[i]);
            }
            root.setRowCount(values.length);

            // length, is_negative, days (4 bytes LE), hour, minute, second [, microseconds (4 bytes LE)]
            ByteBuf row = encode(root, 0);
            assertThat(bytes(row, 1 + 1 + 9)).containsExactly(0, 0, 8, 0, 34, 0, 0, 0, 22, 59, 59);
            assertThat(row.isReadable()).isFalse();
            row = encode(root, 1);
            assertThat(bytes(row, 1 + 1 + 9)).containsExactly(0, 0, 8, 1, 34, 0, 0, 0, 22, 59, 59);
            assertThat(row.isReadable()).isFalse();
            row = encode(root, 2);
            assertThat(bytes(row, 1 + 1 + 9)).containsExactly(0, 0, 8, 1, 0, 0, 0, 0, 1, 30, 0);
            assertThat(row.isReadable()).isFalse();
            row = encode(root, 3);
            assertThat(bytes(row, 1 + 1 + 9)).containsExactly(0, 0, 12, 0, 4, 0, 0, 0, 4, 0, 0);
            assertThat(row.readIntLE()).isEqualTo(500_000);
            assertThat(row.isReadable()).isFalse();
        }
    }

    private static ByteBuf encode(VectorSchemaRoot root, int row) {
        List<Field> fields = root.getSchema().getFields();
        List<ColumnDefinition> columns = new ArrayList<>();
        for (Field field : fields) {
            columns.add(ArrowColumnMapping.describe(field));
        }
        RowEncoder encoder = RowFormat.BINARY.encoder(fields, columns);
        encoder.bind(root);
        ByteBuf out = Unpooled.buffer();
        encoder.writeRow(out, row);
        return out;
    }

    private static int[] bytes(ByteBuf in, int count) {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readUnsignedByte();
        }
        return values;
    }

    private static String lenencString(ByteBuf in) {
        return BasicTypes.readLenencString(in, StandardCharsets.UTF_8);
    }

    private static Field field(String name, ArrowType type) {
        return ColumnMetadata.field(name, type, true, Map.of());
    }
}
