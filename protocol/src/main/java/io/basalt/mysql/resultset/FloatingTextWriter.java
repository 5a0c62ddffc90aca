package io.basalt.mysql.resultset;

import io.basalt.mysql.text.MysqlText;

/** FLOAT and DOUBLE, in MySQL's shortest form or with the column's fixed decimals. */
final class FloatingTextWriter extends FormattedTextWriter {
    private final boolean isDouble;
    private final int decimals;

    FloatingTextWriter(StringBuilder scratch, boolean isDouble, int decimals) {
        super(scratch);
        this.isDouble = isDouble;
        this.decimals = decimals;
    }

    @Override
    protected void format(StringBuilder out, int row) {
        if (isDouble) {
            MysqlText.appendDouble(out, data.getDouble(8L * row), decimals);
        } else {
            MysqlText.appendFloat(out, data.getFloat(4L * row), decimals);
        }
    }
}
