package io.basalt.flight;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.basalt.session.PreparedStatement;
import io.basalt.session.QueryResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementResult;
import org.apache.arrow.flight.sql.impl.FlightSql.TicketStatementQuery;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * SQL statements, plain and prepared. A query runs when the client asks for its FlightInfo (so
 * errors surface there, as clients expect) and streams when the client presents the ticket; an
 * update runs in its DoPut. Prepared statements bind the parameter rows of a DoPut: a query keeps
 * them for its next execution, an update runs once per row and answers the sum of the counts.
 */
final class StatementCommands {
    private final ResultStreamer streamer;

    StatementCommands(ResultStreamer streamer) {
        this.streamer = streamer;
    }

    // ---- plain statements ----------------------------------------------------------------------

    FlightInfo query(FlightSession session, String sql, FlightDescriptor descriptor) {
        QueryResult result = session.call(s -> s.execute(sql));
        return pending(session, result, List.of(), descriptor);
    }

    long update(FlightSession session, String sql) {
        return session.call(s -> {
            try (QueryResult r = s.execute(sql)) {
                return count(r);
            }
        });
    }

    /** The result schema of a statement, from preparing it (nothing runs). */
    Schema schema(FlightSession session, String sql) {
        return session.call(s -> {
            try (PreparedStatement p = s.prepare(sql)) {
                return FlightSchemas.forClients(p.resultSchema());
            }
        });
    }

    // ---- prepared statements -------------------------------------------------------------------

    ActionCreatePreparedStatementResult prepare(FlightSession session, String sql) {
        PreparedStatement statement = session.call(s -> s.prepare(sql));
        FlightPreparedStatement p = new FlightPreparedStatement(Handles.newHandle(), statement,
                FlightSchemas.forClients(statement.resultSchema()), FlightSchemas.forParameters(statement.parameters()));
        session.addPrepared(p);
        return ActionCreatePreparedStatementResult.newBuilder()
                .setPreparedStatementHandle(Handles.toBytes(p.handle()))
                .setDatasetSchema(ByteString.copyFrom(p.datasetSchema().serializeAsMessage()))
                .setParameterSchema(ByteString.copyFrom(p.parameterSchema().serializeAsMessage()))
                .build();
    }

    void closePrepared(FlightSession session, ByteString handle) {
        session.locked(() -> session.closePrepared(Handles.fromBytes(handle)));
    }

    Schema preparedSchema(FlightSession session, ByteString handle) {
        return session.prepared(Handles.fromBytes(handle)).datasetSchema();
    }

    /** Keeps the parameter rows of a DoPut for the statement's next execution as a query. */
    void bind(FlightSession session, ByteString handle, FlightStream parameters) {
        FlightPreparedStatement p = session.prepared(Handles.fromBytes(handle));
        List<List<Object>> rows = new ArrayList<>();
        while (parameters.next()) {
            rows.addAll(ParameterValues.rows(parameters.getRoot()));
        }
        p.bind(rows);
    }

    /** Runs a prepared query, once per bound parameter row (at least once). */
    FlightInfo queryPrepared(FlightSession session, ByteString handle, FlightDescriptor descriptor) {
        FlightPreparedStatement p = session.prepared(Handles.fromBytes(handle));
        List<List<Object>> rows = p.boundRows();
        List<Object> firstRow = rows.isEmpty() ? List.of() : rows.get(0);
        QueryResult first = session.call(s -> p.statement().execute(firstRow));
        List<Supplier<QueryResult>> later = new ArrayList<>();
        for (List<Object> row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            // Runs when the stream reaches it, under the session lock the streamer holds.
            later.add(() -> p.statement().execute(row));
        }
        return pending(session, first, later, descriptor);
    }

    /**
     * Runs a prepared update once per parameter row of the DoPut (once with the rows bound
     * earlier, or with none, when the DoPut carries no rows) and returns the summed count.
     */
    long updatePrepared(FlightSession session, ByteString handle, FlightStream parameters) {
        FlightPreparedStatement p = session.prepared(Handles.fromBytes(handle));
        long total = 0;
        boolean ran = false;
        while (parameters.next()) {
            for (List<Object> row : ParameterValues.rows(parameters.getRoot())) {
                total += runUpdate(session, p, row);
                ran = true;
            }
        }
        if (!ran) {
            List<List<Object>> bound = p.boundRows();
            if (bound.isEmpty()) {
                total = runUpdate(session, p, List.of());
            } else {
                for (List<Object> row : bound) {
                    total += runUpdate(session, p, row);
                }
            }
        }
        return total;
    }

    private static long runUpdate(FlightSession session, FlightPreparedStatement p, List<Object> row) {
        return session.call(s -> {
            try (QueryResult r = p.statement().execute(row)) {
                return Math.max(0, count(r));
            }
        });
    }

    // ---- results -------------------------------------------------------------------------------

    /** Streams the result a ticket names. */
    void stream(FlightSession session, TicketStatementQuery ticket, ServerStreamListener listener) {
        PendingResult r = session.result(Handles.fromBytes(ticket.getStatementHandle()));
        if (r == null || !r.claim()) {
            listener.error(FlightErrors.notFound("Unknown or already fetched Flight SQL ticket"));
            return;
        }
        streamer.stream(session, r, listener);
    }

    /** CancelFlightInfo: stops the results the info's tickets name. */
    CancelStatus cancel(FlightSession session, FlightInfo info) {
        CancelStatus status = CancelStatus.NOT_CANCELLABLE;
        for (FlightEndpoint e : info.getEndpoints()) {
            String handle = handleOf(e.getTicket());
            PendingResult r = handle == null ? null : session.result(handle);
            if (r == null) {
                continue;
            }
            if (r.claim()) {
                session.locked(r::close);
                session.removeResult(r);
                status = CancelStatus.CANCELLED;
            } else if (r.state() == PendingResult.State.STREAMING) {
                r.requestCancel();
                session.cancel();
                status = CancelStatus.CANCELLING;
            }
        }
        return status;
    }

    private FlightInfo pending(FlightSession session, QueryResult first, List<Supplier<QueryResult>> later,
            FlightDescriptor descriptor) {
        Schema schema = first instanceof QueryResult.Rows rows
                ? FlightSchemas.forClients(rows.stream().schema()) : new Schema(List.of());
        PendingResult r = new PendingResult(Handles.newHandle(), schema, first, later);
        session.addResult(r);
        TicketStatementQuery ticket = TicketStatementQuery.newBuilder()
                .setStatementHandle(Handles.toBytes(r.handle())).build();
        FlightEndpoint endpoint = new FlightEndpoint(new Ticket(Any.pack(ticket).toByteArray()));
        return new FlightInfo(schema, descriptor, List.of(endpoint), -1, -1);
    }

    private static String handleOf(Ticket ticket) {
        try {
            Any any = Any.parseFrom(ticket.getBytes());
            if (any.is(TicketStatementQuery.class)) {
                return Handles.fromBytes(any.unpack(TicketStatementQuery.class).getStatementHandle());
            }
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            // Not one of ours.
        }
        return null;
    }

    /** Affected rows, or -1 ("unknown" in Flight SQL) for a statement that returned rows. */
    private static long count(QueryResult r) {
        return r instanceof QueryResult.UpdateCount u ? u.affectedRows() : -1;
    }
}
