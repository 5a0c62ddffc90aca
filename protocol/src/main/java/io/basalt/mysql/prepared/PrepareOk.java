package io.basalt.mysql.prepared;

import io.netty.buffer.ByteBuf;

/**
 * COM_STMT_PREPARE_OK: the first packet of a successful prepare, followed by the parameter and the
 * column definitions.
 *
 * @param statementId the id the client executes the statement by
 * @param columns number of result columns (0 for a statement without rows)
 * @param parameters number of {@code ?} placeholders
 * @param warnings warnings raised by preparing
 */
public record PrepareOk(long statementId, int columns, int parameters, int warnings) {
    private static final int HEADER = 0x00;

    /** Writes the payload. */
    public void writeTo(ByteBuf out) {
        out.writeByte(HEADER);
        out.writeIntLE((int) statementId);
        out.writeShortLE(columns);
        out.writeShortLE(parameters);
        out.writeByte(0); // reserved filler
        out.writeShortLE(Math.min(warnings, 0xFFFF));
    }
}
