package io.basalt.flight;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.CloseSessionRequest;
import org.apache.arrow.flight.CloseSessionResult;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.GetSessionOptionsRequest;
import org.apache.arrow.flight.GetSessionOptionsResult;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.SetSessionOptionsRequest;
import org.apache.arrow.flight.SetSessionOptionsResult;
import org.apache.arrow.flight.sql.FlightSqlProducer;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionClosePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetCatalogs;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetCrossReference;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetDbSchemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetExportedKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetImportedKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetPrimaryKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetSqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTableTypes;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetXdbcTypeInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementUpdate;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementUpdate;
import org.apache.arrow.flight.sql.impl.FlightSql.DoPutPreparedStatementResult;
import org.apache.arrow.flight.sql.impl.FlightSql.DoPutUpdateResult;
import org.apache.arrow.flight.sql.impl.FlightSql.TicketStatementQuery;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Flight SQL service over Basalt sessions. Each call runs on the session its bearer token
 * names ({@link SessionAuthMiddleware}); this class only routes commands to their handlers and
 * turns failures into Flight statuses.
 */
final class BasaltFlightSqlProducer implements FlightSqlProducer {
    private final FlightSessions sessions;
    private final FlightSqlConfig config;
    private final BufferAllocator allocator;
    private final StatementCommands statements;
    private final MetadataCommands metadata;

    BasaltFlightSqlProducer(FlightSessions sessions, FlightSqlConfig config, BufferAllocator allocator) {
        this.sessions = sessions;
        this.config = config;
        this.allocator = allocator;
        this.statements = new StatementCommands(new ResultStreamer(allocator, config.streamStallTimeout()));
        this.metadata = new MetadataCommands(allocator);
    }

    /** The call's session, switched to the database its {@code database} header names. */
    private static FlightSession session(CallContext context) {
        SessionAuthMiddleware auth = context.getMiddleware(SessionAuthMiddleware.KEY);
        if (auth == null) {
            throw CallStatus.UNAUTHENTICATED.withDescription("Authentication required").toRuntimeException();
        }
        FlightSession session = auth.session();
        String db = auth.requestedDatabase();
        if (db != null) {
            session.run(s -> {
                if (!db.equalsIgnoreCase(s.database())) {
                    s.useDatabase(db);
                }
            });
        }
        return session;
    }

    private static <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw FlightErrors.toFlight(e);
        }
    }

    // ---- statements ----------------------------------------------------------------------------

    @Override
    public FlightInfo getFlightInfoStatement(CommandStatementQuery command, CallContext context,
            FlightDescriptor descriptor) {
        return guarded(() -> statements.query(session(context), command.getQuery(), descriptor));
    }

    @Override
    public SchemaResult getSchemaStatement(CommandStatementQuery command, CallContext context,
            FlightDescriptor descriptor) {
        return guarded(() -> new SchemaResult(statements.schema(session(context), command.getQuery())));
    }

    @Override
    public void getStreamStatement(TicketStatementQuery ticket, CallContext context, ServerStreamListener listener) {
        FlightSession session;
        try {
            session = session(context);
        } catch (RuntimeException e) {
            listener.error(FlightErrors.toFlight(e));
            return;
        }
        statements.stream(session, ticket, listener);
    }

    @Override
    public Runnable acceptPutStatement(CommandStatementUpdate command, CallContext context, FlightStream flightStream,
            StreamListener<PutResult> ackStream) {
        return () -> {
            long count = guarded(() -> statements.update(session(context), command.getQuery()));
            sendUpdateCount(ackStream, count);
        };
    }

    @Override
    public Runnable acceptPutStatementBulkIngest(CommandStatementIngest command, CallContext context,
            FlightStream flightStream, StreamListener<PutResult> ackStream) {
        return () -> {
            long count = guarded(() -> IngestCommand.ingest(session(context), command, flightStream));
            sendUpdateCount(ackStream, count);
        };
    }

    // ---- prepared statements -------------------------------------------------------------------

    @Override
    public void createPreparedStatement(ActionCreatePreparedStatementRequest request, CallContext context,
            StreamListener<Result> listener) {
        try {
            if (request.hasTransactionId()) {
                throw FlightErrors.invalidArgument("Basalt has no Flight SQL transactions");
            }
            Message result = statements.prepare(session(context), request.getQuery());
            listener.onNext(new Result(Any.pack(result).toByteArray()));
            listener.onCompleted();
        } catch (RuntimeException e) {
            listener.onError(FlightErrors.toFlight(e));
        }
    }

    @Override
    public void closePreparedStatement(ActionClosePreparedStatementRequest request, CallContext context,
            StreamListener<Result> listener) {
        try {
            statements.closePrepared(session(context), request.getPreparedStatementHandle());
            listener.onCompleted();
        } catch (RuntimeException e) {
            listener.onError(FlightErrors.toFlight(e));
        }
    }

    @Override
    public FlightInfo getFlightInfoPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
            FlightDescriptor descriptor) {
        return guarded(() -> statements.queryPrepared(session(context), command.getPreparedStatementHandle(),
                descriptor));
    }

    @Override
    public SchemaResult getSchemaPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
            FlightDescriptor descriptor) {
        return guarded(() -> new SchemaResult(
                statements.preparedSchema(session(context), command.getPreparedStatementHandle())));
    }

    @Override
    public void getStreamPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
            ServerStreamListener listener) {
        // Our FlightInfo for a prepared query carries a TicketStatementQuery, never this command.
        listener.error(FlightErrors.invalidArgument("Fetch a prepared statement's rows with the ticket of its "
                + "FlightInfo"));
    }

    @Override
    public Runnable acceptPutPreparedStatementUpdate(CommandPreparedStatementUpdate command, CallContext context,
            FlightStream flightStream, StreamListener<PutResult> ackStream) {
        return () -> {
            long count = guarded(() -> statements.updatePrepared(session(context),
                    command.getPreparedStatementHandle(), flightStream));
            sendUpdateCount(ackStream, count);
        };
    }

    @Override
    public Runnable acceptPutPreparedStatementQuery(CommandPreparedStatementQuery command, CallContext context,
            FlightStream flightStream, StreamListener<PutResult> ackStream) {
        return () -> {
            guarded(() -> {
                statements.bind(session(context), command.getPreparedStatementHandle(), flightStream);
                return null;
            });
            // The handle stays valid: parameters are kept on the server.
            sendMetadata(ackStream, DoPutPreparedStatementResult.newBuilder()
                    .setPreparedStatementHandle(command.getPreparedStatementHandle()).build().toByteArray());
        };
    }

    // ---- cancellation and session --------------------------------------------------------------

    @Override
    public void cancelFlightInfo(CancelFlightInfoRequest request, CallContext context,
            StreamListener<CancelStatus> listener) {
        try {
            CancelStatus status = statements.cancel(session(context), request.getInfo());
            listener.onNext(status);
            listener.onCompleted();
        } catch (RuntimeException e) {
            listener.onError(FlightErrors.toFlight(e));
        }
    }

    @Override
    public void setSessionOptions(SetSessionOptionsRequest request, CallContext context,
            StreamListener<SetSessionOptionsResult> listener) {
        try {
            listener.onNext(SessionOptions.set(session(context), request));
            listener.onCompleted();
        } catch (RuntimeException e) {
            listener.onError(FlightErrors.toFlight(e));
        }
    }

    @Override
    public void getSessionOptions(GetSessionOptionsRequest request, CallContext context,
            StreamListener<GetSessionOptionsResult> listener) {
        try {
            listener.onNext(SessionOptions.get(session(context)));
            listener.onCompleted();
        } catch (RuntimeException e) {
            listener.onError(FlightErrors.toFlight(e));
        }
    }

    @Override
    public void closeSession(CloseSessionRequest request, CallContext context,
            StreamListener<CloseSessionResult> listener) {
        try {
            SessionAuthMiddleware auth = context.getMiddleware(SessionAuthMiddleware.KEY);
            sessions.close(auth.session());
            listener.onNext(new CloseSessionResult(CloseSessionResult.Status.CLOSED));
            listener.onCompleted();
        } catch (RuntimeException e) {
            listener.onError(FlightErrors.toFlight(e));
        }
    }

    // ---- metadata ------------------------------------------------------------------------------

    @Override
    public FlightInfo getFlightInfoSqlInfo(CommandGetSqlInfo request, CallContext context,
            FlightDescriptor descriptor) {
        return MetadataCommands.info(request, descriptor, Schemas.GET_SQL_INFO_SCHEMA);
    }

    @Override
    public void getStreamSqlInfo(CommandGetSqlInfo command, CallContext context, ServerStreamListener listener) {
        try {
            FlightSession session = session(context);
            List<String> keywords = session.call(s -> SmallResults.query(s,
                    "SELECT WORD FROM information_schema.KEYWORDS ORDER BY WORD")).stream()
                    .map(r -> (String) r[0]).toList();
            SqlInfos.builder(config, keywords).send(SqlInfos.answerable(command.getInfoList()), listener);
        } catch (RuntimeException e) {
            listener.error(FlightErrors.toFlight(e));
        }
    }

    @Override
    public FlightInfo getFlightInfoTypeInfo(CommandGetXdbcTypeInfo request, CallContext context,
            FlightDescriptor descriptor) {
        return MetadataCommands.info(request, descriptor, Schemas.GET_TYPE_INFO_SCHEMA);
    }

    @Override
    public void getStreamTypeInfo(CommandGetXdbcTypeInfo request, CallContext context,
            ServerStreamListener listener) {
        send(listener, Schemas.GET_TYPE_INFO_SCHEMA,
                () -> XdbcTypes.rows(request.hasDataType() ? request.getDataType() : null));
    }

    @Override
    public FlightInfo getFlightInfoCatalogs(CommandGetCatalogs request, CallContext context,
            FlightDescriptor descriptor) {
        return MetadataCommands.info(request, descriptor, Schemas.GET_CATALOGS_SCHEMA);
    }

    @Override
    public void getStreamCatalogs(CallContext context, ServerStreamListener listener) {
        send(listener, Schemas.GET_CATALOGS_SCHEMA, metadata::catalogs);
    }

    @Override
    public FlightInfo getFlightInfoSchemas(CommandGetDbSchemas request, CallContext context,
            FlightDescriptor descriptor) {
        return MetadataCommands.info(request, descriptor, Schemas.GET_SCHEMAS_SCHEMA);
    }

    @Override
    public void getStreamSchemas(CommandGetDbSchemas command, CallContext context, ServerStreamListener listener) {
        send(listener, Schemas.GET_SCHEMAS_SCHEMA, () -> metadata.dbSchemas(session(context), command));
    }

    @Override
    public FlightInfo getFlightInfoTables(CommandGetTables request, CallContext context,
            FlightDescriptor descriptor) {
        return MetadataCommands.info(request, descriptor, MetadataCommands.tablesSchema(request.getIncludeSchema()));
    }

    @Override
    public void getStreamTables(CommandGetTables command, CallContext context, ServerStreamListener listener) {
        send(listener, MetadataCommands.tablesSchema(command.getIncludeSchema()),
                () -> metadata.tables(session(context), command));
    }

    @Override
    public FlightInfo getFlightInfoTableTypes(CommandGetTableTypes request, CallContext context,
            FlightDescriptor descriptor) {
        return MetadataCommands.info(request, descriptor, Schemas.GET_TABLE_TYPES_SCHEMA);
    }

    @Override
    public void getStreamTableTypes(CallContext context, ServerStreamListener listener) {
        send(listener, Schemas.GET_TABLE_TYPES_SCHEMA, metadata::tableTypes);
    }

    @Override
    public FlightInfo getFlightInfoPrimaryKeys(CommandGetPrimaryKeys request, CallContext context,
            FlightDescriptor descriptor) {
        return MetadataCommands.info(request, descriptor, Schemas.GET_PRIMARY_KEYS_SCHEMA);
    }

    @Override
    public void getStreamPrimaryKeys(CommandGetPrimaryKeys command, CallContext context,
            ServerStreamListener listener) {
        send(listener, Schemas.GET_PRIMARY_KEYS_SCHEMA, () -> metadata.primaryKeys(session(context), command));
    }

    @Override
    public FlightInfo getFlightInfoExportedKeys(CommandGetExportedKeys request, CallContext context,
            FlightDescriptor descriptor) {
        return MetadataCommands.info(request, descriptor, Schemas.GET_EXPORTED_KEYS_SCHEMA);
    }

    @Override
    public FlightInfo getFlightInfoImportedKeys(CommandGetImportedKeys request, CallContext context,
            FlightDescriptor descriptor) {
        return MetadataCommands.info(request, descriptor, Schemas.GET_IMPORTED_KEYS_SCHEMA);
    }

    @Override
    public FlightInfo getFlightInfoCrossReference(CommandGetCrossReference request, CallContext context,
            FlightDescriptor descriptor) {
        return MetadataCommands.info(request, descriptor, Schemas.GET_CROSS_REFERENCE_SCHEMA);
    }

    // Basalt has no foreign keys: the key commands answer with no rows.

    @Override
    public void getStreamExportedKeys(CommandGetExportedKeys command, CallContext context,
            ServerStreamListener listener) {
        send(listener, Schemas.GET_EXPORTED_KEYS_SCHEMA, List::of);
    }

    @Override
    public void getStreamImportedKeys(CommandGetImportedKeys command, CallContext context,
            ServerStreamListener listener) {
        send(listener, Schemas.GET_IMPORTED_KEYS_SCHEMA, List::of);
    }

    @Override
    public void getStreamCrossReference(CommandGetCrossReference command, CallContext context,
            ServerStreamListener listener) {
        send(listener, Schemas.GET_CROSS_REFERENCE_SCHEMA, List::of);
    }

    // ---- plumbing ------------------------------------------------------------------------------

    @Override
    public void listFlights(CallContext context, Criteria criteria, StreamListener<FlightInfo> listener) {
        // Flight SQL clients do not list flights; there is nothing stored under descriptors.
        listener.onCompleted();
    }

    @Override
    public void close() {
        // Sessions and the allocator belong to FlightSqlServer.
    }

    private void send(ServerStreamListener listener, Schema schema, Supplier<List<Object[]>> rows) {
        List<Object[]> r;
        try {
            r = rows.get();
        } catch (RuntimeException e) {
            listener.error(FlightErrors.toFlight(e));
            return;
        }
        metadata.send(listener, schema, r);
    }

    private void sendUpdateCount(StreamListener<PutResult> ackStream, long count) {
        sendMetadata(ackStream, DoPutUpdateResult.newBuilder().setRecordCount(count).build().toByteArray());
    }

    private void sendMetadata(StreamListener<PutResult> ackStream, byte[] bytes) {
        try (ArrowBuf buf = allocator.buffer(bytes.length)) {
            buf.writeBytes(bytes);
            ackStream.onNext(PutResult.metadata(buf));
        }
        ackStream.onCompleted();
    }
}
