package io.basalt.mysql.prepared;

import io.basalt.mysql.codec.BasicTypes;
import io.netty.buffer.ByteBuf;

/**
 * The fixed head of COM_STMT_EXECUTE: statement id, flags and iteration count. The parameter block
 * that follows depends on the statement and is read by its {@link ParameterBinder}.
 *
 * @param statementId the statement to execute
 * @param flags cursor type bits and {@link #PARAMETER_COUNT_AVAILABLE}
 * @param parameterCount the count the client sent when {@link #PARAMETER_COUNT_AVAILABLE} is set, else -1
 */
public record ExecuteRequest(long statementId, int flags, long parameterCount) {
    /** CURSOR_TYPE_READ_ONLY: the client wants the rows through COM_STMT_FETCH. */
    public static final int CURSOR_TYPE_READ_ONLY = 0x01;
    /** The cursor type bits (read-only, for update, scrollable); any of them asks for a cursor. */
    public static final int CURSOR_TYPE_MASK = 0x07;
    /** The client sends the parameter count before the parameter block (query attributes). */
    public static final int PARAMETER_COUNT_AVAILABLE = 0x08;

    /**
     * Reads the head of a COM_STMT_EXECUTE payload positioned after the command byte, leaving the
     * buffer at the parameter block.
     *
     * @throws io.basalt.mysql.codec.MalformedPacketException when the head is truncated
     */
    public static ExecuteRequest parse(ByteBuf in) {
        long statementId = BasicTypes.readIntLE(in) & 0xFFFF_FFFFL;
        int flags = BasicTypes.readUnsignedByte(in);
        BasicTypes.readIntLE(in); // iteration count: always 1
        long parameterCount = (flags & PARAMETER_COUNT_AVAILABLE) != 0 && in.isReadable() ? BasicTypes.readLenencInt(in) : -1;
        return new ExecuteRequest(statementId, flags, parameterCount);
    }

    /** Whether the client asked for a cursor. */
    public boolean wantsCursor() {
        return (flags & CURSOR_TYPE_MASK) != 0;
    }
}
