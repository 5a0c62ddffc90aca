package io.basalt.server.session;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.catalog.Catalog;
import io.basalt.server.command.StatementContext;
import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.QueryContext;
import io.basalt.server.exec.StatementEnvironment;
import io.basalt.server.sql.ast.Statement;
import io.basalt.server.sql.parser.SqlParser;
import io.basalt.server.sql.plan.VariableResolver;
import io.basalt.server.state.ApplyResult;
import io.basalt.session.ClientInfo;
import io.basalt.session.QueryResult;
import io.basalt.session.Session;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's session: current database, variables, warnings of the last statement, the
 * running statement (for KILL and SHOW PROCESSLIST). Parses each statement and hands it to the
 * handler for its kind.
 */
public final class BasaltSession implements Session {
    private static final int TEXT_TEMPLATES = 64;
    private static final Logger LOG = LoggerFactory.getLogger(BasaltSession.class);

    private final ClientInfo client;
    private final SessionServices services;
    private final long connectedAt = System.currentTimeMillis();
    private final Map<String, Object> variables;
    private final Map<String, Object> userVariables = new HashMap<>();
    private volatile String database;
    private volatile long lastInsertId;
    /** ROW_COUNT() for the next statement: the last one's affected rows, -1 after a result set or an error. */
    private volatile long rowCount = -1;
    /** FOUND_ROWS() for the next statement: rows the last result set sent; other statements keep it. */
    private volatile long foundRows;
    /** FOUND_ROWS() of a running SELECT SQL_CALC_FOUND_ROWS ... LIMIT, counted without the LIMIT; else -1. */
    private long calculatedFoundRows = -1;
    private List<ExecContext.Warning> warnings = List.of();
    private boolean inTransaction;
    private int writesInTransaction;
    private volatile ExecContext running;
    private List<Object> currentParameters = List.of();
    /** Plan templates of this session's recent written queries, by text with placeholders; least recent out. */
    private final Map<String, PreparedTemplates> textTemplates = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedTemplates> eldest) {
            return size() > TEXT_TEMPLATES;
        }
    };
    private volatile String runningSql;
    /** True while a statement's result stream outlives the call that started it (see resultOpened). */
    private volatile boolean resultOpen;
    private volatile Runnable disconnect;
    private volatile long runningSince;
    private volatile boolean closed;

    private final String accountName;
    private final String accountHost;

    BasaltSession(ClientInfo client, String accountName, String accountHost, SessionServices services) {
        this.client = client;
        this.accountName = accountName;
        this.accountHost = accountHost;
        this.services = services;
        this.variables = SystemVariables.globalsSnapshot();
        services.registry().add(this);
    }

    // ---- Session ----------------------------------------------------------------------------

    @Override
    public long connectionId() {
        return client.connectionId();
    }

    @Override
    public String user() {
        return client.user();
    }

    @Override
    public String database() {
        return database;
    }

    @Override
    public void useDatabase(String db) {
        if (db.equalsIgnoreCase(io.basalt.server.infoschema.InformationSchema.NAME)) {
            database = io.basalt.server.infoschema.InformationSchema.NAME;
            return;
        }
        var def = services.state().catalog().database(db);
        if (def == null) {
            throw BasaltException.of(ErrorCode.UNKNOWN_DATABASE, "Unknown database '%s'", db);
        }
        if (!access().canSeeDatabase(def.name())) {
            throw BasaltException.of(ErrorCode.DATABASE_ACCESS_DENIED, "Access denied for user '%s'@'%s' to database '%s'",
                    accountName, client.remoteHost(), def.name());
        }
        database = def.name();
    }

    /** Leaves no database selected (after DROP DATABASE of the current one). */
    void useDatabaseNone() {
        database = null;
    }

    @Override
    public List<String> splitStatements(String sql) {
        return SqlParser.split(sql);
    }

    @Override
    public QueryResult execute(String sql) {
        return run(sql, () -> SqlParser.parse(sql), List.of(), null);
    }

    /** Runs a prepared statement's parsed form with parameter values bound. */
    QueryResult executePrepared(String sql, Statement parsed, List<Object> parameters) {
        return run(sql, () -> io.basalt.server.sql.ParameterBinder.bind(parsed, parameters), parameters, null);
    }

    /** A prepared query, from {@code templates} when they hold one for its values. */
    QueryResult executePreparedQuery(String sql, Statement.Query parsed, List<Object> parameters,
            PreparedTemplates templates) {
        return run(sql, () -> parsed, parameters,
                statement -> QueryStatements.runPrepared(this, parsed, parameters, templates));
    }

    private QueryResult run(String sql, java.util.function.Supplier<Statement> parse, List<Object> parameters,
            java.util.function.Function<Statement, QueryResult> execute) {
        if (closed) {
            throw new BasaltException(ErrorCode.QUERY_INTERRUPTED, "Connection was killed");
        }
        runningSql = Redaction.redact(sql);
        runningSince = System.currentTimeMillis();
        resultOpen = false;
        currentParameters = parameters;
        calculatedFoundRows = -1;
        List<ExecContext.Warning> previous = warnings;
        try {
            Statement statement = parse.get();
            // SHOW WARNINGS reports the previous statement's warnings; everything else resets them.
            if (!(statement instanceof Statement.Show show && (show.kind() == Statement.ShowKind.WARNINGS
                    || show.kind() == Statement.ShowKind.ERRORS || show.kind() == Statement.ShowKind.COUNT_WARNINGS
                    || show.kind() == Statement.ShowKind.COUNT_ERRORS))) {
                warnings = List.of();
            }
            return counted(execute != null ? execute.apply(statement) : dispatch(statement, previous));
        } catch (BasaltException e) {
            rowCount = -1;
            LOG.debug("statement failed with {}: {} -- {}", e.code().mysqlErrno(), e.getMessage(), abbreviate(sql));
            warnings = List.of(new ExecContext.Warning("Error", e.code().mysqlErrno(), e.getMessage()));
            throw e;
        } catch (StackOverflowError e) {
            rowCount = -1;
            BasaltException be = new BasaltException(ErrorCode.WRONG_ARGUMENTS,
                    "Statement is nested too deeply to be processed");
            warnings = List.of(new ExecContext.Warning("Error", be.code().mysqlErrno(), be.getMessage()));
            throw be;
        } catch (RuntimeException | AssertionError e) {
            rowCount = -1;
            LOG.warn("statement failed unexpectedly: {}", abbreviate(sql), e);
            BasaltException be = new BasaltException(ErrorCode.INTERNAL, "Internal error: " + e, e);
            warnings = List.of(new ExecContext.Warning("Error", be.code().mysqlErrno(), be.getMessage()));
            throw be;
        } finally {
            if (!resultOpen) {
                running = null;
                runningSql = null;
            }
            currentParameters = List.of();
        }
    }

    /**
     * Records what ROW_COUNT() and FOUND_ROWS() of the next statement return, as MySQL does: the
     * affected rows of an OK result; -1 and, once it is read, its row count for a result set (for
     * SQL_CALC_FOUND_ROWS with a LIMIT, the count without the LIMIT).
     */
    private QueryResult counted(QueryResult result) {
        if (result instanceof QueryResult.UpdateCount u) {
            rowCount = u.affectedRows();
            return u;
        }
        rowCount = -1;
        long calculated = calculatedFoundRows;
        return CountedRows.of((QueryResult.Rows) result, n -> foundRows = calculated >= 0 ? calculated : n);
    }

    /** The running SELECT SQL_CALC_FOUND_ROWS found {@code rows} without its LIMIT. */
    void calculatedFoundRows(long rows) {
        calculatedFoundRows = rows;
    }

    /**
     * The statement returns a result the client reads after the call: the statement stays this
     * session's running one (for KILL QUERY and SHOW PROCESSLIST) until {@link #resultClosed}.
     */
    void resultOpened() {
        resultOpen = true;
    }

    /** The streamed result was read to its end, failed or was abandoned. */
    void resultClosed(ExecContext ctx) {
        setWarnings(ctx.warnings());
        if (running == ctx) {
            running = null;
            runningSql = null;
            resultOpen = false;
        }
    }

    @Override
    public long ingest(io.basalt.session.IngestOptions options, Schema schema,
            java.util.Iterator<org.apache.arrow.vector.VectorSchemaRoot> batches) {
        if (closed) {
            throw new BasaltException(ErrorCode.QUERY_INTERRUPTED, "Connection was killed");
        }
        runningSql = "INGEST INTO " + options.table();
        runningSince = System.currentTimeMillis();
        try {
            long written = IngestStatements.ingest(this, options, schema, batches);
            rowCount = written;
            return written;
        } finally {
            running = null;
            runningSql = null;
        }
    }

    @Override
    public io.basalt.session.PreparedStatement prepare(String sql) {
        if (closed) {
            throw new BasaltException(ErrorCode.QUERY_INTERRUPTED, "Connection was killed");
        }
        return new BasaltPreparedStatement(this, sql);
    }

    static String abbreviate(String sql) {
        String r = Redaction.redact(sql);
        return r.length() > 200 ? r.substring(0, 200) + "..." : r;
    }

    /**
     * The columns a result-producing statement (SHOW, EXPLAIN) returns, found by running it and
     * discarding its rows; the session's warnings are left as they were.
     */
    org.apache.arrow.vector.types.pojo.Schema resultSchemaOf(Statement statement) {
        List<ExecContext.Warning> kept = warnings;
        try (QueryResult r = dispatch(statement, kept)) {
            return r instanceof QueryResult.Rows rows ? rows.stream().schema()
                    : new org.apache.arrow.vector.types.pojo.Schema(List.of());
        } finally {
            warnings = kept;
        }
    }

    private QueryResult dispatch(Statement statement, List<ExecContext.Warning> previousWarnings) {
        if (statement instanceof Statement.Query q) {
            // A written query whose WHERE compares columns with whole numbers runs like a prepared one:
            // queries that differ only in those numbers share a plan.
            io.basalt.server.sql.LiteralParameters.Extracted x = currentParameters.isEmpty()
                    ? io.basalt.server.sql.LiteralParameters.extract(q.query()) : null;
            if (x != null) {
                currentParameters = x.values();
                return QueryStatements.runPrepared(this, new Statement.Query(x.query(), q.text(), q.calcFoundRows()),
                        x.values(), textTemplates.computeIfAbsent(x.key(), k -> new PreparedTemplates()));
            }
            return QueryStatements.query(this, q);
        }
        if (statement instanceof Statement.Explain e) {
            return QueryStatements.explain(this, e);
        }
        if (statement instanceof Statement.Show s) {
            return ShowStatements.show(this, s, previousWarnings);
        }
        if (statement instanceof Statement.Use u) {
            useDatabase(u.database());
            return QueryResult.UpdateCount.ok();
        }
        if (statement instanceof Statement.Set s) {
            VariableStatements.set(this, s);
            return QueryResult.UpdateCount.ok();
        }
        if (statement instanceof Statement.SetNames n) {
            VariableStatements.setNames(this, n);
            return QueryResult.UpdateCount.ok();
        }
        if (statement instanceof Statement.SetTransaction t) {
            VariableStatements.setTransaction(this, t);
            return QueryResult.UpdateCount.ok();
        }
        if (statement instanceof Statement.Transaction t) {
            return transaction(t);
        }
        if (statement instanceof Statement.CreateUser || statement instanceof Statement.AlterUser
                || statement instanceof Statement.DropUser || statement instanceof Statement.GrantPrivileges) {
            return UserStatements.execute(this, statement);
        }
        if (statement instanceof Statement.Kill k) {
            return AdminStatements.kill(this, k);
        }
        if (statement instanceof Statement.AlterSystem a) {
            return AdminStatements.alterSystem(this, a);
        }
        if (statement instanceof Statement.AdminShowConfig c) {
            return AdminStatements.showConfig(this, c);
        }
        if (statement instanceof Statement.AdminSetConfig c) {
            return AdminStatements.setConfig(this, c);
        }
        if (statement instanceof Statement.LockTables || statement instanceof Statement.NoOp) {
            return QueryResult.UpdateCount.ok();
        }
        if (statement instanceof Statement.Insert || statement instanceof Statement.Update
                || statement instanceof Statement.Delete) {
            QueryResult r = DmlStatements.execute(this, statement);
            if (inTransaction) {
                writesInTransaction++;
            }
            return r;
        }
        QueryResult r = DdlStatements.execute(this, statement);
        if (inTransaction) {
            // DDL commits implicitly, as in MySQL.
            inTransaction = false;
            writesInTransaction = 0;
        }
        return r;
    }

    /**
     * Basalt commits every statement on its own (statement-level atomicity). BEGIN and COMMIT are
     * accepted; ROLLBACK of a transaction that wrote is refused, because the writes are already
     * committed, rather than pretending to undo them.
     */
    private QueryResult transaction(Statement.Transaction t) {
        switch (t.action()) {
            case BEGIN -> {
                inTransaction = true;
                writesInTransaction = 0;
            }
            case COMMIT -> {
                inTransaction = false;
                writesInTransaction = 0;
            }
            case ROLLBACK -> {
                int writes = writesInTransaction;
                inTransaction = false;
                writesInTransaction = 0;
                if (writes > 0) {
                    throw BasaltException.of(ErrorCode.NOT_SUPPORTED,
                            "This version of Basalt doesn't yet support 'ROLLBACK of written data': Basalt commits "
                                    + "each statement when it runs, and the %d write statement(s) since BEGIN are "
                                    + "already committed", writes);
                }
            }
        }
        return QueryResult.UpdateCount.ok();
    }

    @Override
    public Schema listFields(String table, String wildcard) {
        return ShowStatements.fieldList(this, table, wildcard);
    }

    @Override
    public boolean autocommit() {
        return Long.valueOf(1L).equals(variables.get("autocommit"));
    }

    @Override
    public boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public void cancel() {
        ExecContext ctx = running;
        if (ctx != null) {
            ctx.cancel();
        }
    }

    @Override
    public void attachDisconnect(Runnable disconnect) {
        this.disconnect = disconnect;
    }

    /** KILL CONNECTION: cancel, refuse further statements and end the client's connection. */
    void kill() {
        closed = true;
        cancel();
        Runnable d = disconnect;
        if (d != null) {
            d.run();
        }
    }

    @Override
    public void close() {
        closed = true;
        cancel();
        services.registry().remove(this);
    }

    // ---- for the statement handlers --------------------------------------------------------

    SessionServices services() {
        return services;
    }

    ClientInfo client() {
        return client;
    }

    Map<String, Object> variables() {
        return variables;
    }

    Map<String, Object> userVariables() {
        return userVariables;
    }

    void setWarnings(List<ExecContext.Warning> w) {
        warnings = w;
    }

    void setLastInsertId(long id) {
        lastInsertId = id;
    }

    long connectedAt() {
        return connectedAt;
    }

    String runningSql() {
        return runningSql;
    }

    long runningSince() {
        return runningSince;
    }

    /** The database for unqualified names; fails with 1046 when none is selected. */
    String requireDatabase() {
        if (database == null) {
            throw new BasaltException(ErrorCode.NO_DATABASE_SELECTED, "No database selected");
        }
        return database;
    }

    Catalog catalog() {
        return services.state().catalog();
    }

    StatementEnvironment environment() {
        return new StatementEnvironment(database, client.user(), client.remoteHost(), client.connectionId(),
                LocalDateTime.now().withNano(LocalDateTime.now().getNano() / 1000 * 1000), lastInsertId,
                ThreadLocalRandom.current().nextLong(), services.serverVersion(), sqlMode(), accountName + "@" + accountHost,
                rowCount, foundRows);
    }

    /**
     * With basalt_read_consistency = LINEARIZABLE, waits until this node has applied every write
     * committed before the statement began; LOCAL reads this node's state as it is.
     */
    void awaitReadConsistency() {
        Object mode = variables.get(SystemVariables.READ_CONSISTENCY);
        if (mode == null) {
            mode = SystemVariables.global(SystemVariables.READ_CONSISTENCY);
        }
        if ("LINEARIZABLE".equals(mode)) {
            services.cluster().awaitLinearizableRead();
        }
    }

    /** The session's sql_mode as MySQL reports it (upper case, comma separated). */
    String sqlMode() {
        Object v = variables.get("sql_mode");
        return v == null ? SystemVariables.SQL_MODE : v.toString().toUpperCase(java.util.Locale.ROOT);
    }

    /** A new execution context registered as this session's running statement (KILL QUERY stops it). */
    ExecContext newExecContext(StatementEnvironment env) {
        ExecContext ctx = new ExecContext(env, services.allocator());
        if (variables.get("cte_max_recursion_depth") instanceof Number depth) {
            ctx.setRecursionLimit(depth.longValue());
        }
        running = ctx;
        return ctx;
    }

    QueryContext queryContext(StatementEnvironment env) {
        return new QueryContext(catalog(), env, variableResolver(), services.state()::systemSchemas,
                services.state().stores(), access());
    }

    /** The privileges of this session's account, as the catalog holds them now. */
    io.basalt.server.auth.AccessControl access() {
        io.basalt.server.catalog.UserDef u = io.basalt.server.auth.Accounts.exact(catalog(), accountName, accountHost);
        if (u == null) {
            // The account was dropped while connected: it keeps no privileges.
            u = new io.basalt.server.catalog.UserDef(accountName, accountHost, "", "", List.of(), 0);
        }
        return new io.basalt.server.auth.AccessControl(u, client.remoteHost());
    }

    String accountName() {
        return accountName;
    }

    String accountHost() {
        return accountHost;
    }

    VariableResolver variableResolver() {
        return new VariableResolver() {
            @Override
            public Object systemVariable(String scope, String name) {
                String n = name.toLowerCase(Locale.ROOT);
                SystemVariables.Definition d = SystemVariables.require(n);
                if (d.name().equals("last_insert_id") || d.name().equals("identity")) {
                    return lastInsertId;
                }
                if (d.name().equals("timestamp")) {
                    return System.currentTimeMillis() / 1000;
                }
                if (scope.equals("GLOBAL")) {
                    return SystemVariables.global(d.name());
                }
                if (scope.equals("SESSION") && d.scope() == SystemVariables.Scope.GLOBAL) {
                    throw BasaltException.of(ErrorCode.INCORRECT_GLOBAL_LOCAL_VAR,
                            "Variable '%s' is a GLOBAL variable", d.name());
                }
                Object v = variables.get(d.name());
                return v != null ? v : SystemVariables.global(d.name());
            }

            @Override
            public Object userVariable(String name) {
                return userVariables.get(name.toLowerCase(Locale.ROOT));
            }
        };
    }

    /** Commits a command and turns its result into the OK packet's contents. */
    QueryResult.UpdateCount propose(io.basalt.server.command.Command command, byte[] payload) {
        ApplyResult r = services.proposer().propose(command, payload);
        warnings = r.warnings();
        if (r.lastInsertId() > 0) {
            lastInsertId = r.lastInsertId();
        }
        return new QueryResult.UpdateCount(r.affectedRows(), r.lastInsertId(), r.warnings().size(), r.info());
    }

    StatementContext statementContext(StatementEnvironment env) {
        Long depth = variables.get("cte_max_recursion_depth") instanceof Number n ? n.longValue() : null;
        return StatementContext.of(env, new HashMap<>(userVariables), currentParameters, depth);
    }

    List<ExecContext.Warning> warnings() {
        return new ArrayList<>(warnings);
    }
}
