package io.basalt.flight;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.session.BatchStream;
import io.basalt.session.ClientInfo;
import io.basalt.session.ColumnMetadata;
import io.basalt.session.IngestOptions;
import io.basalt.session.PreparedStatement;
import io.basalt.session.QueryResult;
import io.basalt.session.Session;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A session that understands a few statements, enough to drive every Flight SQL path:
 * {@code GENERATE n} streams 0..n-1 as BIGINT in batches of 1000, {@code UPDATE n} reports n rows,
 * {@code BAD} fails to parse, and the information_schema queries of the metadata commands answer
 * one database "shop" with one table "items"(id BIGINT primary key, name VARCHAR(20)).
 */
final class FakeSession implements Session {
    static final String PARSE_MESSAGE = "You have an error in your SQL syntax; check the manual that corresponds "
            + "to your Basalt server version for the right syntax to use near 'BAD' at line 1";
    private static final Pattern GENERATE = Pattern.compile("GENERATE (\\d+)");
    private static final Pattern UPDATE = Pattern.compile("UPDATE (\\d+)");

    private final ClientInfo client;
    private final BufferAllocator allocator;
    private String database;
    final List<String> executed = new CopyOnWriteArrayList<>();
    final List<List<Object>> preparedRuns = new CopyOnWriteArrayList<>();
    final List<GeneratedStream> streams = new CopyOnWriteArrayList<>();
    volatile long ingestedRows;
    volatile int ingestedBatches;
    volatile IngestOptions ingestOptions;
    volatile boolean cancelled;
    volatile boolean closed;

    FakeSession(ClientInfo client, BufferAllocator allocator) {
        this.client = client;
        this.allocator = allocator;
    }

    static Schema itemsSchema() {
        return new Schema(List.of(
                ColumnMetadata.field("id", new ArrowType.Int(64, true), false, Map.of(ColumnMetadata.SQL_TYPE, "bigint",
                        ColumnMetadata.SCHEMA, "shop", ColumnMetadata.TABLE, "items", ColumnMetadata.ORIGINAL_TABLE,
                        "items", ColumnMetadata.ORIGINAL_NAME, "id", ColumnMetadata.PRIMARY_KEY, "true",
                        ColumnMetadata.AUTO_INCREMENT, "true")),
                ColumnMetadata.field("name", ArrowType.Utf8.INSTANCE, true, Map.of(ColumnMetadata.SQL_TYPE, "varchar(20)",
                        ColumnMetadata.LENGTH, "20", ColumnMetadata.SCHEMA, "shop", ColumnMetadata.TABLE, "items",
                        ColumnMetadata.ORIGINAL_TABLE, "items", ColumnMetadata.ORIGINAL_NAME, "name"))));
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
    public void useDatabase(String db) {
        if (!db.equals("shop") && !db.equals("information_schema")) {
            throw BasaltException.of(ErrorCode.UNKNOWN_DATABASE, "Unknown database '%s'", db);
        }
        database = db;
    }

    @Override
    public List<String> splitStatements(String sql) {
        return List.of(sql);
    }

    @Override
    public QueryResult execute(String sql) {
        executed.add(sql);
        Matcher m = GENERATE.matcher(sql);
        if (m.matches()) {
            GeneratedStream s = new GeneratedStream(Long.parseLong(m.group(1)), allocator);
            streams.add(s);
            return new QueryResult.Rows(s, 0);
        }
        m = UPDATE.matcher(sql);
        if (m.matches()) {
            return QueryResult.UpdateCount.of(Long.parseLong(m.group(1)));
        }
        if (sql.contains("information_schema.KEYWORDS")) {
            return strings(List.of("WORD"), List.of(List.of("FROM"), List.of("SELECT")));
        }
        if (sql.contains("information_schema.SCHEMATA")) {
            List<List<String>> rows = new ArrayList<>();
            for (String db : List.of("information_schema", "shop")) {
                if (!sql.contains("LIKE") || sql.contains("'" + db + "'") || sql.contains("'s%'") && db.startsWith("s")) {
                    rows.add(List.of(db));
                }
            }
            return strings(List.of("SCHEMA_NAME"), rows);
        }
        if (sql.contains("information_schema.TABLES")) {
            boolean views = sql.contains("TABLE_TYPE IN") && !sql.contains("'BASE TABLE'");
            return strings(List.of("TABLE_SCHEMA", "TABLE_NAME", "TABLE_TYPE"),
                    views ? List.of() : List.of(List.of("shop", "items", "BASE TABLE")));
        }
        if (sql.contains("information_schema.KEY_COLUMN_USAGE")) {
            return new QueryResult.Rows(new FixedStream(pkSchema(), allocator, root -> {
                ((VarCharVector) root.getVector(0)).setSafe(0, "shop".getBytes());
                ((VarCharVector) root.getVector(1)).setSafe(0, "items".getBytes());
                ((VarCharVector) root.getVector(2)).setSafe(0, "id".getBytes());
                ((BigIntVector) root.getVector(3)).setSafe(0, 1);
                ((VarCharVector) root.getVector(4)).setSafe(0, "PRIMARY".getBytes());
                root.setRowCount(1);
            }), 0);
        }
        if (sql.equals("SELECT * FROM `shop`.`items` LIMIT 0")) {
            return new QueryResult.Rows(new FixedStream(itemsSchema(), allocator, null), 0);
        }
        throw new BasaltException(ErrorCode.PARSE_ERROR, PARSE_MESSAGE);
    }

    private static Schema pkSchema() {
        ArrowType s = ArrowType.Utf8.INSTANCE;
        return new Schema(List.of(Field.nullable("TABLE_SCHEMA", s), Field.nullable("TABLE_NAME", s),
                Field.nullable("COLUMN_NAME", s), Field.nullable("ORDINAL_POSITION", new ArrowType.Int(64, true)),
                Field.nullable("CONSTRAINT_NAME", s)));
    }

    private QueryResult strings(List<String> columns, List<List<String>> rows) {
        List<Field> fields = new ArrayList<>();
        for (String c : columns) {
            fields.add(Field.nullable(c, ArrowType.Utf8.INSTANCE));
        }
        return new QueryResult.Rows(new FixedStream(new Schema(fields), allocator, root -> {
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < columns.size(); c++) {
                    ((VarCharVector) root.getVector(c)).setSafe(r, rows.get(r).get(c).getBytes());
                }
            }
            root.setRowCount(rows.size());
        }), 0);
    }

    /**
     * {@code SELECT ?+?}: two BIGINT parameters, their sum as one BIGINT row. {@code INSERT ?}: one
     * parameter of any type, one row affected. Anything else: no parameters, executed as a statement.
     */
    @Override
    public PreparedStatement prepare(String sql) {
        if (sql.equals("BAD")) {
            throw new BasaltException(ErrorCode.PARSE_ERROR, PARSE_MESSAGE);
        }
        FakeSession session = this;
        return new PreparedStatement() {
            @Override
            public Schema parameters() {
                if (sql.equals("SELECT ?+?")) {
                    return new Schema(List.of(Field.nullable("?1", new ArrowType.Int(64, true)),
                            Field.nullable("?2", new ArrowType.Int(64, true))));
                }
                if (sql.equals("INSERT ?")) {
                    return new Schema(List.of(Field.nullable("?1", ArrowType.Utf8.INSTANCE)));
                }
                return new Schema(List.of());
            }

            @Override
            public Schema resultSchema() {
                if (sql.equals("SELECT ?+?") || sql.startsWith("GENERATE")) {
                    return new Schema(List.of(Field.nullable(sql.startsWith("GENERATE") ? "n" : "sum",
                            new ArrowType.Int(64, true))));
                }
                return new Schema(List.of());
            }

            @Override
            public QueryResult execute(List<Object> values) {
                if (values.size() != parameters().getFields().size()) {
                    throw BasaltException.of(ErrorCode.WRONG_ARGUMENTS,
                            "Incorrect arguments to EXECUTE: expected %d, got %d", parameters().getFields().size(),
                            values.size());
                }
                preparedRuns.add(new ArrayList<>(values));
                if (sql.equals("SELECT ?+?")) {
                    long sum = (Long) values.get(0) + (Long) values.get(1);
                    return new QueryResult.Rows(new FixedStream(resultSchema(), allocator, root -> {
                        ((BigIntVector) root.getVector(0)).setSafe(0, sum);
                        root.setRowCount(1);
                    }), 0);
                }
                if (sql.equals("INSERT ?")) {
                    return QueryResult.UpdateCount.of(1);
                }
                return session.execute(sql);
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public long ingest(IngestOptions options, Schema schema, Iterator<VectorSchemaRoot> batches) {
        ingestOptions = options;
        if (options.table().equals("missing") && options.ifMissing() == IngestOptions.IfMissing.FAIL) {
            throw BasaltException.of(ErrorCode.UNKNOWN_TABLE, "Table 'shop.missing' doesn't exist");
        }
        long rows = 0;
        while (batches.hasNext()) {
            rows += batches.next().getRowCount();
            ingestedBatches++;
        }
        ingestedRows += rows;
        return rows;
    }

    @Override
    public Schema listFields(String table, String wildcard) {
        return new Schema(List.of());
    }

    @Override
    public boolean autocommit() {
        return true;
    }

    @Override
    public boolean inTransaction() {
        return false;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** 0..n-1 as BIGINT "n", 1000 rows a batch, in a child allocator of its own. */
    static final class GeneratedStream implements BatchStream {
        static final int BATCH = 1000;
        private final long total;
        private final BufferAllocator allocator;
        private final VectorSchemaRoot root;
        private long produced;
        volatile int batches;
        volatile boolean closed;

        GeneratedStream(long total, BufferAllocator parent) {
            this.total = total;
            this.allocator = parent.newChildAllocator("generate", 0, Long.MAX_VALUE);
            this.root = VectorSchemaRoot.create(new Schema(List.of(
                    ColumnMetadata.field("n", new ArrowType.Int(64, true), false, Map.of(ColumnMetadata.SQL_TYPE, "BIGINT")))),
                    allocator);
        }

        @Override
        public Schema schema() {
            return root.getSchema();
        }

        @Override
        public VectorSchemaRoot root() {
            return root;
        }

        @Override
        public boolean next() {
            if (closed) {
                throw new IllegalStateException("next() after close()");
            }
            if (produced >= total) {
                return false;
            }
            root.allocateNew();
            BigIntVector v = (BigIntVector) root.getVector(0);
            int n = (int) Math.min(BATCH, total - produced);
            for (int i = 0; i < n; i++) {
                v.setSafe(i, produced + i);
            }
            root.setRowCount(n);
            produced += n;
            batches++;
            return true;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                root.close();
                allocator.close();
            }
        }
    }

    /** One batch filled by a callback (or none when the callback is null). */
    static final class FixedStream implements BatchStream {
        private final BufferAllocator allocator;
        private final VectorSchemaRoot root;
        private final java.util.function.Consumer<VectorSchemaRoot> fill;
        private boolean sent;

        FixedStream(Schema schema, BufferAllocator parent, java.util.function.Consumer<VectorSchemaRoot> fill) {
            this.allocator = parent.newChildAllocator("fixed", 0, Long.MAX_VALUE);
            this.root = VectorSchemaRoot.create(schema, allocator);
            this.fill = fill;
        }

        @Override
        public Schema schema() {
            return root.getSchema();
        }

        @Override
        public VectorSchemaRoot root() {
            return root;
        }

        @Override
        public boolean next() {
            if (sent || fill == null) {
                return false;
            }
            sent = true;
            root.allocateNew();
            fill.accept(root);
            return true;
        }

        @Override
        public void close() {
            root.close();
            allocator.close();
        }
    }
}
