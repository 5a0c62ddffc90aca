package io.basalt.mysql.resultset;

import io.netty.buffer.ByteBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * Values the binary protocol sends as length-encoded strings, exactly as text rows do: DECIMAL (its
 * digits), strings and binary strings (their bytes), and types without a MySQL counterpart (their
 * text form). Delegates to the text writer of the type.
 */
final class LenencBinaryWriter implements BinaryValueWriter {
    private final TextValueWriter text;

    LenencBinaryWriter(TextValueWriter text) {
        this.text = text;
    }

    @Override
    public void bind(FieldVector vector) {
        text.bind(vector);
    }

    @Override
    public void write(ByteBuf out, int row) {
        text.write(out, row);
    }
}
