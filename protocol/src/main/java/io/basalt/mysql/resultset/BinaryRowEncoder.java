package io.basalt.mysql.resultset;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Encodes rows as Protocol::BinaryResultsetRow payloads, for COM_STMT_EXECUTE and COM_STMT_FETCH: a
 * 0x00 header, a NULL bitmap whose bits start at offset 2, then every non-null value in the binary
 * encoding of its column's type, read straight from the Arrow vector.
 */
public final class BinaryRowEncoder implements RowEncoder {
    private static final int HEADER = 0x00;
    // The binary row's NULL bitmap reserves its first two bits (a legacy of the OK/EOF header).
    private static final int NULL_BITMAP_OFFSET = 2;

    private final BinaryValueWriter[] writers;
    private final FieldVector[] vectors;
    private final int bitmapBytes;

    /**
     * @param fields the result schema's fields
     * @param columns their column definitions, as {@link ArrowColumnMapping} describes them
     */
    public BinaryRowEncoder(List<Field> fields, List<ColumnDefinition> columns) {
        if (fields.size() != columns.size()) {
            throw new IllegalArgumentException("one column definition per field");
        }
        StringBuilder scratch = new StringBuilder(64);
        writers = new BinaryValueWriter[fields.size()];
        vectors = new FieldVector[fields.size()];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = writerFor(fields.get(i).getType(), columns.get(i), scratch);
        }
        bitmapBytes = (fields.size() + 7 + NULL_BITMAP_OFFSET) / 8;
    }

    @Override
    public void bind(VectorSchemaRoot root) {
        for (int i = 0; i < writers.length; i++) {
            vectors[i] = root.getVector(i);
            writers[i].bind(vectors[i]);
        }
    }

    @Override
    public void writeRow(ByteBuf out, int row) {
        out.writeByte(HEADER);
        int bitmap = out.writerIndex();
        out.writeZero(bitmapBytes);
        for (int i = 0; i < writers.length; i++) {
            if (vectors[i].isNull(row)) {
                int bit = i + NULL_BITMAP_OFFSET;
                int at = bitmap + (bit >>> 3);
                out.setByte(at, out.getByte(at) | 1 << (bit & 7));
            } else {
                writers[i].write(out, row);
            }
        }
    }

    private static BinaryValueWriter writerFor(ArrowType type, ColumnDefinition column, StringBuilder scratch) {
        switch (type.getTypeID()) {
            case Bool:
                return new BooleanBinaryWriter();
            case Int:
                return new FixedWidthBinaryWriter(((ArrowType.Int) type).getBitWidth() / 8);
            case FloatingPoint: {
                FloatingPointPrecision precision = ((ArrowType.FloatingPoint) type).getPrecision();
                if (precision == FloatingPointPrecision.HALF) {
                    return new HalfFloatBinaryWriter();
                }
                return new FixedWidthBinaryWriter(precision == FloatingPointPrecision.DOUBLE ? 8 : 4);
            }
            case Date: {
                boolean days = ((ArrowType.Date) type).getUnit() == DateUnit.DAY;
                return new TemporalBinaryWriter(TemporalBinaryWriter.Kind.DATE,
                        days ? TimeUnit.DAYS : TimeUnit.MILLISECONDS, days ? 32 : 64);
            }
            case Timestamp:
                return new TemporalBinaryWriter(TemporalBinaryWriter.Kind.DATETIME,
                        TextRowEncoder.timeUnit(((ArrowType.Timestamp) type).getUnit()), 64);
            case Time: {
                ArrowType.Time time = (ArrowType.Time) type;
                return new TemporalBinaryWriter(TemporalBinaryWriter.Kind.TIME,
                        TextRowEncoder.timeUnit(time.getUnit()), time.getBitWidth());
            }
            default:
                // DECIMAL, strings, binary strings and types without a MySQL counterpart travel as
                // length-encoded strings, as in text rows; Null columns are all NULL bits.
                return new LenencBinaryWriter(TextRowEncoder.writerFor(type, column, scratch));
        }
    }
}
