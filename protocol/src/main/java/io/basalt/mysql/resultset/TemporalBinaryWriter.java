package io.basalt.mysql.resultset;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * DATE, DATETIME/TIMESTAMP and TIME in the binary protocol's encoding: a length byte, then the
 * calendar and clock fields, with trailing fields left out when they are zero as MySQL does
 * (a DATETIME at midnight is 4 bytes, one without fractional seconds 7, otherwise 11). Reads
 * Arrow's Date, Timestamp and Time vectors of any unit; timestamps with a time zone are
 * epoch-based and go out as UTC wall-clock time, as in text rows.
 */
final class TemporalBinaryWriter implements BinaryValueWriter {
    /** Which MySQL temporal the values are sent as. */
    enum Kind { DATE, DATETIME, TIME }

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
    private static final int DATE_LENGTH = 4;
    private static final int DATETIME_LENGTH = 7;
    private static final int DATETIME_MICROS_LENGTH = 11;
    private static final int TIME_LENGTH = 8;
    private static final int TIME_MICROS_LENGTH = 12;

    private final Kind kind;
    private final TimeUnit unit;
    private final boolean wide;
    private ArrowBuf data;

    /**
     * @param unit unit of the stored values (DAYS for Arrow DateDay)
     * @param bitWidth 32 or 64, the width of the stored values
     */
    TemporalBinaryWriter(Kind kind, TimeUnit unit, int bitWidth) {
        this.kind = kind;
        this.unit = unit;
        this.wide = bitWidth == 64;
    }

    @Override
    public void bind(FieldVector vector) {
        data = vector.getDataBuffer();
    }

    @Override
    public void write(ByteBuf out, int row) {
        long value = wide ? data.getLong(8L * row) : data.getInt(4L * row);
        switch (kind) {
            case DATE:
                out.writeByte(DATE_LENGTH);
                writeDate(out, unit == TimeUnit.DAYS ? value : Math.floorDiv(value, unit.convert(1, TimeUnit.DAYS)));
                break;
            case DATETIME:
                writeDateTime(out, toMicros(value));
                break;
            default:
                writeTime(out, toMicros(value));
                break;
        }
    }

    private static void writeDateTime(ByteBuf out, long epochMicros) {
        long timeOfDay = Math.floorMod(epochMicros, MICROS_PER_DAY);
        long seconds = timeOfDay / MICROS_PER_SECOND;
        int micros = (int) (timeOfDay % MICROS_PER_SECOND);
        int length = micros != 0 ? DATETIME_MICROS_LENGTH : seconds != 0 ? DATETIME_LENGTH : DATE_LENGTH;
        out.writeByte(length);
        writeDate(out, Math.floorDiv(epochMicros, MICROS_PER_DAY));
        if (length > DATE_LENGTH) {
            writeClock(out, seconds);
        }
        if (length == DATETIME_MICROS_LENGTH) {
            out.writeIntLE(micros);
        }
    }

    private static void writeTime(ByteBuf out, long micros) {
        if (micros == 0) {
            out.writeByte(0);
            return;
        }
        boolean negative = micros < 0;
        long magnitude = Math.abs(micros);
        long seconds = magnitude / MICROS_PER_SECOND;
        int fraction = (int) (magnitude % MICROS_PER_SECOND);
        out.writeByte(fraction != 0 ? TIME_MICROS_LENGTH : TIME_LENGTH);
        out.writeByte(negative ? 1 : 0);
        out.writeIntLE((int) (seconds / 86_400));
        writeClock(out, seconds % 86_400);
        if (fraction != 0) {
            out.writeIntLE(fraction);
        }
    }

    private static void writeClock(ByteBuf out, long secondOfDay) {
        out.writeByte((int) (secondOfDay / 3600));
        out.writeByte((int) (secondOfDay / 60 % 60));
        out.writeByte((int) (secondOfDay % 60));
    }

    // Days to civil date (H. Hinnant's algorithm), proleptic Gregorian like MySQL; no allocation.
    private static void writeDate(ByteBuf out, long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        out.writeShortLE((int) year);
        out.writeByte((int) month);
        out.writeByte((int) day);
    }

    private long toMicros(long value) {
        switch (unit) {
            case SECONDS:
                return value * MICROS_PER_SECOND;
            case MILLISECONDS:
                return value * 1_000L;
            case NANOSECONDS:
                return Math.floorDiv(value, 1_000L);
            default:
                return value;
        }
    }
}
