package io.basalt.mysql.resultset;

import io.basalt.mysql.codec.BasicTypes;
import io.netty.buffer.ByteBuf;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;

/**
 * Strings and binary strings: the bytes are copied from the vector's data buffer to the socket
 * buffer as they are (Arrow strings are UTF-8, as is every text column Basalt sends).
 */
final class BytesTextWriter extends VectorTextWriter {
    private ArrowBuf offsets;
    private boolean largeOffsets;
    private int fixedWidth;

    @Override
    public void bind(FieldVector vector) {
        super.bind(vector);
        if (vector instanceof FixedSizeBinaryVector fixed) {
            fixedWidth = fixed.getByteWidth();
            offsets = null;
        } else {
            fixedWidth = -1;
            largeOffsets = vector instanceof BaseLargeVariableWidthVector;
            offsets = largeOffsets
                    ? ((BaseLargeVariableWidthVector) vector).getOffsetBuffer()
                    : ((BaseVariableWidthVector) vector).getOffsetBuffer();
        }
    }

    @Override
    protected void writeValue(ByteBuf out, int row) {
        long start;
        long end;
        if (fixedWidth >= 0) {
            start = (long) fixedWidth * row;
            end = start + fixedWidth;
        } else if (largeOffsets) {
            start = offsets.getLong(8L * row);
            end = offsets.getLong(8L * row + 8);
        } else {
            start = offsets.getInt(4L * row);
            end = offsets.getInt(4L * row + 4);
        }
        int length = Math.toIntExact(end - start);
        BasicTypes.writeLenencInt(out, length);
        VectorBytes.copy(data, start, length, out);
    }
}
