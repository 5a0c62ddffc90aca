package io.basalt.mysql.prepared;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.mysql.codec.BasicTypes;
import io.basalt.mysql.codec.MalformedPacketException;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The parameters of one prepared statement as the client binds them: the types of the last
 * COM_STMT_EXECUTE that sent types (a client sends them only when they change) and data
 * accumulated by COM_STMT_SEND_LONG_DATA. Turns the parameter block of each execute into the
 * values the session takes. Not thread-safe: a connection runs one command at a time.
 */
public final class ParameterBinder {
    private final int count;
    private final boolean[] binaryTargets;
    private final long maxLongData;
    private int[] types;
    private ByteArrayOutputStream[] longData;
    private long longDataBytes;
    private String longDataError;

    /**
     * @param parameters the statement's parameter fields; binary-typed ones take string values as bytes
     * @param maxLongData most bytes COM_STMT_SEND_LONG_DATA may accumulate per execution
     *     (MySQL bounds it by max_allowed_packet)
     */
    public ParameterBinder(List<Field> parameters, long maxLongData) {
        this.count = parameters.size();
        this.binaryTargets = new boolean[count];
        for (int i = 0; i < count; i++) {
            ArrowType.ArrowTypeID id = parameters.get(i).getType().getTypeID();
            binaryTargets[i] = id == ArrowType.ArrowTypeID.Binary || id == ArrowType.ArrowTypeID.LargeBinary
                    || id == ArrowType.ArrowTypeID.FixedSizeBinary;
        }
        this.maxLongData = maxLongData;
    }

    /** Number of parameters. */
    public int count() {
        return count;
    }

    /**
     * Appends a chunk of COM_STMT_SEND_LONG_DATA to parameter {@code index}. That command has no
     * reply, so a problem is remembered and reported by the next execute, as MySQL does.
     */
    public void appendLongData(int index, ByteBuf data) {
        if (index < 0 || index >= count) {
            longDataError = "Incorrect arguments to mysqld_stmt_send_long_data";
            return;
        }
        longDataBytes += data.readableBytes();
        if (longDataBytes > maxLongData) {
            longDataError = "Parameter of prepared statement which is set through mysql_send_long_data() is longer than "
                    + "'max_allowed_packet' bytes";
            return;
        }
        if (longData == null) {
            longData = new ByteArrayOutputStream[count];
        }
        if (longData[index] == null) {
            longData[index] = new ByteArrayOutputStream();
        }
        byte[] chunk = new byte[data.readableBytes()];
        data.readBytes(chunk);
        longData[index].writeBytes(chunk);
    }

    /** Forgets accumulated long data (COM_STMT_RESET); bound types stay. */
    public void reset() {
        longData = null;
        longDataBytes = 0;
        longDataError = null;
    }

    /**
     * Reads the parameter block of a COM_STMT_EXECUTE, positioned after the iteration count: the
     * NULL bitmap, the new-params-bound flag with the types when it is set, then the values of the
     * parameters that are neither NULL nor sent as long data. Long data is consumed.
     *
     * @throws MalformedPacketException when the block is truncated, has bytes left over, or names an unknown type
     * @throws BasaltException WRONG_ARGUMENTS when no types were ever bound or long data failed
     */
    public List<Object> bind(ByteBuf in) {
        try {
            if (longDataError != null) {
                throw new BasaltException(ErrorCode.WRONG_ARGUMENTS, longDataError);
            }
            if (count == 0) {
                return Collections.emptyList();
            }
            byte[] nulls = BasicTypes.readFixedBytes(in, (count + 7) / 8);
            int[] current = types;
            if (BasicTypes.readUnsignedByte(in) != 0) {
                current = new int[count];
                for (int i = 0; i < count; i++) {
                    current[i] = BasicTypes.readUnsignedShortLE(in);
                }
            } else if (current == null) {
                throw new BasaltException(ErrorCode.WRONG_ARGUMENTS,
                        "Incorrect arguments to mysqld_stmt_execute: no parameter types were bound");
            }
            List<Object> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(value(in, current, i, nulls));
            }
            if (in.isReadable()) {
                throw new MalformedPacketException(in.readableBytes() + " bytes after the last parameter value");
            }
            // Only a well-formed execute binds types for the ones that follow without them.
            types = current;
            return values;
        } finally {
            reset();
        }
    }

    private Object value(ByteBuf in, int[] types, int index, byte[] nulls) {
        int type = types[index] & 0xFF;
        if (longData != null && longData[index] != null) {
            // MySQL skips both the NULL bit and the value of a parameter sent as long data.
            return BinaryValueReader.longData(longData[index].toByteArray(), type, binaryTargets[index]);
        }
        if ((nulls[index >>> 3] & 1 << (index & 7)) != 0) {
            return null;
        }
        boolean unsigned = (types[index] >>> 8 & FieldTypes.UNSIGNED_FLAG) != 0;
        return BinaryValueReader.read(in, type, unsigned, binaryTargets[index]);
    }

    @Override
    public String toString() {
        return "ParameterBinder{count=" + count + ", types=" + Arrays.toString(types) + "}";
    }
}
