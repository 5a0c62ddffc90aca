package io.basalt.mysql.resultset;

import io.basalt.mysql.text.MysqlText;
import java.util.concurrent.TimeUnit;

/**
 * DATE, DATETIME/TIMESTAMP and TIME from Arrow's Date, Timestamp and Time vectors of any unit.
 * Timestamps with a time zone are epoch-based and print as UTC wall-clock time.
 */
final class TemporalTextWriter extends FormattedTextWriter {
    /** Which MySQL temporal the values print as. */
    enum Kind { DATE, DATETIME, TIME }

    private final Kind kind;
    private final TimeUnit unit;
    private final boolean wide;
    private final int fsp;

    /**
     * @param unit unit of the stored values (DAYS for Arrow DateDay)
     * @param bitWidth 32 or 64, the width of the stored values
     * @param fsp fractional digits to print
     */
    TemporalTextWriter(StringBuilder scratch, Kind kind, TimeUnit unit, int bitWidth, int fsp) {
        super(scratch);
        this.kind = kind;
        this.unit = unit;
        this.wide = bitWidth == 64;
        this.fsp = fsp;
    }

    @Override
    protected void format(StringBuilder out, int row) {
        long value = wide ? data.getLong(8L * row) : data.getInt(4L * row);
        switch (kind) {
            case DATE:
                MysqlText.appendDate(out, unit == TimeUnit.DAYS ? value : Math.floorDiv(value, unit.convert(1, TimeUnit.DAYS)));
                break;
            case DATETIME:
                MysqlText.appendDateTime(out, toMicros(value), fsp);
                break;
            default:
                MysqlText.appendTime(out, toMicros(value), fsp);
                break;
        }
    }

    private long toMicros(long value) {
        switch (unit) {
            case SECONDS:
                return value * 1_000_000L;
            case MILLISECONDS:
                return value * 1_000L;
            case NANOSECONDS:
                return Math.floorDiv(value, 1_000L);
            default:
                return value;
        }
    }
}
