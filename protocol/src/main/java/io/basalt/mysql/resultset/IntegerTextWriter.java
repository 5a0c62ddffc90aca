package io.basalt.mysql.resultset;

/** TINYINT..BIGINT, signed or unsigned, from Arrow Int vectors of any width. */
final class IntegerTextWriter extends FormattedTextWriter {
    private final int bitWidth;
    private final boolean unsigned;

    IntegerTextWriter(StringBuilder scratch, int bitWidth, boolean unsigned) {
        super(scratch);
        this.bitWidth = bitWidth;
        this.unsigned = unsigned;
    }

    @Override
    protected void format(StringBuilder out, int row) {
        long value;
        switch (bitWidth) {
            case 8:
                value = unsigned ? data.getByte(row) & 0xFFL : data.getByte(row);
                break;
            case 16:
                value = unsigned ? data.getShort(2L * row) & 0xFFFFL : data.getShort(2L * row);
                break;
            case 32:
                value = unsigned ? data.getInt(4L * row) & 0xFFFF_FFFFL : data.getInt(4L * row);
                break;
            default:
                value = data.getLong(8L * row);
                if (unsigned && value < 0) {
                    // Above Long.MAX_VALUE: print as unsigned without allocating.
                    out.append(Long.divideUnsigned(value, 10)).append(Long.remainderUnsigned(value, 10));
                    return;
                }
                break;
        }
        out.append(value);
    }
}
