package io.basalt.server.dml;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.catalog.ColumnDef;
import io.basalt.server.catalog.TableDef;
import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.QueryContext;
import io.basalt.server.exec.QueryRunner;
import io.basalt.server.exec.op.RowSource;
import io.basalt.server.exec.value.MysqlValues;
import io.basalt.server.sql.ast.ObjectName;
import io.basalt.server.sql.ast.Statement;
import io.basalt.server.sql.plan.BasaltTable;
import io.basalt.storage.TableStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Runs UPDATE, DELETE and INSERT ... SELECT against the current state. Each becomes a query over
 * the target table that selects the rows' storage locators (and new values), and the result is
 * committed as one storage mutation through {@link TableWriter}.
 */
public final class DmlExecutor {
    private static final SqlParserPos POS = SqlParserPos.ZERO;

    private final QueryContext qc;
    private final BufferAllocator allocator;
    private final AutoIncrements autoIncrements;

    public DmlExecutor(QueryContext qc, BufferAllocator allocator, AutoIncrements autoIncrements) {
        this.qc = qc;
        this.allocator = allocator;
        this.autoIncrements = autoIncrements;
    }

    private TableDef table(ObjectName name) {
        String db = name.databaseOr(qc.database());
        if (db == null) {
            throw new BasaltException(ErrorCode.NO_DATABASE_SELECTED, "No database selected");
        }
        TableDef t = qc.catalog().table(db, name.name());
        if (t == null) {
            if (qc.catalog().view(db, name.name()) != null) {
                throw BasaltException.of(ErrorCode.NOT_SUPPORTED,
                        "This version of Basalt doesn't yet support 'writes through views'");
            }
            throw BasaltException.of(ErrorCode.UNKNOWN_TABLE, "Table '%s.%s' doesn't exist", db, name.name());
        }
        return t;
    }

    private TableStore store(TableDef t) {
        TableStore s = qc.stores().apply(t.id());
        if (s == null) {
            throw BasaltException.of(ErrorCode.UNKNOWN_TABLE, "Table '%s.%s' doesn't exist", t.database(), t.name());
        }
        return s;
    }

    private static SqlNode from(TableDef t, String alias) {
        SqlIdentifier id = new SqlIdentifier(List.of(t.database(), t.name()), POS);
        return alias == null ? id : SqlStdOperatorTable.AS.createCall(POS, id, new SqlIdentifier(alias, POS));
    }

    private static SqlIdentifier column(TableDef t, String alias, String name) {
        return new SqlIdentifier(List.of(alias != null ? alias : t.name(), name), POS);
    }

    private static SqlNode limited(SqlSelect select, SqlNode orderBy, SqlNode limit) {
        if (orderBy == null && limit == null) {
            return select;
        }
        return new SqlOrderBy(POS, select, orderBy == null ? SqlNodeList.EMPTY : (SqlNodeList) orderBy, null, limit);
    }

    /** DELETE: returns rows deleted. */
    public WriteResult delete(Statement.Delete d, ExecContext ctx) {
        TableDef t = table(d.table());
        SqlNodeList items = new SqlNodeList(List.of(column(t, d.alias(), BasaltTable.SOURCE_COLUMN),
                column(t, d.alias(), BasaltTable.POSITION_COLUMN)), POS);
        SqlSelect select = new SqlSelect(POS, null, items, from(t, d.alias()), d.where(), null, null, null, null, null,
                null, null, null);
        QueryRunner runner = QueryRunner.prepare(limited(select, d.orderBy(), d.limit()), qc, t.id());
        TableWriter writer = new TableWriter(t, store(t), allocator, autoIncrements);
        long[] counts = writer.change((version, deletes, appends) -> {
            try (RowSource rows = runner.open(ctx)) {
                Object[] r;
                while ((r = rows.next()) != null) {
                    deletes.add(new TableWriter.Locator((Long) r[0], (int) (long) (Long) r[1]));
                }
            }
        }, ctx);
        return new WriteResult(counts[0], 0, counts[0], ctx.warnings());
    }

    /** UPDATE: MySQL counts changed rows as affected and matched rows separately. */
    public WriteResult update(Statement.Update u, ExecContext ctx) {
        TableDef t = table(u.table());
        List<ColumnDef> cols = t.columns();
        // MySQL evaluates SET left to right: later assignments see earlier new values.
        Map<String, SqlNode> assigned = new HashMap<>();
        for (Statement.Assignment a : u.assignments()) {
            if (t.columnIndex(a.column()) < 0) {
                throw BasaltException.of(ErrorCode.UNKNOWN_COLUMN, "Unknown column '%s' in 'field list'", a.column());
            }
            SqlNode value = a.value() == null ? null : a.value().accept(new Substitute(assigned, t, u.alias()));
            assigned.put(a.column().toLowerCase(Locale.ROOT), value == null ? DEFAULT_MARKER : value);
        }
        List<SqlNode> items = new ArrayList<>();
        items.add(column(t, u.alias(), BasaltTable.SOURCE_COLUMN));
        items.add(column(t, u.alias(), BasaltTable.POSITION_COLUMN));
        for (ColumnDef c : cols) {
            items.add(column(t, u.alias(), c.name()));
        }
        List<Integer> newValueColumns = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            SqlNode v = assigned.get(cols.get(i).name().toLowerCase(Locale.ROOT));
            if (v != null && v != DEFAULT_MARKER) {
                items.add(v);
                newValueColumns.add(i);
            }
        }
        SqlSelect select = new SqlSelect(POS, null, new SqlNodeList(items, POS), from(t, u.alias()), u.where(), null,
                null, null, null, null, null, null, null);
        QueryRunner runner = QueryRunner.prepare(limited(select, u.orderBy(), u.limit()), qc, t.id());
        RowAssembler defaults = new RowAssembler(t, null, true, qc, ctx);
        long[] matched = new long[1];
        TableWriter writer = new TableWriter(t, store(t), allocator, autoIncrements);
        long[] counts = writer.change((version, deletes, appends) -> {
            try (RowSource rows = runner.open(ctx)) {
                Object[] r;
                long rowNumber = 0;
                while ((r = rows.next()) != null) {
                    rowNumber++;
                    matched[0]++;
                    Object[] old = new Object[cols.size()];
                    System.arraycopy(r, 2, old, 0, cols.size());
                    Object[] updated = old.clone();
                    for (int k = 0; k < newValueColumns.size(); k++) {
                        int c = newValueColumns.get(k);
                        updated[c] = ColumnCoercion.coerce(r[2 + cols.size() + k], cols.get(c), rowNumber, true, ctx);
                    }
                    for (int c = 0; c < cols.size(); c++) {
                        if (assigned.get(cols.get(c).name().toLowerCase(Locale.ROOT)) == DEFAULT_MARKER) {
                            updated[c] = defaults.defaultValue(c, rowNumber, ctx);
                        }
                    }
                    if (sameRow(old, updated, ctx)) {
                        continue;
                    }
                    deletes.add(new TableWriter.Locator((Long) r[0], (int) (long) (Long) r[1]));
                    appends.add(updated);
                }
            }
        }, ctx);
        return new WriteResult(counts[1], 0, matched[0], ctx.warnings());
    }

    static boolean sameRow(Object[] a, Object[] b, ExecContext ctx) {
        for (int i = 0; i < a.length; i++) {
            Object x = a[i];
            Object y = b[i];
            if (x == null || y == null) {
                if (x != y) {
                    return false;
                }
            } else if (x instanceof String sx && y instanceof String sy) {
                if (!sx.equals(sy)) {
                    return false;
                }
            } else if (MysqlValues.compare(x, y, ctx) != 0) {
                return false;
            }
        }
        return true;
    }

    private static final SqlNode DEFAULT_MARKER = new SqlIdentifier("$DEFAULT", POS);

    /** Replaces references to already-assigned columns with their new value expressions. */
    private static final class Substitute extends SqlShuttle {
        private final Map<String, SqlNode> assigned;
        private final TableDef table;
        private final String alias;

        Substitute(Map<String, SqlNode> assigned, TableDef table, String alias) {
            this.assigned = assigned;
            this.table = table;
            this.alias = alias;
        }

        @Override
        public SqlNode visit(SqlIdentifier id) {
            String name = id.names.get(id.names.size() - 1).toLowerCase(Locale.ROOT);
            if (id.names.size() == 2) {
                String q = id.names.get(0);
                if (!q.equalsIgnoreCase(alias != null ? alias : table.name())) {
                    return id;
                }
            } else if (id.names.size() > 2) {
                return id;
            }
            SqlNode v = assigned.get(name);
            return v == null || v == DEFAULT_MARKER ? id : v;
        }
    }

    /** INSERT ... SELECT. */
    public WriteResult insertSelect(Statement.Insert ins, ExecContext ctx) {
        TableDef t = table(ins.table());
        RowAssembler assembler = new RowAssembler(t, ins.columns(), !ins.ignore(), qc, ctx);
        QueryRunner runner = QueryRunner.prepare(ins.query(), qc, -1);
        if (runner.planned().rowType().getFieldCount() != assembler.arity()) {
            throw new BasaltException(ErrorCode.WRONG_VALUE_COUNT, "Column count doesn't match value count at row 1");
        }
        List<Object[]> rows = new ArrayList<>();
        try (RowSource source = runner.open(ctx)) {
            Object[] r;
            long n = 0;
            while ((r = source.next()) != null) {
                rows.add(assembler.assemble(r, ++n, ctx));
            }
        }
        if (!ins.onDuplicate().isEmpty()) {
            return upsert(t, rows, ins.onDuplicate(), !ins.ignore(), ctx);
        }
        return insertRows(t, rows, mode(t, ins.replace(), ins.ignore()), ctx);
    }

    /**
     * INSERT ... VALUES with ON DUPLICATE KEY UPDATE: the rows are evaluated here, at apply time,
     * because the update reads the table as it is when the statement applies.
     */
    public WriteResult insertValues(Statement.Insert ins, ExecContext ctx) {
        TableDef t = table(ins.table());
        List<Object[]> rows = new RowAssembler(t, ins.columns(), !ins.ignore(), qc, ctx).assembleAll(ins.rows(), qc, ctx);
        return upsert(t, rows, ins.onDuplicate(), !ins.ignore(), ctx);
    }

    /**
     * Inserts rows; one that meets a row on a unique key updates it with {@code assignments}
     * instead. They are evaluated left to right, as MySQL does: a column reads the existing row's
     * value, or its new value once an earlier assignment set it; VALUES(col) reads the value the row
     * would have inserted.
     */
    private WriteResult upsert(TableDef t, List<Object[]> rows, List<Statement.Assignment> assignments, boolean strict,
            ExecContext ctx) {
        List<ColumnDef> cols = t.columns();
        int[] targets = new int[assignments.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = t.columnIndex(assignments.get(i).column());
            if (targets[i] < 0) {
                throw BasaltException.of(ErrorCode.UNKNOWN_COLUMN, "Unknown column '%s' in 'field list'",
                        assignments.get(i).column());
            }
        }
        RowAssembler defaults = new RowAssembler(t, null, strict, qc, ctx);
        TableWriter.DuplicateUpdate update = (old, inserted, rowNumber) -> {
            List<SqlNode> exprs = new ArrayList<>(targets.length);
            for (int i = 0; i < targets.length; i++) {
                SqlNode v = assignments.get(i).value();
                exprs.add(v == null ? null : new DuplicateBinder(t, assignments, targets, i, old, inserted).bind(v));
            }
            Object[] values = RowAssembler.evaluateRow(exprs, qc, ctx);
            Object[] updated = old.clone();
            for (int i = 0; i < targets.length; i++) {
                int c = targets[i];
                updated[c] = values[i] == RowAssembler.DEFAULT ? defaults.defaultValue(c, rowNumber, ctx)
                        : ColumnCoercion.coerce(values[i], cols.get(c), rowNumber, strict, ctx);
            }
            return updated;
        };
        return new TableWriter(t, store(t), allocator, autoIncrements).upsert(rows, update, ctx);
    }

    /**
     * One ON DUPLICATE KEY UPDATE value as a constant expression for one colliding row: the
     * table's columns become the existing row's values (or an earlier assignment's expression),
     * VALUES(col) the inserted row's. Every call is copied, so each row's tree is its own.
     */
    private static final class DuplicateBinder extends SqlShuttle {
        private final TableDef table;
        private final List<Statement.Assignment> assignments;
        private final int[] targets;
        private final int before;
        private final Object[] existing;
        private final Object[] inserted;

        DuplicateBinder(TableDef table, List<Statement.Assignment> assignments, int[] targets, int before,
                Object[] existing, Object[] inserted) {
            this.table = table;
            this.assignments = assignments;
            this.targets = targets;
            this.before = before;
            this.existing = existing;
            this.inserted = inserted;
        }

        SqlNode bind(SqlNode e) {
            return e.accept(this);
        }

        private int column(SqlIdentifier id) {
            List<String> n = id.names;
            if (n.size() == 1 || n.size() == 2 && n.get(0).equalsIgnoreCase(table.name())
                    || n.size() == 3 && n.get(0).equalsIgnoreCase(table.database()) && n.get(1).equalsIgnoreCase(table.name())) {
                return table.columnIndex(n.get(n.size() - 1));
            }
            return -1;
        }

        @Override
        public SqlNode visit(SqlIdentifier id) {
            int c = column(id);
            if (c < 0) {
                return id.clone(id.getParserPosition());
            }
            for (int j = before - 1; j >= 0; j--) {
                if (targets[j] == c && assignments.get(j).value() != null) {
                    return new DuplicateBinder(table, assignments, targets, j, existing, inserted)
                            .bind(assignments.get(j).value());
                }
            }
            return io.basalt.server.sql.ParameterBinder.literal(existing[c], id.getParserPosition());
        }

        @Override
        public SqlNode visit(SqlCall call) {
            if (call.getOperator().getName().equals("$VALUES")) {
                SqlNode arg = call.operand(0);
                int c = arg instanceof SqlIdentifier id ? column(id) : -1;
                if (c < 0) {
                    throw BasaltException.of(ErrorCode.UNKNOWN_COLUMN, "Unknown column '%s' in 'field list'", arg);
                }
                return io.basalt.server.sql.ParameterBinder.literal(inserted[c], call.getParserPosition());
            }
            CallCopyingArgHandler copy = new CallCopyingArgHandler(call, true);
            call.getOperator().acceptCall(this, call, false, copy);
            return copy.result();
        }
    }

    /** The conflict mode of an INSERT into {@code t}. */
    public static InsertMode mode(TableDef t, boolean replace, boolean ignore) {
        if (replace || t.upsertOnInsert()) {
            return InsertMode.REPLACE;
        }
        return ignore ? InsertMode.IGNORE : InsertMode.INSERT;
    }

    /** Inserts assembled rows. */
    public WriteResult insertRows(TableDef t, List<Object[]> rows, InsertMode mode, ExecContext ctx) {
        return new TableWriter(t, store(t), allocator, autoIncrements).insert(rows, mode, ctx);
    }
}
