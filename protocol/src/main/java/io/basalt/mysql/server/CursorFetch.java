package io.basalt.mysql.server;

import io.basalt.mysql.codec.StatusFlags;
import io.basalt.session.Session;
import io.netty.channel.Channel;

/**
 * One COM_STMT_FETCH: up to the requested number of rows from the statement's cursor, then an end
 * packet flagged SERVER_STATUS_CURSOR_EXISTS, plus SERVER_STATUS_LAST_ROW_SENT (and the cursor
 * closed) when the rows ran out before the count was reached, as mysqld does. Pauses when the
 * client does not read, like any result.
 */
final class CursorFetch implements PendingCommand {
    private final ServerStatement statement;
    private final StatementCursor cursor;
    private final long limit;
    private final Session session;
    private final Channel channel;
    private final PacketChannelWriter out;
    private final ResponseWriter responses;
    private long sent;

    CursorFetch(ServerStatement statement, StatementCursor cursor, long limit, Session session, Channel channel,
            PacketChannelWriter out, ResponseWriter responses) {
        this.statement = statement;
        this.cursor = cursor;
        this.limit = limit;
        this.session = session;
        this.channel = channel;
        this.out = out;
        this.responses = responses;
    }

    @Override
    public boolean resume() {
        try {
            boolean more = true;
            while (sent < limit) {
                if (!channel.isActive()) {
                    session.cancel();
                    statement.closeCursor();
                    return true;
                }
                more = cursor.hasRow();
                if (!more) {
                    break;
                }
                cursor.writeRow(out.begin());
                out.end();
                sent++;
                if (out.chunkFull()) {
                    out.write();
                    if (!channel.isWritable()) {
                        out.flush();
                        return false;
                    }
                }
            }
            int status = SessionStatus.flags(session, false) | StatusFlags.CURSOR_EXISTS;
            if (!more) {
                status |= StatusFlags.LAST_ROW_SENT;
                statement.closeCursor();
            }
            responses.endOfResult(status, 0);
            out.flush();
            return true;
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            out.abandon();
            statement.closeCursor();
            responses.error(UserErrors.translate(e, "COM_STMT_FETCH", session.connectionId()));
            out.flush();
            return true;
        }
    }

    @Override
    public void abort() {
        statement.closeCursor();
    }
}
