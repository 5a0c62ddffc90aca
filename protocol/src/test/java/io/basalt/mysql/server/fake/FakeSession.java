package io.basalt.mysql.server.fake;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.session.ClientInfo;
import io.basalt.session.ColumnMetadata;
import io.basalt.session.PreparedStatement;
import io.basalt.session.QueryResult;
import io.basalt.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A session with canned answers:
 *
 * <ul>
 *   <li>{@code SELECT @@x [AS y], ...} and {@code SET ...}: what drivers send on connect
 *   <li>{@code select all_types}: {@link CannedResults#allTypes}; {@code select 1}; {@code select empty}
 *   <li>{@code update t}: 3 rows, last insert id 42, 1 warning; {@code insert t}: 1 row, id 7
 *   <li>{@code select missing}: ER_NO_SUCH_TABLE; {@code select boom}: an IllegalStateException
 *   <li>{@code select stream <rows> <batch>}: generated ids, {@code rows} -1 for endless
 *   <li>{@code select fail_late}: one batch, then ER_DATA_OUT_OF_RANGE from the stream
 *   <li>{@code sleep}: blocks until cancelled
 *   <li>{@code select '<text>'}: the length of the statement
 *   <li>{@code kill <id>}: OK
 * </ul>
 *
 * Prepared statements are {@link FakePreparedStatement}s.
 */
public final class FakeSession implements Session {
    private static final Pattern VARIABLE = Pattern.compile(
            "@@(?:session\\.|global\\.|local\\.)?(\\w+)(?:\\s+AS\\s+`?(\\w+)`?)?", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> VARIABLES = new HashMap<>();

    static {
        VARIABLES.put("auto_increment_increment", "1");
        VARIABLES.put("character_set_client", "utf8mb4");
        VARIABLES.put("character_set_connection", "utf8mb4");
        VARIABLES.put("character_set_results", "utf8mb4");
        VARIABLES.put("character_set_server", "utf8mb4");
        VARIABLES.put("collation_server", "utf8mb4_general_ci");
        VARIABLES.put("collation_connection", "utf8mb4_general_ci");
        VARIABLES.put("init_connect", "");
        VARIABLES.put("interactive_timeout", "28800");
        VARIABLES.put("license", "Apache-2.0");
        VARIABLES.put("lower_case_table_names", "0");
        VARIABLES.put("max_allowed_packet", "67108864");
        VARIABLES.put("net_write_timeout", "60");
        VARIABLES.put("performance_schema", "0");
        VARIABLES.put("query_cache_size", "0");
        VARIABLES.put("query_cache_type", "OFF");
        VARIABLES.put("sql_mode", "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES");
        VARIABLES.put("system_time_zone", "UTC");
        VARIABLES.put("time_zone", "SYSTEM");
        VARIABLES.put("transaction_isolation", "REPEATABLE-READ");
        VARIABLES.put("tx_isolation", "REPEATABLE-READ");
        VARIABLES.put("transaction_read_only", "0");
        VARIABLES.put("wait_timeout", "28800");
        VARIABLES.put("version_comment", "Basalt");
        VARIABLES.put("autocommit", "1");
    }

    private final ClientInfo client;
    private final BufferAllocator allocator;
    private final List<String> executed = new CopyOnWriteArrayList<>();
    private final List<RootBatchStream> streams = new CopyOnWriteArrayList<>();
    private final AtomicInteger cancels = new AtomicInteger();
    private final List<String> prepared = new CopyOnWriteArrayList<>();
    private final List<List<Object>> bound = new CopyOnWriteArrayList<>();
    private final AtomicInteger openStatements = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CountDownLatch sleeping = new CountDownLatch(1);
    private volatile boolean cancelled;
    private volatile String database;
    private volatile String lastLongStatement;
    private boolean inTransaction;

    FakeSession(ClientInfo client, BufferAllocator allocator) {
        this.client = client;
        this.allocator = allocator;
        this.database = client.database();
    }

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
    public void useDatabase(String name) {
        if ("nodb".equals(name)) {
            throw BasaltException.of(ErrorCode.UNKNOWN_DATABASE, "Unknown database '%s'", name);
        }
        database = name;
    }

    @Override
    public List<String> splitStatements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                add(statements, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, CharSequence statement) {
        String trimmed = statement.toString().trim();
        if (!trimmed.isEmpty()) {
            statements.add(trimmed);
        }
    }

    @Override
    public QueryResult execute(String sql) {
        if (sql.length() > 10_000) {
            lastLongStatement = sql;
            executed.add(sql.substring(0, 100) + "...");
        } else {
            executed.add(sql);
        }
        return answer(sql);
    }

    /** What {@link #execute} answers, without recording the statement. */
    QueryResult answer(String sql) {
        cancelled = false;
        String lower = sql.trim().toLowerCase(Locale.ROOT);
        if (lower.startsWith("kill ")) {
            return QueryResult.UpdateCount.ok();
        }
        if (lower.contains("@@")) {
            return variables(sql);
        }
        if (lower.startsWith("set ")) {
            return QueryResult.UpdateCount.ok();
        }
        if (lower.startsWith("use ")) {
            useDatabase(sql.trim().substring(4).replace("`", "").trim());
            return QueryResult.UpdateCount.ok();
        }
        if (lower.startsWith("select stream ")) {
            String[] parts = lower.split("\\s+");
            return stream(Long.parseLong(parts[2]), Integer.parseInt(parts[3]));
        }
        if (lower.startsWith("select '")) {
            return rows(CannedResults.oneLong(allocator, "length", sql.length()));
        }
        switch (lower) {
            case "begin":
                inTransaction = true;
                return QueryResult.UpdateCount.ok();
            case "commit":
                inTransaction = false;
                return QueryResult.UpdateCount.ok();
            case "show warnings":
                return rows(CannedResults.strings(allocator, List.of("Level", "Code", "Message"), List.of()));
            case "select all_types":
                return rows(CannedResults.allTypes(allocator));
            case "select 1":
                return rows(CannedResults.oneLong(allocator, "1", 1));
            case "select empty":
                return rows(CannedResults.strings(allocator, List.of("v"), List.of()));
            case "update t":
                return new QueryResult.UpdateCount(3, 42, 1, "Rows matched: 3  Changed: 3  Warnings: 1");
            case "insert t":
                return new QueryResult.UpdateCount(1, 7, 0, null);
            case "select missing":
                throw new BasaltException(ErrorCode.UNKNOWN_TABLE, "Table 'shop.missing' doesn't exist");
            case "select boom":
                throw new IllegalStateException("boom");
            case "select fail_late":
                return failLate();
            case "sleep":
                return sleep();
            default:
                throw BasaltException.of(ErrorCode.PARSE_ERROR,
                        "You have an error in your SQL syntax; check the manual near '%s' at line 1", sql);
        }
    }

    private QueryResult variables(String sql) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        Matcher m = VARIABLE.matcher(sql);
        while (m.find()) {
            names.add(m.group(2) != null ? m.group(2) : m.group(0).trim());
            values.add(VARIABLES.get(m.group(1).toLowerCase(Locale.ROOT)));
        }
        return rows(CannedResults.strings(allocator, names, values));
    }

    QueryResult rows(VectorSchemaRoot root) {
        RootBatchStream stream = new RootBatchStream(root, batch -> batch == 0);
        streams.add(stream);
        return new QueryResult.Rows(stream, 0);
    }

    private QueryResult stream(long rows, int batchSize) {
        VectorSchemaRoot root = CannedResults.ids(allocator);
        RootBatchStream stream = new RootBatchStream(root, batch -> {
            if (cancelled) {
                throw new BasaltException(ErrorCode.QUERY_INTERRUPTED, "Query execution was interrupted");
            }
            long first = (long) batch * batchSize;
            if (rows >= 0 && first >= rows) {
                return false;
            }
            CannedResults.fillIds(root, first, (int) (rows < 0 ? batchSize : Math.min(batchSize, rows - first)));
            return true;
        });
        streams.add(stream);
        return new QueryResult.Rows(stream, 0);
    }

    private QueryResult failLate() {
        VectorSchemaRoot root = CannedResults.ids(allocator);
        RootBatchStream stream = new RootBatchStream(root, batch -> {
            if (batch > 0) {
                throw new BasaltException(ErrorCode.OUT_OF_RANGE, "Out of range value for column 'id' at row 11");
            }
            CannedResults.fillIds(root, 0, 10);
            return true;
        });
        streams.add(stream);
        return new QueryResult.Rows(stream, 0);
    }

    private QueryResult sleep() {
        sleeping.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!cancelled && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new BasaltException(ErrorCode.QUERY_INTERRUPTED, "Query execution was interrupted");
    }

    @Override
    public long ingest(io.basalt.session.IngestOptions options, Schema schema,
            java.util.Iterator<org.apache.arrow.vector.VectorSchemaRoot> batches) {
        throw new io.basalt.error.BasaltException(io.basalt.error.ErrorCode.NOT_SUPPORTED,
                "the fake session does not ingest");
    }

    @Override
    public PreparedStatement prepare(String sql) {
        prepared.add(sql);
        Schema result = null;
        String lower = sql.trim().toLowerCase(Locale.ROOT);
        if (FakePreparedStatement.placeholders(sql) == 0 && (lower.startsWith("select") || lower.startsWith("show"))) {
            // The result schema of a statement without placeholders is that of its text.
            QueryResult answer = answer(sql);
            if (answer instanceof QueryResult.Rows rows) {
                result = rows.stream().schema();
                streams.remove((RootBatchStream) rows.stream());
            }
            answer.close();
        }
        openStatements.incrementAndGet();
        return new FakePreparedStatement(this, allocator, sql, result);
    }

    void recordExecution(String sql, List<Object> values) {
        executed.add(sql);
        bound.add(values);
    }

    void statementClosed() {
        openStatements.decrementAndGet();
    }

    @Override
    public Schema listFields(String table, String wildcard) {
        if (!"t".equals(table)) {
            throw BasaltException.of(ErrorCode.UNKNOWN_TABLE, "Table '%s.%s' doesn't exist", database, table);
        }
        List<Field> fields = new ArrayList<>();
        fields.add(CannedResults.field("id", new ArrowType.Int(32, true), false,
                Map.of(ColumnMetadata.TABLE, "t", ColumnMetadata.SCHEMA, String.valueOf(database), ColumnMetadata.PRIMARY_KEY, "true")));
        fields.add(CannedResults.field("name", new ArrowType.Utf8(), true,
                Map.of(ColumnMetadata.TABLE, "t", ColumnMetadata.LENGTH, "20")));
        if (wildcard != null && !wildcard.isEmpty()) {
            String prefix = wildcard.replace("%", "");
            fields.removeIf(f -> !f.getName().startsWith(prefix));
        }
        return new Schema(fields);
    }

    @Override
    public boolean autocommit() {
        return true;
    }

    @Override
    public boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public void cancel() {
        cancels.incrementAndGet();
        cancelled = true;
    }

    @Override
    public void close() {
        closed.countDown();
    }

    // ---- what tests look at ----

    public ClientInfo client() {
        return client;
    }

    public List<String> executed() {
        return executed;
    }

    public List<RootBatchStream> streams() {
        return streams;
    }

    /** Statements prepared, in order. */
    public List<String> prepared() {
        return prepared;
    }

    /** The parameter values of every prepared-statement execution, in order. */
    public List<List<Object>> bound() {
        return bound;
    }

    /** Prepared statements not yet closed. */
    public int openStatements() {
        return openStatements.get();
    }

    public int cancels() {
        return cancels.get();
    }

    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    public boolean awaitClosed(long timeout, TimeUnit unit) throws InterruptedException {
        return closed.await(timeout, unit);
    }

    public boolean awaitSleeping(long timeout, TimeUnit unit) throws InterruptedException {
        return sleeping.await(timeout, unit);
    }

    public String lastLongStatement() {
        return lastLongStatement;
    }
}
