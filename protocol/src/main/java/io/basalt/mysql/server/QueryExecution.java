package io.basalt.mysql.server;

import io.basalt.mysql.resultset.RowFormat;
import io.basalt.session.QueryResult;
import io.basalt.session.Session;
import io.netty.channel.Channel;
import java.util.List;

/**
 * One COM_QUERY: its statements run in order, each answered by an OK or a result set, all but the
 * last flagged SERVER_MORE_RESULTS_EXISTS; the first error ends the command with an ERR.
 */
final class QueryExecution implements PendingCommand {
    private final Session session;
    private final List<String> statements;
    private final Channel channel;
    private final PacketChannelWriter out;
    private final ResponseWriter responses;
    private int next;
    private ResultSetStreamer current;

    QueryExecution(Session session, List<String> statements, Channel channel, PacketChannelWriter out,
            ResponseWriter responses) {
        this.session = session;
        this.statements = statements;
        this.channel = channel;
        this.out = out;
        this.responses = responses;
    }

    @Override
    public boolean resume() {
        while (true) {
            if (current != null) {
                ResultSetStreamer.Progress progress = current.pump();
                if (progress == ResultSetStreamer.Progress.SUSPENDED) {
                    return false;
                }
                current = null;
                if (progress == ResultSetStreamer.Progress.FAILED) {
                    return true;
                }
            }
            if (next == statements.size() || !channel.isActive()) {
                out.flush();
                return true;
            }
            boolean more = next < statements.size() - 1;
            String sql = statements.get(next++);
            try {
                QueryResult result = session.execute(sql);
                if (result instanceof QueryResult.Rows rows) {
                    current = new ResultSetStreamer(rows, session, more, channel, out, responses, RowFormat.TEXT);
                } else {
                    QueryResult.UpdateCount count = (QueryResult.UpdateCount) result;
                    responses.ok(count.affectedRows(), count.lastInsertId(), SessionStatus.flags(session, more),
                            count.warnings(), count.info());
                    // Let the client see each statement's answer while the next one runs.
                    out.flush();
                }
            } catch (RuntimeException | AssertionError | StackOverflowError e) {
                out.abandon();
                responses.error(UserErrors.translate(e, "COM_QUERY", session.connectionId()));
                out.flush();
                return true;
            }
        }
    }

    @Override
    public void abort() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
