package io.basalt.mysql.resultset;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Encodes rows of Arrow record batches as Protocol::TextResultsetRow payloads, writing each value
 * straight from its vector into the socket buffer. One encoder serves a whole result set: build it
 * from the schema, {@link #bind} it to each batch, then {@link #writeRow} each row.
 */
public final class TextRowEncoder implements RowEncoder {
    private final TextValueWriter[] writers;

    /**
     * @param fields the result schema's fields
     * @param columns their column definitions, as {@link ArrowColumnMapping} describes them
     */
    public TextRowEncoder(List<Field> fields, List<ColumnDefinition> columns) {
        if (fields.size() != columns.size()) {
            throw new IllegalArgumentException("one column definition per field");
        }
        StringBuilder scratch = new StringBuilder(64);
        writers = new TextValueWriter[fields.size()];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = writerFor(fields.get(i).getType(), columns.get(i), scratch);
        }
    }

    @Override
    public void bind(VectorSchemaRoot root) {
        for (int i = 0; i < writers.length; i++) {
            writers[i].bind(root.getVector(i));
        }
    }

    @Override
    public void writeRow(ByteBuf out, int row) {
        for (TextValueWriter writer : writers) {
            writer.write(out, row);
        }
    }

    /** The text writer for a column; the binary encoder reuses it for values sent as strings. */
    static TextValueWriter writerFor(ArrowType type, ColumnDefinition column, StringBuilder scratch) {
        switch (type.getTypeID()) {
            case Bool:
                return new BooleanTextWriter();
            case Int: {
                ArrowType.Int integer = (ArrowType.Int) type;
                return new IntegerTextWriter(scratch, integer.getBitWidth(), !integer.getIsSigned());
            }
            case FloatingPoint: {
                FloatingPointPrecision precision = ((ArrowType.FloatingPoint) type).getPrecision();
                if (precision == FloatingPointPrecision.HALF) {
                    return new ObjectTextWriter();
                }
                return new FloatingTextWriter(scratch, precision == FloatingPointPrecision.DOUBLE, column.decimals());
            }
            case Decimal: {
                ArrowType.Decimal decimal = (ArrowType.Decimal) type;
                return new DecimalTextWriter(scratch, decimal.getScale(), decimal.getBitWidth());
            }
            case Utf8:
            case LargeUtf8:
            case Binary:
            case LargeBinary:
            case FixedSizeBinary:
                return new BytesTextWriter();
            case Date: {
                boolean days = ((ArrowType.Date) type).getUnit() == DateUnit.DAY;
                return new TemporalTextWriter(scratch, TemporalTextWriter.Kind.DATE,
                        days ? TimeUnit.DAYS : TimeUnit.MILLISECONDS, days ? 32 : 64, 0);
            }
            case Timestamp:
                return new TemporalTextWriter(scratch, TemporalTextWriter.Kind.DATETIME,
                        timeUnit(((ArrowType.Timestamp) type).getUnit()), 64, column.decimals());
            case Time: {
                ArrowType.Time time = (ArrowType.Time) type;
                return new TemporalTextWriter(scratch, TemporalTextWriter.Kind.TIME,
                        timeUnit(time.getUnit()), time.getBitWidth(), column.decimals());
            }
            case Null:
                return new NullTextWriter();
            default:
                return new ObjectTextWriter();
        }
    }

    static TimeUnit timeUnit(org.apache.arrow.vector.types.TimeUnit unit) {
        switch (unit) {
            case SECOND:
                return TimeUnit.SECONDS;
            case MILLISECOND:
                return TimeUnit.MILLISECONDS;
            case NANOSECOND:
                return TimeUnit.NANOSECONDS;
            default:
                return TimeUnit.MICROSECONDS;
        }
    }
}
