package io.basalt.mysql.server;

import io.basalt.error.BasaltException;
import io.basalt.mysql.codec.BasicTypes;
import io.basalt.mysql.codec.Capabilities;
import io.basalt.mysql.codec.ResponsePackets;
import io.basalt.mysql.prepared.PrepareOk;
import io.basalt.mysql.resultset.ColumnDefinition;
import java.nio.charset.StandardCharsets;

/**
 * Writes response packets as the negotiated capabilities require; in particular it hides the
 * difference between classic EOF packets and CLIENT_DEPRECATE_EOF, where an OK packet with an
 * 0xFE header ends a result set and no packet separates column definitions from rows.
 */
final class ResponseWriter {
    private final PacketChannelWriter out;
    private boolean deprecateEof;

    ResponseWriter(PacketChannelWriter out) {
        this.out = out;
    }

    /** Applies the capabilities both sides agreed on. */
    void capabilities(int negotiated) {
        deprecateEof = Capabilities.has(negotiated, Capabilities.DEPRECATE_EOF);
    }

    void ok(long affectedRows, long lastInsertId, int status, int warnings, String info) {
        ResponsePackets.writeOk(out.begin(), ResponsePackets.OK_HEADER, affectedRows, lastInsertId, status, warnings, info);
        out.end();
    }

    void error(BasaltException error) {
        ResponsePackets.writeErr(out.begin(), error.code().mysqlErrno(), error.code().sqlState(), error.getMessage());
        out.end();
    }

    /** The packet announcing a result set's column count. */
    void columnCount(int columns) {
        BasicTypes.writeLenencInt(out.begin(), columns);
        out.end();
    }

    void column(ColumnDefinition column) {
        column.writeTo(out.begin());
        out.end();
    }

    /** A column definition as COM_FIELD_LIST sends it. */
    void fieldListColumn(ColumnDefinition column) {
        column.writeFieldListTo(out.begin());
        out.end();
    }

    /** Separates column definitions from rows; nothing under CLIENT_DEPRECATE_EOF. */
    void endOfColumns(int status) {
        if (!deprecateEof) {
            ResponsePackets.writeEof(out.begin(), 0, status);
            out.end();
        }
    }

    /** Ends a result set, a field list or a COM_SET_OPTION: EOF, or OK with an EOF header. */
    void endOfResult(int status, int warnings) {
        if (deprecateEof) {
            ResponsePackets.writeOk(out.begin(), ResponsePackets.EOF_HEADER, 0, 0, status, warnings, null);
        } else {
            ResponsePackets.writeEof(out.begin(), warnings, status);
        }
        out.end();
    }

    /** The first packet of a successful COM_STMT_PREPARE. */
    void prepareOk(PrepareOk header) {
        header.writeTo(out.begin());
        out.end();
    }

    /** A bare string packet, as COM_STATISTICS answers. */
    void text(String value) {
        out.begin().writeCharSequence(value, StandardCharsets.UTF_8);
        out.end();
    }
}
