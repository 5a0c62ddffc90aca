package io.basalt.flight;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.mysql.text.MysqlText;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Flight SQL sends TIME columns as Arrow time64[us], which by the Arrow spec is a time of day
 * (0 to 24 hours). A MySQL TIME is a signed duration up to 838:59:59; rather than send a value
 * clients would wrap into a wrong time of day or fail on, a batch holding a TIME outside
 * 00:00:00..23:59:59.999999 fails the stream with an error that says how to read it instead.
 */
final class TimeOfDayGuard {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private TimeOfDayGuard() {}

    /** Throws NOT_SUPPORTED when a TIME column of {@code root} holds a value outside one day. */
    static void check(VectorSchemaRoot root) {
        for (FieldVector v : root.getFieldVectors()) {
            if (!(v.getField().getType() instanceof ArrowType.Time time) || time.getBitWidth() != 64
                    || time.getUnit() != org.apache.arrow.vector.types.TimeUnit.MICROSECOND) {
                continue;
            }
            BaseFixedWidthVector fixed = (BaseFixedWidthVector) v;
            int rows = root.getRowCount();
            for (int i = 0; i < rows; i++) {
                if (fixed.isNull(i)) {
                    continue;
                }
                long micros = fixed.getDataBuffer().getLong(8L * i);
                if (micros < 0 || micros >= MICROS_PER_DAY) {
                    String name = v.getField().getName();
                    throw BasaltException.of(ErrorCode.NOT_SUPPORTED,
                            "Flight SQL sends TIME as Arrow time64, a time of day, but column '%s' holds %s;"
                                    + " select CAST(%s AS CHAR) or TIME_TO_SEC(%s) to read TIME values outside"
                                    + " 00:00:00..23:59:59",
                            name, MysqlText.formatTime(micros, 0), name, name);
                }
            }
        }
    }
}
