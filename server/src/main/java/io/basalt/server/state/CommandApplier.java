package io.basalt.server.state;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.catalog.Catalog;
import io.basalt.server.catalog.ColumnDef;
import io.basalt.server.catalog.DatabaseDef;
import io.basalt.server.catalog.IndexDef;
import io.basalt.server.catalog.TableDef;
import io.basalt.server.catalog.ViewDef;
import io.basalt.server.command.Command;
import io.basalt.server.command.Command.Alteration;
import io.basalt.server.command.StatementContext;
import io.basalt.server.dml.ArrowRows;
import io.basalt.server.dml.DmlExecutor;
import io.basalt.server.dml.InsertMode;
import io.basalt.server.dml.TableWriter;
import io.basalt.server.dml.WriteResult;
import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.QueryContext;
import io.basalt.server.exec.StatementEnvironment;
import io.basalt.server.exec.arrow.ArrowValues;
import io.basalt.server.sql.ast.Statement;
import io.basalt.server.sql.parser.SqlParser;
import io.basalt.server.sql.plan.VariableResolver;
import io.basalt.storage.ScanRequest;
import io.basalt.storage.Scanner;
import io.basalt.storage.TableLayout;
import io.basalt.storage.TableStore;
import io.basalt.storage.column.ColumnSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Applies each kind of command to the state. Everything here is deterministic given the state
 * and the command; failures are the command's result and change nothing.
 */
final class CommandApplier {
    private final DatabaseState state;

    CommandApplier(DatabaseState state) {
        this.state = state;
    }

    Object apply(long index, Command command, byte[] payload) {
        if (command instanceof Command.CreateDatabase c) {
            return createDatabase(index, c);
        } else if (command instanceof Command.DropDatabase c) {
            return dropDatabase(index, c);
        } else if (command instanceof Command.CreateTable c) {
            return createTable(index, c);
        } else if (command instanceof Command.DropTables c) {
            return dropTables(index, c);
        } else if (command instanceof Command.AlterTable c) {
            return alterTable(index, c);
        } else if (command instanceof Command.CreateView c) {
            return createView(index, c);
        } else if (command instanceof Command.DropViews c) {
            return dropViews(index, c);
        } else if (command instanceof Command.Truncate c) {
            return truncate(c);
        } else if (command instanceof Command.InsertRows c) {
            return insertRows(c, payload);
        } else if (command instanceof Command.ExecuteDml c) {
            return executeDml(c);
        } else if (command instanceof Command.CreateUser c) {
            return createUser(index, c);
        } else if (command instanceof Command.AlterUser c) {
            return alterUser(index, c);
        } else if (command instanceof Command.DropUsers c) {
            return dropUsers(index, c);
        } else if (command instanceof Command.ChangeGrants c) {
            return changeGrants(index, c);
        } else if (command instanceof Command.RegisterFrontend c) {
            state.putFrontend(c.frontend());
        }
        return ApplyResult.OK;
    }

    private Catalog catalog() {
        return state.catalog();
    }

    private DatabaseDef database(String name) {
        DatabaseDef db = catalog().database(name);
        if (db == null) {
            throw BasaltException.of(ErrorCode.UNKNOWN_DATABASE, "Unknown database '%s'", name);
        }
        return db;
    }

    private TableDef table(String db, String name) {
        TableDef t = database(db).table(name);
        if (t == null) {
            throw BasaltException.of(ErrorCode.UNKNOWN_TABLE, "Table '%s.%s' doesn't exist", db, name);
        }
        return t;
    }

    private ApplyResult createDatabase(long index, Command.CreateDatabase c) {
        if (catalog().database(c.name()) != null) {
            if (c.ifNotExists()) {
                return ApplyResult.warning(1007, "Can't create database '" + c.name() + "'; database exists");
            }
            throw BasaltException.of(ErrorCode.DATABASE_EXISTS, "Can't create database '%s'; database exists", c.name());
        }
        state.setCatalog(catalog().withDatabase(index,
                new DatabaseDef(c.name(), Map.of(), Map.of(), c.properties(), c.timeMillis())));
        return ApplyResult.of(1);
    }

    private ApplyResult dropDatabase(long index, Command.DropDatabase c) {
        DatabaseDef db = catalog().database(c.name());
        if (db == null) {
            if (c.ifExists()) {
                return ApplyResult.warning(1008, "Can't drop database '" + c.name() + "'; database doesn't exist");
            }
            throw BasaltException.of(ErrorCode.DATABASE_DROP_MISSING, "Can't drop database '%s'; database doesn't exist",
                    c.name());
        }
        for (TableDef t : db.tables().values()) {
            state.storage().dropTable(t.id());
            state.resetAutoIncrement(t.id(), 1);
        }
        state.setCatalog(catalog().withoutDatabase(index, c.name()));
        return ApplyResult.of(db.tables().size());
    }

    private static TableLayout layout(TableDef t) {
        List<ColumnSpec> specs = new ArrayList<>();
        for (ColumnDef c : t.columns()) {
            specs.add(new ColumnSpec(c.id(), c.name(), c.type().arrowType(), c.nullable()));
        }
        return new TableLayout(t.id(), specs);
    }

    private ApplyResult createTable(long index, Command.CreateTable c) {
        TableDef draft = c.table();
        DatabaseDef db = database(draft.database());
        if (db.table(draft.name()) != null || db.view(draft.name()) != null) {
            if (c.ifNotExists()) {
                return ApplyResult.warning(1050, "Table '" + draft.name() + "' already exists");
            }
            throw BasaltException.of(ErrorCode.TABLE_EXISTS, "Table '%s' already exists", draft.name());
        }
        long id = catalog().nextTableId();
        List<ColumnDef> cols = new ArrayList<>();
        int columnId = 1;
        for (ColumnDef col : draft.columns()) {
            cols.add(new ColumnDef(columnId++, col.name(), col.type(), col.nullable(), col.defaultExpression(),
                    col.autoIncrement(), col.comment()));
        }
        TableDef t = new TableDef(id, db.name(), draft.name(), cols, draft.keysType(), draft.keyColumns(),
                draft.indexes(), draft.distributionColumns(), draft.buckets(), draft.partitionColumn(),
                draft.properties(), draft.createTimeMillis(), columnId);
        state.storage().createTable(layout(t));
        Catalog before = catalog();
        state.setCatalog(catalog().withDatabase(index, db.withTable(t)).withNextTableId(id + 1));
        String auto = t.properties().get("auto_increment");
        if (auto != null) {
            state.resetAutoIncrement(id, Long.parseLong(auto));
        }
        if (c.asSelect() == null) {
            return ApplyResult.OK;
        }
        try {
            var query = ((Statement.Query) SqlParser.parse(c.asSelect())).query();
            List<String> names = io.basalt.server.exec.QueryRunner.prepare(query, queryContext(c.context()), -1)
                    .planned().labels();
            Statement.Insert ins = new Statement.Insert(new io.basalt.server.sql.ast.ObjectName(db.name(), t.name()),
                    names, null, query, false, false, List.of(), c.asSelect());
            WriteResult r = dml(c.context()).insertSelect(ins, context(c.context()));
            return new ApplyResult(r.affectedRows(), r.lastInsertId(), r.warnings(),
                    "Records: " + r.affectedRows() + "  Duplicates: 0  Warnings: " + r.warnings().size());
        } catch (RuntimeException e) {
            // CREATE TABLE ... AS SELECT is atomic: a failed fill leaves no table behind.
            state.storage().dropTable(id);
            state.setCatalog(before.withNextTableId(id + 1));
            throw e;
        }
    }

    private ApplyResult dropTables(long index, Command.DropTables c) {
        List<String> missing = new ArrayList<>();
        List<TableDef> found = new ArrayList<>();
        for (Command.Name n : c.names()) {
            DatabaseDef db = catalog().database(n.database());
            TableDef t = db == null ? null : db.table(n.name());
            if (t == null) {
                missing.add(n.database() + "." + n.name());
            } else {
                found.add(t);
            }
        }
        if (!missing.isEmpty() && !c.ifExists()) {
            throw BasaltException.of(ErrorCode.BAD_TABLE, "Unknown table '%s'", String.join(",", missing));
        }
        Catalog next = catalog();
        for (TableDef t : found) {
            state.storage().dropTable(t.id());
            state.resetAutoIncrement(t.id(), 1);
            next = next.withDatabase(index, next.database(t.database()).withoutTable(t.name()));
        }
        state.setCatalog(next);
        if (!missing.isEmpty()) {
            return ApplyResult.warning(1051, "Unknown table '" + String.join(",", missing) + "'");
        }
        return ApplyResult.OK;
    }

    private ApplyResult alterTable(long index, Command.AlterTable c) {
        TableDef t = table(c.database(), c.table());
        TableDef original = t;
        List<ColumnDef> added = new ArrayList<>();
        List<ExecContext.Warning> warnings = new ArrayList<>();
        for (Alteration a : c.alterations()) {
            if (a instanceof Alteration.AddColumn add) {
                    ColumnDef col = add.column();
                    if (t.column(col.name()) != null) {
                        throw BasaltException.of(ErrorCode.DUPLICATE_COLUMN, "Duplicate column name '%s'", col.name());
                    }
                    ColumnDef withId = new ColumnDef(t.nextColumnId(), col.name(), col.type(), col.nullable(),
                            col.defaultExpression(), col.autoIncrement(), col.comment());
                    List<ColumnDef> cols = new ArrayList<>(t.columns());
                    int at = cols.size();
                    if (add.first()) {
                        at = 0;
                    } else if (add.after() != null) {
                        int idx = t.columnIndex(add.after());
                        if (idx < 0) {
                            throw BasaltException.of(ErrorCode.UNKNOWN_COLUMN, "Unknown column '%s' in '%s'", add.after(),
                                    t.name());
                        }
                        at = idx + 1;
                    }
                    cols.add(at, withId);
                    t = t.withColumns(cols, t.nextColumnId() + 1);
                    added.add(withId);
            } else if (a instanceof Alteration.DropColumn drop) {
                    int idx = t.columnIndex(drop.name());
                    if (idx < 0) {
                        if (drop.ifExists()) {
                            warnings.add(new ExecContext.Warning("Note", 1091, "Can't DROP '" + drop.name()
                                    + "'; check that column/key exists"));
                            continue;
                        }
                        throw BasaltException.of(ErrorCode.CANT_DROP_FIELD_OR_KEY,
                                "Can't DROP '%s'; check that column/key exists", drop.name());
                    }
                    if (t.columns().size() == 1) {
                        throw new BasaltException(ErrorCode.CANT_REMOVE_ALL_FIELDS,
                                "You can't delete all columns with ALTER TABLE; use DROP TABLE instead");
                    }
                    String name = t.columns().get(idx).name();
                    List<ColumnDef> cols = new ArrayList<>(t.columns());
                    cols.remove(idx);
                    t = t.withColumns(cols, t.nextColumnId());
                    t = withoutColumnInKeys(t, name);
                    added.removeIf(col -> col.name().equalsIgnoreCase(name));
            } else if (a instanceof Alteration.AddIndex add) {
                t = addIndex(t, add.index(), add.ifNotExists(), warnings);
            } else if (a instanceof Alteration.DropIndex drop) {
                t = dropIndex(t, drop.name(), drop.ifExists(), warnings);
            } else if (a instanceof Alteration.Rename rename) {
                    DatabaseDef target = database(rename.database());
                    if (target.table(rename.name()) != null || target.view(rename.name()) != null) {
                        throw BasaltException.of(ErrorCode.TABLE_EXISTS, "Table '%s' already exists", rename.name());
                    }
                    t = t.renamed(target.name(), rename.name());
            }
        }
        TableStore store = state.storage().table(t.id());
        store.alterLayout(layout(t));
        Catalog next = catalog();
        if (!original.database().equalsIgnoreCase(t.database()) || !original.name().equals(t.name())) {
            next = next.withDatabase(index, next.database(original.database()).withoutTable(original.name()));
        }
        next = next.withDatabase(index, next.database(t.database()).withTable(t));
        state.setCatalog(next);
        if (!added.isEmpty()) {
            fillAddedColumns(t, store, added);
        }
        return new ApplyResult(0, 0, warnings, null);
    }

    /** Existing rows get the DEFAULT of columns added to them (storage reads them as NULL otherwise). */
    private void fillAddedColumns(TableDef t, TableStore store, List<ColumnDef> added) {
        boolean needed = added.stream().anyMatch(c -> c.defaultExpression() != null || !c.nullable());
        if (!needed || store.stats().liveRows() == 0) {
            return;
        }
        ExecContext ctx = context(null);
        QueryContext qc = queryContext(null);
        io.basalt.server.dml.RowAssembler defaults = new io.basalt.server.dml.RowAssembler(t, null, false, qc, ctx);
        TableWriter writer = new TableWriter(t, store, state.allocator(), state);
        writer.change((version, deletes, appends) -> {
            List<Integer> ids = t.columns().stream().map(ColumnDef::id).toList();
            try (Scanner s = version.scan(ScanRequest.of(ids).locating())) {
                while (s.next()) {
                    VectorSchemaRoot b = s.batch();
                    List<Object[]> rows = ArrowRows.fromBatch(b);
                    int[] positions = s.positions();
                    for (int r = 0; r < rows.size(); r++) {
                        Object[] row = rows.get(r);
                        for (ColumnDef c : added) {
                            int idx = t.columnIndex(c.name());
                            row[idx] = defaults.defaultValue(idx, r + 1, ctx);
                        }
                        deletes.add(new TableWriter.Locator(s.sourceId(), positions[r]));
                        appends.add(row);
                    }
                }
            }
        }, ctx);
    }

    private static TableDef withoutColumnInKeys(TableDef t, String column) {
        List<String> keys = t.keyColumns().stream().filter(k -> !k.equalsIgnoreCase(column)).toList();
        List<IndexDef> indexes = new ArrayList<>();
        for (IndexDef i : t.indexes()) {
            List<String> cols = i.columns().stream().filter(k -> !k.equalsIgnoreCase(column)).toList();
            if (!cols.isEmpty()) {
                indexes.add(new IndexDef(i.name(), cols, i.unique()));
            }
        }
        return new TableDef(t.id(), t.database(), t.name(), t.columns(), t.keysType(), keys, indexes,
                t.distributionColumns().stream().filter(k -> !k.equalsIgnoreCase(column)).toList(), t.buckets(),
                t.partitionColumn(), t.properties(), t.createTimeMillis(), t.nextColumnId());
    }

    private TableDef addIndex(TableDef t, IndexDef index, boolean ifNotExists, List<ExecContext.Warning> warnings) {
        for (IndexDef i : t.indexes()) {
            if (i.name().equalsIgnoreCase(index.name())) {
                if (ifNotExists) {
                    warnings.add(new ExecContext.Warning("Note", 1061, "Duplicate key name '" + index.name() + "'"));
                    return t;
                }
                throw BasaltException.of(ErrorCode.DUPLICATE_KEY_NAME, "Duplicate key name '%s'", index.name());
            }
        }
        for (String c : index.columns()) {
            if (t.column(c) == null) {
                throw BasaltException.of(ErrorCode.KEY_COLUMN_DOES_NOT_EXIST, "Key column '%s' doesn't exist in table", c);
            }
        }
        if (index.unique()) {
            checkUnique(t, index);
        }
        List<IndexDef> indexes = new ArrayList<>(t.indexes());
        indexes.add(index);
        return t.withIndexes(indexes);
    }

    private void checkUnique(TableDef t, IndexDef index) {
        TableStore store = state.storage().table(t.id());
        List<Integer> ids = index.columns().stream().map(c -> t.column(c).id()).toList();
        Set<io.basalt.server.exec.op.RowKey> seen = new HashSet<>();
        int[] all = java.util.stream.IntStream.range(0, ids.size()).toArray();
        try (var version = store.current(); Scanner s = version.scan(ScanRequest.of(ids))) {
            while (s.next()) {
                VectorSchemaRoot b = s.batch();
                ArrowValues.Getter[] g = new ArrowValues.Getter[ids.size()];
                for (int i = 0; i < g.length; i++) {
                    g[i] = ArrowValues.getter(b.getVector(i));
                }
                for (int r = 0; r < b.getRowCount(); r++) {
                    Object[] key = new Object[g.length];
                    for (int i = 0; i < g.length; i++) {
                        key[i] = g[i].get(r);
                    }
                    var k = io.basalt.server.exec.op.RowKey.of(key, all);
                    if (!k.hasNull() && !seen.add(k)) {
                        throw BasaltException.of(ErrorCode.DUPLICATE_ENTRY, "Duplicate entry '%s' for key '%s.%s'",
                                io.basalt.server.exec.value.MysqlValues.toText(key[0]), t.name(), index.name());
                    }
                }
            }
        }
    }

    private static TableDef dropIndex(TableDef t, String name, boolean ifExists, List<ExecContext.Warning> warnings) {
        if (name.equalsIgnoreCase("PRIMARY") && !t.keyColumns().isEmpty()) {
            return new TableDef(t.id(), t.database(), t.name(), t.columns(), t.keysType(), List.of(), t.indexes(),
                    t.distributionColumns(), t.buckets(), t.partitionColumn(), t.properties(), t.createTimeMillis(),
                    t.nextColumnId());
        }
        List<IndexDef> indexes = new ArrayList<>(t.indexes());
        boolean removed = indexes.removeIf(i -> i.name().equalsIgnoreCase(name));
        if (!removed) {
            if (ifExists) {
                warnings.add(new ExecContext.Warning("Note", 1091, "Can't DROP '" + name + "'; check that column/key exists"));
                return t;
            }
            throw BasaltException.of(ErrorCode.CANT_DROP_FIELD_OR_KEY, "Can't DROP '%s'; check that column/key exists", name);
        }
        return t.withIndexes(indexes);
    }

    private ApplyResult createView(long index, Command.CreateView c) {
        ViewDef v = c.view();
        DatabaseDef db = database(v.database());
        if (db.table(v.name()) != null) {
            throw BasaltException.of(ErrorCode.TABLE_EXISTS, "Table '%s' already exists", v.name());
        }
        if (db.view(v.name()) != null && !c.orReplace()) {
            if (c.ifNotExists()) {
                return ApplyResult.warning(1050, "Table '" + v.name() + "' already exists");
            }
            throw BasaltException.of(ErrorCode.TABLE_EXISTS, "Table '%s' already exists", v.name());
        }
        state.setCatalog(catalog().withDatabase(index, db.withView(v)));
        return ApplyResult.OK;
    }

    private ApplyResult dropViews(long index, Command.DropViews c) {
        List<String> missing = new ArrayList<>();
        for (Command.Name n : c.names()) {
            DatabaseDef db = catalog().database(n.database());
            if (db != null && db.view(n.name()) == null && db.table(n.name()) != null) {
                throw BasaltException.of(ErrorCode.WRONG_OBJECT, "'%s.%s' is not VIEW", n.database(), n.name());
            }
            if (db == null || db.view(n.name()) == null) {
                missing.add(n.database() + "." + n.name());
            }
        }
        if (!missing.isEmpty() && !c.ifExists()) {
            throw BasaltException.of(ErrorCode.BAD_TABLE, "Unknown table '%s'", String.join(",", missing));
        }
        Catalog next = catalog();
        for (Command.Name n : c.names()) {
            DatabaseDef db = next.database(n.database());
            if (db != null && db.view(n.name()) != null) {
                next = next.withDatabase(index, db.withoutView(n.name()));
            }
        }
        state.setCatalog(next);
        return missing.isEmpty() ? ApplyResult.OK
                : ApplyResult.warning(1051, "Unknown table '" + String.join(",", missing) + "'");
    }

    private ApplyResult truncate(Command.Truncate c) {
        TableDef t = table(c.database(), c.table());
        state.storage().table(t.id()).truncate();
        String auto = t.properties().get("auto_increment");
        state.resetAutoIncrement(t.id(), auto == null ? 1 : Long.parseLong(auto));
        return ApplyResult.OK;
    }

    private ApplyResult insertRows(Command.InsertRows c, byte[] payload) {
        TableDef t = table(c.database(), c.table());
        List<Integer> ids = t.columns().stream().map(ColumnDef::id).toList();
        if (!ids.equals(c.columnIds())) {
            throw new BasaltException(ErrorCode.TABLE_DEFINITION_CHANGED,
                    "Table definition has changed, please retry transaction");
        }
        BufferAllocator alloc = state.allocator();
        List<Object[]> rows = ArrowRows.fromIpc(payload, alloc);
        ExecContext ctx = context(null);
        InsertMode mode = InsertMode.valueOf(c.mode());
        WriteResult r = new TableWriter(t, state.storage().table(t.id()), alloc, state).insert(rows, mode, ctx);
        String info = rows.size() > 1 ? "Records: " + rows.size() + "  Duplicates: "
                + (mode == InsertMode.IGNORE ? rows.size() - r.affectedRows() : 0) + "  Warnings: " + ctx.warningCount()
                : null;
        return new ApplyResult(r.affectedRows(), r.lastInsertId(), ctx.warnings(), info);
    }

    private ApplyResult executeDml(Command.ExecuteDml c) {
        Statement s = io.basalt.server.sql.ParameterBinder.bind(SqlParser.parse(c.sql()), c.context().parameterValues());
        ExecContext ctx = context(c.context());
        DmlExecutor dml = dml(c.context());
        WriteResult r;
        if (s instanceof Statement.Update u) {
            r = dml.update(u, ctx);
        } else if (s instanceof Statement.Delete d) {
            r = dml.delete(d, ctx);
        } else if (s instanceof Statement.Insert i && i.query() != null) {
            r = dml.insertSelect(i, ctx);
        } else if (s instanceof Statement.Insert i && !i.onDuplicate().isEmpty()) {
            r = dml.insertValues(i, ctx);
        } else {
            throw new IllegalArgumentException("not a DML statement: " + c.sql());
        }
        String info = null;
        if (s instanceof Statement.Update) {
            info = "Rows matched: " + r.matchedRows() + "  Changed: " + r.affectedRows() + "  Warnings: " + ctx.warningCount();
        } else if (s instanceof Statement.Insert) {
            info = "Records: " + r.matchedRows() + "  Duplicates: " + r.duplicates() + "  Warnings: " + ctx.warningCount();
        }
        return new ApplyResult(r.affectedRows(), r.lastInsertId(), ctx.warnings(), info);
    }

    private static String account(String name, String host) {
        return "'" + name + "'@'" + host + "'";
    }

    private ApplyResult createUser(long index, Command.CreateUser c) {
        if (io.basalt.server.auth.Accounts.exact(catalog(), c.name(), c.host()) != null) {
            if (c.ifNotExists()) {
                return ApplyResult.warning(3163, "Authorization ID " + account(c.name(), c.host()) + " already exists.");
            }
            throw BasaltException.of(ErrorCode.USER_OPERATION_FAILED, "Operation CREATE USER failed for %s",
                    account(c.name(), c.host()));
        }
        state.setCatalog(catalog().withUser(index, new io.basalt.server.catalog.UserDef(c.name(), c.host(), c.nativeHash(),
                c.sha2Hash(), List.of(), c.timeMillis())));
        return ApplyResult.OK;
    }

    private ApplyResult alterUser(long index, Command.AlterUser c) {
        var user = io.basalt.server.auth.Accounts.exact(catalog(), c.name(), c.host());
        if (user == null) {
            if (c.ifExists()) {
                return ApplyResult.warning(3162, "Authorization ID " + account(c.name(), c.host()) + " does not exist.");
            }
            throw BasaltException.of(ErrorCode.USER_OPERATION_FAILED, "Operation ALTER USER failed for %s",
                    account(c.name(), c.host()));
        }
        state.setCatalog(catalog().withUser(index, user.withPassword(c.nativeHash(), c.sha2Hash())));
        return ApplyResult.OK;
    }

    private ApplyResult dropUsers(long index, Command.DropUsers c) {
        List<String> missing = new ArrayList<>();
        for (Command.Account a : c.users()) {
            if (catalog().user(a.user(), a.host()) == null) {
                missing.add(account(a.user(), a.host()));
            }
        }
        if (!missing.isEmpty() && !c.ifExists()) {
            throw BasaltException.of(ErrorCode.USER_OPERATION_FAILED, "Operation DROP USER failed for %s",
                    String.join(",", missing));
        }
        Catalog next = catalog();
        for (Command.Account a : c.users()) {
            next = next.withoutUser(index, a.user(), a.host());
        }
        state.setCatalog(next);
        return missing.isEmpty() ? ApplyResult.OK
                : ApplyResult.warning(3162, "Authorization ID " + String.join(",", missing) + " does not exist.");
    }

    private ApplyResult changeGrants(long index, Command.ChangeGrants c) {
        String name = c.user().user();
        String host = c.user().host();
        var user = io.basalt.server.auth.Accounts.exact(catalog(), name, host);
        if (user == null) {
            if (c.revoke()) {
                throw BasaltException.of(ErrorCode.NO_SUCH_GRANT, "There is no such grant defined for user '%s' on host '%s'",
                        name, host);
            }
            throw new BasaltException(ErrorCode.NO_IMPLICIT_USER_CREATION,
                    "You are not allowed to create a user with GRANT");
        }
        List<io.basalt.server.catalog.Grant> grants = new ArrayList<>();
        boolean found = false;
        for (var g : user.grants()) {
            if (!g.sameScope(c.grant())) {
                grants.add(g);
                continue;
            }
            found = true;
            java.util.EnumSet<io.basalt.server.catalog.Privilege> privs = g.privileges().isEmpty()
                    ? java.util.EnumSet.noneOf(io.basalt.server.catalog.Privilege.class)
                    : java.util.EnumSet.copyOf(g.privileges());
            boolean option = g.grantOption();
            if (c.revoke()) {
                privs.removeAll(c.grant().privileges());
                option = option && !c.grant().grantOption();
            } else {
                privs.addAll(c.grant().privileges());
                option = option || c.grant().grantOption();
            }
            if (!privs.isEmpty() || option) {
                grants.add(new io.basalt.server.catalog.Grant(g.database(), g.table(), privs, option));
            }
        }
        if (!found) {
            if (c.revoke()) {
                throw BasaltException.of(ErrorCode.NO_SUCH_GRANT, "There is no such grant defined for user '%s' on host '%s'",
                        name, host);
            }
            grants.add(c.grant());
        }
        state.setCatalog(catalog().withUser(index, user.withGrants(grants)));
        return ApplyResult.OK;
    }

    private StatementEnvironment environment(StatementContext sc) {
        if (sc == null) {
            return new StatementEnvironment(null, "system", "localhost", 0, java.time.LocalDateTime.now().withNano(0), 0, 0,
                    state.serverVersion(), null, null, -1, 0);
        }
        return sc.environment(state.serverVersion());
    }

    private ExecContext context(StatementContext sc) {
        ExecContext ctx = new ExecContext(environment(sc), state.allocator());
        if (sc != null && sc.cteMaxRecursionDepth() != null) {
            ctx.setRecursionLimit(sc.cteMaxRecursionDepth());
        }
        return ctx;
    }

    private QueryContext queryContext(StatementContext sc) {
        Map<String, Object> vars = sc == null ? Map.of() : sc.variables();
        VariableResolver resolver = new VariableResolver() {
            @Override
            public Object systemVariable(String scope, String name) {
                return io.basalt.server.session.SystemVariables.defaultValue(name);
            }

            @Override
            public Object userVariable(String name) {
                return vars.get(name.toLowerCase(Locale.ROOT));
            }
        };
        return new QueryContext(catalog(), environment(sc), resolver, state::systemSchemas, state.stores());
    }

    private DmlExecutor dml(StatementContext sc) {
        return new DmlExecutor(queryContext(sc), state.allocator(), state);
    }
}
