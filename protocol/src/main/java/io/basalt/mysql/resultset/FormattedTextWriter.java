package io.basalt.mysql.resultset;

import io.basalt.mysql.codec.BasicTypes;
import io.netty.buffer.ByteBuf;

/**
 * A writer whose values are formatted as ASCII text first (numbers, temporals), into a scratch
 * builder shared by the row encoder so no string is allocated per value.
 */
abstract class FormattedTextWriter extends VectorTextWriter {
    private final StringBuilder scratch;

    FormattedTextWriter(StringBuilder scratch) {
        this.scratch = scratch;
    }

    @Override
    protected final void writeValue(ByteBuf out, int row) {
        scratch.setLength(0);
        format(scratch, row);
        BasicTypes.writeLenencAscii(out, scratch);
    }

    /** Appends the text of the non-null value at {@code row}. */
    protected abstract void format(StringBuilder out, int row);
}
