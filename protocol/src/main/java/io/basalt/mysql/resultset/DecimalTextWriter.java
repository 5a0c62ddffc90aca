package io.basalt.mysql.resultset;

import io.basalt.mysql.text.MysqlText;
import java.math.BigDecimal;

/** DECIMAL with exactly its scale; values that fit in a long are formatted without BigDecimal. */
final class DecimalTextWriter extends FormattedTextWriter {
    private final int scale;
    private final int byteWidth;

    DecimalTextWriter(StringBuilder scratch, int scale, int bitWidth) {
        super(scratch);
        this.scale = scale;
        this.byteWidth = bitWidth / 8;
    }

    @Override
    protected void format(StringBuilder out, int row) {
        long offset = (long) byteWidth * row;
        if (byteWidth == 16) {
            // Little-endian two's complement: the value fits in a long when the high word only
            // repeats the sign of the low one.
            long low = data.getLong(offset);
            long high = data.getLong(offset + 8);
            if (high == (low >> 63)) {
                MysqlText.appendDecimal(out, low, scale);
                return;
            }
        }
        out.append(MysqlText.formatDecimal((BigDecimal) vector.getObject(row), scale));
    }
}
