package io.basalt.mysql.server;

import io.basalt.mysql.resultset.ArrowColumnMapping;
import io.basalt.mysql.resultset.ColumnDefinition;
import io.basalt.mysql.resultset.RowEncoder;
import io.basalt.mysql.resultset.RowFormat;
import io.basalt.session.BatchStream;
import io.basalt.session.QueryResult;
import io.basalt.session.Session;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Streams one row result as a result set of text rows (COM_QUERY) or binary rows
 * (COM_STMT_EXECUTE): column count, column definitions, rows, end packet.
 * Batches are pulled one at a time and their rows written to the socket as they come; when the
 * channel stops being writable the streamer returns {@link Progress#SUSPENDED} and pulls nothing
 * more until it is resumed, so a slow client holds at most one batch plus the socket buffers.
 */
final class ResultSetStreamer {
    /** Where streaming stands after {@link #pump()}. */
    enum Progress {
        /** The channel is full; call {@link #pump()} again once it is writable. */
        SUSPENDED,
        /** The result set was sent completely. */
        DONE,
        /** An ERR was sent instead of the rest, or the client is gone; nothing follows. */
        FAILED
    }

    private final QueryResult.Rows rows;
    private final Session session;
    private final boolean moreResults;
    private final Channel channel;
    private final PacketChannelWriter out;
    private final ResponseWriter responses;
    private final RowFormat format;
    private final long connectionId;
    private RowEncoder encoder;
    private int row;
    private int rowCount;
    private boolean exhausted;
    private boolean closed;

    ResultSetStreamer(QueryResult.Rows rows, Session session, boolean moreResults, Channel channel,
            PacketChannelWriter out, ResponseWriter responses, RowFormat format) {
        this.rows = rows;
        this.session = session;
        this.moreResults = moreResults;
        this.channel = channel;
        this.out = out;
        this.responses = responses;
        this.format = format;
        this.connectionId = session.connectionId();
    }

    /** Streams until the result set is complete, fails, or the channel fills up. */
    Progress pump() {
        try {
            if (encoder == null && !start()) {
                return Progress.DONE;
            }
            while (true) {
                if (!channel.isActive()) {
                    // The client left mid-result: stop the query before releasing its batches.
                    session.cancel();
                    close();
                    return Progress.FAILED;
                }
                if (row < rowCount) {
                    if (writeRows()) {
                        continue;
                    }
                    out.flush();
                    return Progress.SUSPENDED;
                }
                if (exhausted) {
                    responses.endOfResult(SessionStatus.flags(session, moreResults), rows.warnings());
                    out.flush();
                    close();
                    return Progress.DONE;
                }
                out.flush();
                if (!channel.isWritable()) {
                    return Progress.SUSPENDED;
                }
                loadNextBatch();
            }
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            out.abandon();
            responses.error(UserErrors.translate(e, "Result streaming", connectionId));
            out.flush();
            close();
            return Progress.FAILED;
        }
    }

    /** Releases the result; idempotent. */
    void close() {
        if (!closed) {
            closed = true;
            rows.close();
        }
    }

    // Pulls the first batch before anything is sent, so an error that surfaces there gives a
    // clean ERR instead of a result set cut short. Returns false when the result has no columns.
    private boolean start() {
        BatchStream stream = rows.stream();
        boolean first = stream.next();
        List<Field> fields = stream.schema().getFields();
        if (fields.isEmpty()) {
            // MySQL has no result set without columns; report what there is as OK.
            responses.ok(0, 0, SessionStatus.flags(session, moreResults), rows.warnings(), null);
            out.flush();
            close();
            return false;
        }
        List<ColumnDefinition> columns = new ArrayList<>(fields.size());
        for (Field field : fields) {
            columns.add(ArrowColumnMapping.describe(field));
        }
        encoder = format.encoder(fields, columns);
        responses.columnCount(columns.size());
        for (ColumnDefinition column : columns) {
            responses.column(column);
        }
        responses.endOfColumns(SessionStatus.flags(session, moreResults));
        if (first) {
            bind(stream.root());
        } else {
            exhausted = true;
        }
        return true;
    }

    private void loadNextBatch() {
        BatchStream stream = rows.stream();
        if (stream.next()) {
            bind(stream.root());
        } else {
            exhausted = true;
        }
    }

    private void bind(VectorSchemaRoot root) {
        encoder.bind(root);
        row = 0;
        rowCount = root.getRowCount();
    }

    // Writes rows of the current batch; false when the channel filled up before the batch ended.
    private boolean writeRows() {
        while (row < rowCount) {
            encoder.writeRow(out.begin(), row);
            out.end();
            row++;
            if (out.chunkFull()) {
                out.write();
                if (!channel.isWritable()) {
                    return row >= rowCount;
                }
            }
        }
        return true;
    }
}
