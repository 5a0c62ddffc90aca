package io.basalt.mysql.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Encodes the generic response payloads: OK, ERR and EOF. Each method writes one payload at the
 * writer index; framing is the caller's.
 */
public final class ResponsePackets {
    /** Header of an OK packet. */
    public static final int OK_HEADER = 0x00;
    /** Header of an EOF packet, and of the OK packet that ends a result set under CLIENT_DEPRECATE_EOF. */
    public static final int EOF_HEADER = 0xFE;
    /** Header of an ERR packet. */
    public static final int ERR_HEADER = 0xFF;

    // MySQL truncates error messages to MYSQL_ERRMSG_SIZE; clients size buffers for it.
    private static final int MAX_MESSAGE_BYTES = 511;

    private ResponsePackets() {}

    /**
     * Writes an OK packet.
     *
     * @param header {@link #OK_HEADER}, or {@link #EOF_HEADER} when it ends a result set
     * @param info human-readable info, or null
     */
    public static void writeOk(ByteBuf out, int header, long affectedRows, long lastInsertId, int status, int warnings, String info) {
        out.writeByte(header);
        BasicTypes.writeLenencInt(out, affectedRows);
        BasicTypes.writeLenencInt(out, lastInsertId);
        out.writeShortLE(status);
        out.writeShortLE(Math.min(warnings, 0xFFFF));
        if (info != null && !info.isEmpty()) {
            // The protocol documentation says rest-of-packet, but MySQL's net_send_ok writes a
            // length-encoded string and Connector/J and libmysqlclient read one.
            BasicTypes.writeLenencString(out, info);
        }
    }

    /** Writes an ERR packet with the protocol-41 SQLSTATE marker. */
    public static void writeErr(ByteBuf out, int errno, String sqlState, String message) {
        out.writeByte(ERR_HEADER);
        out.writeShortLE(errno);
        out.writeByte('#');
        out.writeCharSequence(sqlState, StandardCharsets.US_ASCII);
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(text.length, MAX_MESSAGE_BYTES);
        while (length < text.length && length > 0 && (text[length] & 0xC0) == 0x80) {
            length--; // do not cut a multi-byte character in half
        }
        out.writeBytes(text, 0, length);
    }

    /** Writes a classic EOF packet, for clients without CLIENT_DEPRECATE_EOF. */
    public static void writeEof(ByteBuf out, int warnings, int status) {
        out.writeByte(EOF_HEADER);
        out.writeShortLE(Math.min(warnings, 0xFFFF));
        out.writeShortLE(status);
    }
}
