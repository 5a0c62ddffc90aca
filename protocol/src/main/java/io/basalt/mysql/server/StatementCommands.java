package io.basalt.mysql.server;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.mysql.codec.BasicTypes;
import io.basalt.mysql.codec.MalformedPacketException;
import io.basalt.mysql.prepared.ExecuteRequest;
import io.basalt.mysql.prepared.ParameterBinder;
import io.basalt.mysql.prepared.PrepareOk;
import io.basalt.mysql.resultset.ArrowColumnMapping;
import io.basalt.mysql.resultset.RowFormat;
import io.basalt.session.PreparedStatement;
import io.basalt.session.QueryResult;
import io.basalt.session.Session;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-side prepared statements of one session: COM_STMT_PREPARE, EXECUTE (binary rows, or a
 * cursor when asked), SEND_LONG_DATA, RESET, CLOSE and FETCH. Statement ids count from 1 per
 * connection; closing the connection or resetting it closes every statement.
 */
final class StatementCommands {
    private static final Logger LOG = LoggerFactory.getLogger(StatementCommands.class);
    // MariaDB clients may execute "the statement just prepared" by this id when pipelining.
    private static final long LAST_PREPARED = 0xFFFF_FFFFL;
    private static final int MAX_COUNT = 0xFFFF;

    private final Session session;
    private final Channel channel;
    private final PacketChannelWriter out;
    private final ResponseWriter responses;
    private final long maxLongData;
    private final Map<Long, ServerStatement> statements = new HashMap<>();
    private long nextId = 1;
    private long lastPrepared = -1;

    StatementCommands(Session session, Channel channel, PacketChannelWriter out, ResponseWriter responses, long maxLongData) {
        this.session = session;
        this.channel = channel;
        this.out = out;
        this.responses = responses;
        this.maxLongData = maxLongData;
    }

    /** COM_STMT_PREPARE: prepare-OK, then parameter definitions and column definitions. */
    void prepare(ByteBuf payload) {
        String sql = BasicTypes.readRestOfPacket(payload, StandardCharsets.UTF_8);
        PreparedStatement prepared = session.prepare(sql);
        try {
            List<Field> parameters = prepared.parameters().getFields();
            List<Field> columns = prepared.resultSchema().getFields();
            if (parameters.size() > MAX_COUNT || columns.size() > MAX_COUNT) {
                // The counts travel as 2-byte integers.
                throw BasaltException.of(ErrorCode.WRONG_ARGUMENTS,
                        "Prepared statement contains too many placeholders or columns (at most %d)", MAX_COUNT);
            }
            long id = nextId++;
            ServerStatement statement = new ServerStatement(id, prepared, new ParameterBinder(parameters, maxLongData));
            int status = SessionStatus.flags(session, false);
            responses.prepareOk(new PrepareOk(id, columns.size(), parameters.size(), 0));
            for (Field parameter : parameters) {
                responses.column(ArrowColumnMapping.describeParameter(parameter));
            }
            if (!parameters.isEmpty()) {
                responses.endOfColumns(status);
            }
            for (Field column : columns) {
                responses.column(ArrowColumnMapping.describe(column));
            }
            if (!columns.isEmpty()) {
                responses.endOfColumns(status);
            }
            statements.put(id, statement);
            lastPrepared = id;
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            prepared.close();
            throw e;
        }
    }

    /**
     * COM_STMT_EXECUTE: an OK, a result set of binary rows, or, when the client asked for a cursor,
     * the column definitions only.
     *
     * @return the rest of a result set still to be sent once the channel drains, or null
     */
    PendingCommand execute(ByteBuf payload) {
        ExecuteRequest request;
        ServerStatement statement;
        List<Object> values;
        try {
            request = ExecuteRequest.parse(payload);
            statement = statement(request.statementId(), "mysqld_stmt_execute");
            if (request.parameterCount() >= 0 && request.parameterCount() != statement.parameters().count()) {
                // Query attributes would follow the parameters; Basalt does not offer them.
                throw wrongArguments("mysqld_stmt_execute");
            }
            values = statement.parameters().bind(payload);
        } catch (MalformedPacketException e) {
            LOG.debug("Malformed COM_STMT_EXECUTE on connection {}: {}", session.connectionId(), e.getMessage());
            throw wrongArguments("mysqld_stmt_execute");
        }
        // Executing again closes the cursor of the previous execution, as in MySQL.
        statement.closeCursor();
        QueryResult result = statement.prepared().execute(values);
        if (result instanceof QueryResult.UpdateCount count) {
            responses.ok(count.affectedRows(), count.lastInsertId(), SessionStatus.flags(session, false), count.warnings(),
                    count.info());
            return null;
        }
        QueryResult.Rows rows = (QueryResult.Rows) result;
        if (request.wantsCursor()) {
            StatementCursor cursor = StatementCursor.open(rows, session, responses);
            if (cursor != null) {
                statement.openCursor(cursor);
            }
            return null;
        }
        ResultSetStreamer streamer = new ResultSetStreamer(rows, session, false, channel, out, responses, RowFormat.BINARY);
        return streamer.pump() == ResultSetStreamer.Progress.SUSPENDED ? new StreamerCommand(streamer) : null;
    }

    /** COM_STMT_FETCH: rows from the statement's open cursor. */
    PendingCommand fetch(ByteBuf payload) {
        long id = BasicTypes.readIntLE(payload) & 0xFFFF_FFFFL;
        long rows = BasicTypes.readIntLE(payload) & 0xFFFF_FFFFL;
        ServerStatement statement = statement(id, "mysqld_stmt_fetch");
        StatementCursor cursor = statement.cursor();
        if (cursor == null) {
            throw BasaltException.of(ErrorCode.STMT_HAS_NO_OPEN_CURSOR, "The statement (%d) has no open cursor.", id);
        }
        CursorFetch fetch = new CursorFetch(statement, cursor, rows, session, channel, out, responses);
        return fetch.resume() ? null : fetch;
    }

    /** COM_STMT_SEND_LONG_DATA: appends to a parameter. Never answered; problems surface at execute. */
    void sendLongData(ByteBuf payload) {
        try {
            long id = BasicTypes.readIntLE(payload) & 0xFFFF_FFFFL;
            int parameter = BasicTypes.readUnsignedShortLE(payload);
            ServerStatement statement = statements.get(resolve(id));
            if (statement == null) {
                LOG.debug("COM_STMT_SEND_LONG_DATA for unknown statement {} on connection {}", id, session.connectionId());
                return;
            }
            statement.parameters().appendLongData(parameter, payload);
        } catch (MalformedPacketException e) {
            LOG.debug("Malformed COM_STMT_SEND_LONG_DATA on connection {}: {}", session.connectionId(), e.getMessage());
        }
    }

    /** COM_STMT_RESET: forgets long data and closes the cursor; answered with OK. */
    void reset(ByteBuf payload) {
        long id = BasicTypes.readIntLE(payload) & 0xFFFF_FFFFL;
        ServerStatement statement = statement(id, "mysqld_stmt_reset");
        statement.closeCursor();
        statement.parameters().reset();
        responses.ok(0, 0, SessionStatus.flags(session, false), 0, null);
    }

    /** COM_STMT_CLOSE: releases the statement. Never answered, not even for an unknown id. */
    void close(ByteBuf payload) {
        if (payload.readableBytes() < 4) {
            LOG.debug("Malformed COM_STMT_CLOSE on connection {}", session.connectionId());
            return;
        }
        ServerStatement statement = statements.remove(resolve(payload.readIntLE() & 0xFFFF_FFFFL));
        if (statement != null) {
            statement.close();
        }
    }

    /** Closes every statement; the session is going away or being replaced. */
    void closeAll() {
        List<ServerStatement> open = new ArrayList<>(statements.values());
        statements.clear();
        for (ServerStatement statement : open) {
            statement.close();
        }
    }

    /** Number of statements open; for tests and diagnostics. */
    int openStatements() {
        return statements.size();
    }

    private ServerStatement statement(long id, String command) {
        ServerStatement statement = statements.get(resolve(id));
        if (statement == null) {
            throw BasaltException.of(ErrorCode.UNKNOWN_STATEMENT_HANDLER,
                    "Unknown prepared statement handler (%d) given to %s", id, command);
        }
        return statement;
    }

    private long resolve(long id) {
        return id == LAST_PREPARED ? lastPrepared : id;
    }

    private static BasaltException wrongArguments(String command) {
        return BasaltException.of(ErrorCode.WRONG_ARGUMENTS, "Incorrect arguments to %s", command);
    }

    /** The rest of a binary result set, streamed as the channel drains. */
    private record StreamerCommand(ResultSetStreamer streamer) implements PendingCommand {
        @Override
        public boolean resume() {
            return streamer.pump() != ResultSetStreamer.Progress.SUSPENDED;
        }

        @Override
        public void abort() {
            streamer.close();
        }
    }
}
