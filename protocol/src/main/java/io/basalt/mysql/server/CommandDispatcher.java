package io.basalt.mysql.server;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.mysql.codec.BasicTypes;
import io.basalt.mysql.codec.Capabilities;
import io.basalt.mysql.codec.CommandCodes;
import io.basalt.mysql.codec.MalformedPacketException;
import io.basalt.mysql.resultset.ArrowColumnMapping;
import io.basalt.session.QueryResult;
import io.basalt.session.Session;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Runs the commands of the command phase against one session. The connection handles the commands
 * that change the connection itself (COM_QUIT, COM_RESET_CONNECTION); everything else is here.
 */
final class CommandDispatcher {
    private static final int MULTI_STATEMENTS_ON = 0;
    private static final int MULTI_STATEMENTS_OFF = 1;
    private static final int MAX_QUOTED_STATEMENT = 80;

    private final Session session;
    private final Channel channel;
    private final PacketChannelWriter out;
    private final ResponseWriter responses;
    private final ServerStatistics statistics;
    private final StatementCommands statements;
    private boolean multiStatements;

    CommandDispatcher(Session session, int capabilities, Channel channel, PacketChannelWriter out,
            ResponseWriter responses, ServerStatistics statistics, long maxLongData) {
        this.session = session;
        this.channel = channel;
        this.out = out;
        this.responses = responses;
        this.statistics = statistics;
        this.multiStatements = Capabilities.has(capabilities, Capabilities.MULTI_STATEMENTS);
        this.statements = new StatementCommands(session, channel, out, responses, maxLongData);
    }

    /** Closes the session's prepared statements and their cursors; the session is going away. */
    void close() {
        statements.closeAll();
    }

    /**
     * Runs one command whose code byte was already read from {@code payload}.
     *
     * @return a command that still has output to send once the channel drains, or null when done
     */
    PendingCommand dispatch(int command, ByteBuf payload) {
        statistics.question();
        try {
            switch (command) {
                case CommandCodes.QUERY:
                    return query(io.basalt.session.ClientText.decode(
                            BasicTypes.readFixedBytes(payload, payload.readableBytes())));
                case CommandCodes.INIT_DB:
                    session.useDatabase(BasicTypes.readRestOfPacket(payload, StandardCharsets.UTF_8));
                    ok();
                    break;
                case CommandCodes.PING:
                    ok();
                    break;
                case CommandCodes.FIELD_LIST:
                    fieldList(payload);
                    break;
                case CommandCodes.STATISTICS:
                    responses.text(statistics.summary());
                    break;
                case CommandCodes.SET_OPTION:
                    setOption(payload);
                    break;
                case CommandCodes.STMT_CLOSE:
                    // These two never get a response; answering would desynchronize the client.
                    statements.close(payload);
                    return null;
                case CommandCodes.STMT_SEND_LONG_DATA:
                    statements.sendLongData(payload);
                    return null;
                case CommandCodes.STMT_PREPARE:
                    statements.prepare(payload);
                    break;
                case CommandCodes.STMT_EXECUTE: {
                    PendingCommand rest = statements.execute(payload);
                    if (rest != null) {
                        return rest;
                    }
                    break;
                }
                case CommandCodes.STMT_FETCH: {
                    PendingCommand rest = statements.fetch(payload);
                    if (rest != null) {
                        return rest;
                    }
                    break;
                }
                case CommandCodes.STMT_RESET:
                    statements.reset(payload);
                    break;
                case CommandCodes.PROCESS_KILL:
                    kill(payload);
                    break;
                default:
                    responses.error(new BasaltException(ErrorCode.UNKNOWN_COMMAND, "Unknown command"));
                    break;
            }
        } catch (MalformedPacketException e) {
            out.abandon();
            responses.error(new BasaltException(ErrorCode.UNKNOWN_COMMAND, "Malformed communication packet"));
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            out.abandon();
            responses.error(UserErrors.translate(e, "Command 0x" + Integer.toHexString(command), session.connectionId()));
        }
        out.flush();
        return null;
    }

    private PendingCommand query(String sql) {
        List<String> statements = session.splitStatements(sql);
        if (statements.isEmpty()) {
            throw new BasaltException(ErrorCode.EMPTY_QUERY, "Query was empty");
        }
        if (statements.size() > 1 && !multiStatements) {
            // What MySQL says when multi-statements are off: the text after the first statement is junk.
            String rest = statements.get(1);
            throw BasaltException.of(ErrorCode.PARSE_ERROR, "You have an error in your SQL syntax; check the manual that "
                    + "corresponds to your MySQL server version for the right syntax to use near '%s' at line 1",
                    rest.length() > MAX_QUOTED_STATEMENT ? rest.substring(0, MAX_QUOTED_STATEMENT) : rest);
        }
        QueryExecution execution = new QueryExecution(session, statements, channel, out, responses);
        return execution.resume() ? null : execution;
    }

    private void fieldList(ByteBuf payload) {
        String table = BasicTypes.readNulString(payload, StandardCharsets.UTF_8);
        String wildcard = payload.isReadable() ? BasicTypes.readRestOfPacket(payload, StandardCharsets.UTF_8) : null;
        List<Field> fields = session.listFields(table, wildcard).getFields();
        for (Field field : fields) {
            responses.fieldListColumn(ArrowColumnMapping.describe(field));
        }
        responses.endOfResult(SessionStatus.flags(session, false), 0);
    }

    private void setOption(ByteBuf payload) {
        int option = BasicTypes.readUnsignedShortLE(payload);
        if (option == MULTI_STATEMENTS_ON) {
            multiStatements = true;
        } else if (option == MULTI_STATEMENTS_OFF) {
            multiStatements = false;
        } else {
            throw new BasaltException(ErrorCode.UNKNOWN_COMMAND, "Unknown command");
        }
        responses.endOfResult(SessionStatus.flags(session, false), 0);
    }

    // COM_PROCESS_KILL (mysqladmin kill): what the server does for the KILL statement.
    private void kill(ByteBuf payload) {
        long id = BasicTypes.readIntLE(payload) & 0xFFFF_FFFFL;
        try (QueryResult result = session.execute("KILL " + id)) {
            ok();
        }
    }

    private void ok() {
        responses.ok(0, 0, SessionStatus.flags(session, false), 0, null);
    }
}
