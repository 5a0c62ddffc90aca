package io.basalt.mysql.server;

import io.basalt.mysql.codec.StatusFlags;
import io.basalt.mysql.resultset.ArrowColumnMapping;
import io.basalt.mysql.resultset.ColumnDefinition;
import io.basalt.mysql.resultset.RowEncoder;
import io.basalt.mysql.resultset.RowFormat;
import io.basalt.session.BatchStream;
import io.basalt.session.QueryResult;
import io.basalt.session.Session;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The open cursor of a statement executed with CURSOR_TYPE_READ_ONLY: the row result stays open
 * between COM_STMT_FETCH commands and batches are pulled only when a fetch needs their rows, so the
 * query advances at the pace the client fetches.
 */
final class StatementCursor {
    private final QueryResult.Rows rows;
    private final RowEncoder encoder;
    private int row;
    private int rowCount;
    private boolean exhausted;
    private boolean closed;

    private StatementCursor(QueryResult.Rows rows, RowEncoder encoder) {
        this.rows = rows;
        this.encoder = encoder;
    }

    /**
     * Opens a cursor over {@code rows}: pulls the first batch (so an error there is a clean ERR),
     * then writes the column count, the column definitions and an end packet flagged
     * SERVER_STATUS_CURSOR_EXISTS, which clients expect even under CLIENT_DEPRECATE_EOF. A result
     * without columns is answered with an OK instead and no cursor opens.
     *
     * @return the cursor, or null when the result had no columns; {@code rows} is closed on failure
     */
    static StatementCursor open(QueryResult.Rows rows, Session session, ResponseWriter responses) {
        try {
            BatchStream stream = rows.stream();
            boolean first = stream.next();
            List<Field> fields = stream.schema().getFields();
            if (fields.isEmpty()) {
                rows.close();
                responses.ok(0, 0, SessionStatus.flags(session, false), rows.warnings(), null);
                return null;
            }
            List<ColumnDefinition> columns = new ArrayList<>(fields.size());
            for (Field field : fields) {
                columns.add(ArrowColumnMapping.describe(field));
            }
            StatementCursor cursor = new StatementCursor(rows, RowFormat.BINARY.encoder(fields, columns));
            if (first) {
                cursor.bindCurrentBatch();
            } else {
                cursor.exhausted = true;
            }
            responses.columnCount(columns.size());
            for (ColumnDefinition column : columns) {
                responses.column(column);
            }
            responses.endOfResult(SessionStatus.flags(session, false) | StatusFlags.CURSOR_EXISTS, rows.warnings());
            return cursor;
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            rows.close();
            throw e;
        }
    }

    /** Whether another row is available; pulls the next batch when the current one is used up. */
    boolean hasRow() {
        while (row >= rowCount) {
            if (exhausted) {
                return false;
            }
            if (rows.stream().next()) {
                bindCurrentBatch();
            } else {
                exhausted = true;
            }
        }
        return true;
    }

    /** Writes the next row's payload; call only after {@link #hasRow()} returned true. */
    void writeRow(ByteBuf out) {
        encoder.writeRow(out, row++);
    }

    /** Releases the result; idempotent. */
    void close() {
        if (!closed) {
            closed = true;
            rows.close();
        }
    }

    private void bindCurrentBatch() {
        encoder.bind(rows.stream().root());
        row = 0;
        rowCount = rows.stream().root().getRowCount();
    }
}
