package io.basalt.server.session;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.catalog.Catalog;
import io.basalt.server.catalog.ColumnDef;
import io.basalt.server.catalog.DatabaseDef;
import io.basalt.server.catalog.IndexDef;
import io.basalt.server.catalog.TableDef;
import io.basalt.server.catalog.ViewDef;
import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.QueryContext;
import io.basalt.server.exec.StatementEnvironment;
import io.basalt.server.exec.arrow.ResultSchema;
import io.basalt.server.exec.expr.LikeMatcher;
import io.basalt.server.infoschema.InformationSchema;
import io.basalt.server.sql.ast.ObjectName;
import io.basalt.server.sql.ast.Statement;
import io.basalt.server.sql.plan.SystemTable;
import io.basalt.session.QueryResult;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;

/** The SHOW statements, with LIKE and WHERE filters as MySQL applies them. */
final class ShowStatements {
    private static final String SHOW_SCHEMA = "$show";

    private ShowStatements() {}

    static QueryResult show(BasaltSession session, Statement.Show s, List<ExecContext.Warning> previousWarnings) {
        Catalog catalog = session.catalog();
        List<ResultColumn> columns;
        List<Object[]> rows = new ArrayList<>();
        switch (s.kind()) {
            case DATABASES -> {
                columns = List.of(ResultColumn.varchar("Database"));
                rows.add(new Object[] {InformationSchema.NAME});
                var access = session.access();
                for (DatabaseDef db : catalog.allDatabases()) {
                    if (access.canSeeDatabase(db.name())) {
                        rows.add(new Object[] {db.name()});
                    }
                }
                rows.sort((a, b) -> ((String) a[0]).compareToIgnoreCase((String) b[0]));
            }
            case TABLES -> {
                String db = s.database() != null ? s.database() : session.requireDatabase();
                DatabaseDef d = database(catalog, db);
                columns = new ArrayList<>(List.of(ResultColumn.varchar("Tables_in_" + d.name())));
                if (s.full()) {
                    columns.add(ResultColumn.varchar("Table_type"));
                }
                List<Object[]> list = new ArrayList<>();
                var access = session.access();
                for (TableDef t : d.tables().values()) {
                    if (access.canSeeTable(d.name(), t.name())) {
                        list.add(s.full() ? new Object[] {t.name(), "BASE TABLE"} : new Object[] {t.name()});
                    }
                }
                for (ViewDef v : d.views().values()) {
                    if (access.canSeeTable(d.name(), v.name())) {
                        list.add(s.full() ? new Object[] {v.name(), "VIEW"} : new Object[] {v.name()});
                    }
                }
                list.sort((a, b) -> ((String) a[0]).compareToIgnoreCase((String) b[0]));
                rows.addAll(list);
            }
            case COLUMNS -> {
                return columns(session, s);
            }
            case INDEX -> {
                TableDef t = table(session, s.target(), s.database());
                columns = List.of(ResultColumn.varchar("Table"), ResultColumn.bigint("Non_unique"),
                        ResultColumn.varchar("Key_name"), ResultColumn.bigint("Seq_in_index"),
                        ResultColumn.varchar("Column_name"), ResultColumn.varchar("Collation"),
                        ResultColumn.bigint("Cardinality"), ResultColumn.bigint("Sub_part"),
                        ResultColumn.varchar("Packed"), ResultColumn.varchar("Null"), ResultColumn.varchar("Index_type"),
                        ResultColumn.varchar("Comment"), ResultColumn.varchar("Index_comment"),
                        ResultColumn.varchar("Visible"), ResultColumn.varchar("Expression"));
                if (!t.primaryKey().isEmpty()) {
                    addIndexRows(rows, t, "PRIMARY", t.primaryKey(), true);
                }
                for (IndexDef i : t.indexes()) {
                    addIndexRows(rows, t, i.name(), i.columns(), i.unique());
                }
            }
            case CREATE_TABLE -> {
                TableDef t = null;
                String db = s.target().databaseOr(session.database());
                if (db == null) {
                    throw new BasaltException(ErrorCode.NO_DATABASE_SELECTED, "No database selected");
                }
                ViewDef v = catalog.view(db, s.target().name());
                if (v != null) {
                    return viewResult(session, v);
                }
                t = table(session, s.target(), null);
                columns = List.of(ResultColumn.varchar("Table"), ResultColumn.text("Create Table"));
                rows.add(new Object[] {t.name(), CreateStatements.table(t, session.services().state().next(t.id()))});
            }
            case CREATE_VIEW -> {
                String db = s.target().databaseOr(session.database());
                if (db == null) {
                    throw new BasaltException(ErrorCode.NO_DATABASE_SELECTED, "No database selected");
                }
                ViewDef v = catalog.view(db, s.target().name());
                if (v == null) {
                    if (catalog.table(db, s.target().name()) != null) {
                        throw BasaltException.of(ErrorCode.WRONG_OBJECT, "'%s.%s' is not VIEW", db, s.target().name());
                    }
                    throw BasaltException.of(ErrorCode.UNKNOWN_TABLE, "Table '%s.%s' doesn't exist", db, s.target().name());
                }
                return viewResult(session, v);
            }
            case CREATE_DATABASE -> {
                DatabaseDef d = database(catalog, s.database());
                columns = List.of(ResultColumn.varchar("Database"), ResultColumn.text("Create Database"));
                rows.add(new Object[] {d.name(), "CREATE DATABASE " + CreateStatements.quote(d.name())
                        + " /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci */"});
            }
            case VARIABLES -> {
                columns = List.of(ResultColumn.varchar("Variable_name"), ResultColumn.text("Value"));
                var resolver = session.variableResolver();
                for (var d : SystemVariables.definitions().values()) {
                    Object v;
                    if (s.global()) {
                        v = SystemVariables.global(d.name());
                    } else {
                        v = resolver.systemVariable(d.scope() == SystemVariables.Scope.GLOBAL ? "GLOBAL" : "", d.name());
                    }
                    rows.add(new Object[] {d.name(), SystemVariables.display(d, v)});
                }
                rows.sort((a, b) -> ((String) a[0]).compareTo((String) b[0]));
            }
            case STATUS -> {
                columns = List.of(ResultColumn.varchar("Variable_name"), ResultColumn.varchar("Value"));
                long uptime = (System.currentTimeMillis() - NodeStart.millis()) / 1000;
                rows.add(new Object[] {"Prepared_stmt_count",
                        Integer.toString(session.services().registry().preparedStatements())});
                rows.add(new Object[] {"Threads_connected", Integer.toString(session.services().registry().size())});
                rows.add(new Object[] {"Uptime", Long.toString(uptime)});
            }
            case WARNINGS, ERRORS -> {
                columns = List.of(ResultColumn.varchar("Level"), ResultColumn.bigint("Code"), ResultColumn.text("Message"));
                long limit = s.argument() == null ? Long.MAX_VALUE : Long.parseLong(s.argument());
                for (ExecContext.Warning w : previousWarnings) {
                    if (s.kind() == Statement.ShowKind.ERRORS && !w.level().equals("Error")) {
                        continue;
                    }
                    if (rows.size() < limit) {
                        rows.add(new Object[] {w.level(), (long) w.code(), w.message()});
                    }
                }
                session.setWarnings(previousWarnings);
            }
            case COUNT_WARNINGS, COUNT_ERRORS -> {
                boolean errors = s.kind() == Statement.ShowKind.COUNT_ERRORS;
                columns = List.of(ResultColumn.bigint(errors ? "@@session.error_count" : "@@session.warning_count"));
                long n = previousWarnings.stream().filter(w -> !errors || w.level().equals("Error")).count();
                rows.add(new Object[] {n});
                session.setWarnings(previousWarnings);
            }
            case TABLE_STATUS -> {
                String db = s.database() != null ? s.database() : session.requireDatabase();
                DatabaseDef d = database(catalog, db);
                columns = List.of(ResultColumn.varchar("Name"), ResultColumn.varchar("Engine"), ResultColumn.bigint("Version"),
                        ResultColumn.varchar("Row_format"), ResultColumn.bigint("Rows"), ResultColumn.bigint("Avg_row_length"),
                        ResultColumn.bigint("Data_length"), ResultColumn.bigint("Max_data_length"),
                        ResultColumn.bigint("Index_length"), ResultColumn.bigint("Data_free"),
                        ResultColumn.bigint("Auto_increment"), ResultColumn.datetime("Create_time"),
                        ResultColumn.datetime("Update_time"), ResultColumn.datetime("Check_time"),
                        ResultColumn.varchar("Collation"), ResultColumn.bigint("Checksum"),
                        ResultColumn.varchar("Create_options"), ResultColumn.varchar("Comment"));
                for (TableDef t : d.tables().values()) {
                    var store = session.services().state().storage().table(t.id());
                    var stats = store == null ? null : store.stats();
                    long live = stats == null ? 0 : stats.liveRows();
                    long bytes = stats == null ? 0 : stats.bytesOnDisk() + stats.bufferedBytes();
                    rows.add(new Object[] {t.name(), "Basalt", 10L, "Dynamic", live, live == 0 ? 0L : bytes / live, bytes,
                            0L, 0L, 0L, t.autoIncrementColumn() == null ? null : session.services().state().next(t.id()),
                            time(t.createTimeMillis()), null, null, "utf8mb4_general_ci", null, "",
                            t.properties().getOrDefault("comment", "")});
                }
                for (ViewDef v : d.views().values()) {
                    rows.add(new Object[] {v.name(), null, null, null, null, null, null, null, null, null, null,
                            time(v.createTimeMillis()), null, null, null, null, null, "VIEW"});
                }
                rows.sort((a, b) -> ((String) a[0]).compareToIgnoreCase((String) b[0]));
            }
            case PROCESSLIST -> {
                columns = List.of(ResultColumn.bigint("Id"), ResultColumn.varchar("User"), ResultColumn.varchar("Host"),
                        ResultColumn.varchar("db"), ResultColumn.varchar("Command"), ResultColumn.bigint("Time"),
                        ResultColumn.varchar("State"), ResultColumn.text("Info"));
                long now = System.currentTimeMillis();
                boolean all = session.access().has(io.basalt.server.catalog.Privilege.PROCESS, "*", "*");
                for (BasaltSession other : session.services().registry().all()) {
                    if (!all && !other.accountName().equals(session.accountName())) {
                        continue;
                    }
                    String sql = other.runningSql();
                    boolean busy = sql != null;
                    String info = sql == null ? null : s.full() ? sql : BasaltSession.abbreviate(sql);
                    long since = busy ? other.runningSince() : other.connectedAt();
                    rows.add(new Object[] {other.connectionId(), other.user(), other.client().remoteAddress(),
                            other.database(), busy ? "Query" : "Sleep", (now - since) / 1000, busy ? "executing" : "",
                            info});
                }
            }
            case ENGINES -> {
                columns = List.of(ResultColumn.varchar("Engine"), ResultColumn.varchar("Support"),
                        ResultColumn.varchar("Comment"), ResultColumn.varchar("Transactions"), ResultColumn.varchar("XA"),
                        ResultColumn.varchar("Savepoints"));
                rows.add(new Object[] {"Basalt", "DEFAULT", "Columnar storage: Parquet segments, replicated through Raft",
                        "NO", "NO", "NO"});
            }
            case CHARSET -> {
                columns = List.of(ResultColumn.varchar("Charset"), ResultColumn.varchar("Description"),
                        ResultColumn.varchar("Default collation"), ResultColumn.bigint("Maxlen"));
                rows.add(new Object[] {"utf8mb4", "UTF-8 Unicode", "utf8mb4_general_ci", 4L});
                rows.add(new Object[] {"utf8mb3", "UTF-8 Unicode", "utf8mb3_general_ci", 3L});
                rows.add(new Object[] {"binary", "Binary pseudo charset", "binary", 1L});
            }
            case COLLATION -> {
                columns = List.of(ResultColumn.varchar("Collation"), ResultColumn.varchar("Charset"), ResultColumn.bigint("Id"),
                        ResultColumn.varchar("Default"), ResultColumn.varchar("Compiled"), ResultColumn.bigint("Sortlen"),
                        ResultColumn.varchar("Pad_attribute"));
                rows.add(new Object[] {"utf8mb4_general_ci", "utf8mb4", 45L, "Yes", "Yes", 1L, "PAD SPACE"});
                rows.add(new Object[] {"utf8mb4_bin", "utf8mb4", 46L, "", "Yes", 1L, "PAD SPACE"});
                rows.add(new Object[] {"utf8mb4_0900_ai_ci", "utf8mb4", 255L, "", "Yes", 0L, "NO PAD"});
                rows.add(new Object[] {"utf8mb3_general_ci", "utf8mb3", 33L, "Yes", "Yes", 1L, "PAD SPACE"});
                rows.add(new Object[] {"binary", "binary", 63L, "Yes", "Yes", 1L, "NO PAD"});
            }
            case PLUGINS -> {
                columns = List.of(ResultColumn.varchar("Name"), ResultColumn.varchar("Status"), ResultColumn.varchar("Type"),
                        ResultColumn.varchar("Library"), ResultColumn.varchar("License"));
                rows.add(new Object[] {"mysql_native_password", "ACTIVE", "AUTHENTICATION", null, "GPL"});
                rows.add(new Object[] {"Basalt", "ACTIVE", "STORAGE ENGINE", null, "Apache-2.0"});
            }
            case FRONTENDS -> {
                columns = frontendColumns();
                rows.addAll(session.services().cluster().frontends());
            }
            case PROC -> {
                return AdminProc.show(session, s.argument(), s.like());
            }
            case CREATE_USER -> {
                String who = s.argument();
                columns = List.of(ResultColumn.text("CREATE USER for " + who));
                rows.add(new Object[] {UserStatements.showCreateUser(session, who)});
            }
            case GRANTS -> {
                String who = s.argument() == null ? session.accountName() + "@" + session.accountHost() : s.argument();
                columns = List.of(ResultColumn.text("Grants for " + who));
                rows.addAll(UserStatements.showGrants(session, s.argument()));
            }
            case PRIVILEGES -> {
                columns = List.of(ResultColumn.varchar("Privilege"), ResultColumn.varchar("Context"),
                        ResultColumn.varchar("Comment"));
                rows.add(new Object[] {"All", "Server Admin", "All privileges"});
            }
            case TRIGGERS -> columns = List.of(ResultColumn.varchar("Trigger"), ResultColumn.varchar("Event"),
                    ResultColumn.varchar("Table"), ResultColumn.text("Statement"), ResultColumn.varchar("Timing"),
                    ResultColumn.datetime("Created"), ResultColumn.varchar("sql_mode"), ResultColumn.varchar("Definer"),
                    ResultColumn.varchar("character_set_client"), ResultColumn.varchar("collation_connection"),
                    ResultColumn.varchar("Database Collation"));
            case EVENTS -> columns = List.of(ResultColumn.varchar("Db"), ResultColumn.varchar("Name"),
                    ResultColumn.varchar("Definer"), ResultColumn.varchar("Time zone"), ResultColumn.varchar("Type"));
            case FUNCTION_STATUS, PROCEDURE_STATUS -> columns = List.of(ResultColumn.varchar("Db"),
                    ResultColumn.varchar("Name"), ResultColumn.varchar("Type"), ResultColumn.varchar("Definer"),
                    ResultColumn.datetime("Modified"), ResultColumn.datetime("Created"),
                    ResultColumn.varchar("Security_type"), ResultColumn.varchar("Comment"),
                    ResultColumn.varchar("character_set_client"), ResultColumn.varchar("collation_connection"),
                    ResultColumn.varchar("Database Collation"));
            case MASTER_STATUS -> columns = List.of(ResultColumn.varchar("File"), ResultColumn.bigint("Position"),
                    ResultColumn.varchar("Binlog_Do_DB"), ResultColumn.varchar("Binlog_Ignore_DB"),
                    ResultColumn.varchar("Executed_Gtid_Set"));
            case DATA -> {
                String db = s.database() != null ? s.database() : session.requireDatabase();
                DatabaseDef d = database(catalog, db);
                columns = List.of(ResultColumn.varchar("TableName"), ResultColumn.bigint("Size"),
                        ResultColumn.bigint("ReplicaCount"), ResultColumn.bigint("RowCount"));
                for (TableDef t : d.tables().values()) {
                    var stats = session.services().state().storage().table(t.id()).stats();
                    rows.add(new Object[] {t.name(), stats.bytesOnDisk() + stats.bufferedBytes(), 1L, stats.liveRows()});
                }
            }
            default -> throw new BasaltException(ErrorCode.NOT_SUPPORTED,
                    "This version of Basalt doesn't yet support 'SHOW " + s.kind() + "'");
        }
        return filtered(session, s, columns, rows);
    }

    static List<ResultColumn> frontendColumns() {
        return List.of(ResultColumn.varchar("Name"), ResultColumn.varchar("IP"), ResultColumn.varchar("EditLogPort"),
                ResultColumn.varchar("HttpPort"), ResultColumn.varchar("QueryPort"), ResultColumn.varchar("RpcPort"),
                ResultColumn.varchar("Role"), ResultColumn.varchar("ClusterId"), ResultColumn.varchar("Join"),
                ResultColumn.varchar("Alive"), ResultColumn.varchar("ReplayedJournalId"),
                ResultColumn.varchar("LastHeartbeat"), ResultColumn.varchar("IsHelper"), ResultColumn.text("ErrMsg"),
                ResultColumn.varchar("StartTime"), ResultColumn.varchar("Version"), ResultColumn.varchar("ReplicationLag"));
    }

    private static LocalDateTime time(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneId.systemDefault()).withNano(0);
    }

    private static QueryResult viewResult(BasaltSession session, ViewDef v) {
        return RowsResult.of(List.of(ResultColumn.varchar("View"), ResultColumn.text("Create View"),
                ResultColumn.varchar("character_set_client"), ResultColumn.varchar("collation_connection")),
                List.<Object[]>of(new Object[] {v.name(), CreateStatements.view(v), "utf8mb4", "utf8mb4_general_ci"}),
                session.services().allocator());
    }

    private static void addIndexRows(List<Object[]> rows, TableDef t, String name, List<String> cols, boolean unique) {
        for (int i = 0; i < cols.size(); i++) {
            ColumnDef c = t.column(cols.get(i));
            rows.add(new Object[] {t.name(), unique ? 0L : 1L, name, (long) (i + 1), c == null ? cols.get(i) : c.name(), "A",
                    null, null, null, c != null && c.nullable() ? "YES" : "", "BTREE", "", "", "YES", null});
        }
    }

    private static DatabaseDef database(Catalog catalog, String name) {
        DatabaseDef d = catalog.database(name);
        if (d == null) {
            throw BasaltException.of(ErrorCode.UNKNOWN_DATABASE, "Unknown database '%s'", name);
        }
        return d;
    }

    private static TableDef table(BasaltSession session, ObjectName name, String fromDb) {
        String db = fromDb != null ? fromDb : name.database() != null ? name.database() : session.requireDatabase();
        TableDef t = session.catalog().table(db, name.name());
        if (t == null) {
            throw BasaltException.of(ErrorCode.UNKNOWN_TABLE, "Table '%s.%s' doesn't exist", db, name.name());
        }
        if (!session.access().canSeeTable(t.database(), t.name())) {
            session.access().requireTable(io.basalt.server.catalog.Privilege.SELECT, t.database(), t.name());
        }
        return t;
    }

    private static QueryResult columns(BasaltSession session, Statement.Show s) {
        String db = s.database() != null ? s.database()
                : s.target().database() != null ? s.target().database() : session.requireDatabase();
        Catalog catalog = session.catalog();
        List<ResultColumn> columns = new ArrayList<>(List.of(ResultColumn.varchar("Field"), ResultColumn.text("Type")));
        if (s.full()) {
            columns.add(ResultColumn.varchar("Collation"));
        }
        columns.addAll(List.of(ResultColumn.varchar("Null"), ResultColumn.varchar("Key"), ResultColumn.text("Default"),
                ResultColumn.varchar("Extra")));
        if (s.full()) {
            columns.addAll(List.of(ResultColumn.varchar("Privileges"), ResultColumn.text("Comment")));
        }
        List<Object[]> rows = new ArrayList<>();
        TableDef t = catalog.table(db, s.target().name());
        if (t != null) {
            for (ColumnDef c : t.columns()) {
                String def = c.defaultExpression() == null ? null
                        : CreateStatements.defaultClause(c).replaceFirst("^ DEFAULT ", "").replaceAll("^'(.*)'$", "$1");
                List<Object> row = new ArrayList<>(List.of(c.name(), c.type().sqlText()));
                if (s.full()) {
                    row.add(c.type().isString() ? "utf8mb4_general_ci" : null);
                }
                row.addAll(java.util.Arrays.asList(c.nullable() ? "YES" : "NO", InformationSchema.columnKey(t, c), def,
                        c.autoIncrement() ? "auto_increment" : ""));
                if (s.full()) {
                    row.addAll(List.of("select,insert,update,references", c.comment() == null ? "" : c.comment()));
                }
                rows.add(row.toArray());
            }
        } else {
            ViewDef v = catalog.view(db, s.target().name());
            if (v == null) {
                throw BasaltException.of(ErrorCode.UNKNOWN_TABLE, "Table '%s.%s' doesn't exist", db, s.target().name());
            }
            StatementEnvironment env = session.environment().withDatabase(db);
            var planner = new io.basalt.server.sql.plan.QueryPlanner(catalog, db,
                    session.services().state().systemSchemas(catalog), session.variableResolver(), env);
            var type = planner.rowType(v);
            for (var f : type.getFieldList()) {
                List<Object> row = new ArrayList<>(List.of(f.getName(),
                        DdlStatements.sqlType(f.getType()).sqlText()));
                if (s.full()) {
                    row.add(null);
                }
                row.addAll(java.util.Arrays.asList(f.getType().isNullable() ? "YES" : "NO", "", null, ""));
                if (s.full()) {
                    row.addAll(List.of("select", ""));
                }
                rows.add(row.toArray());
            }
        }
        return filtered(session, s, columns, rows);
    }

    /** Applies SHOW's LIKE (to the first column) or WHERE (through the planner). */
    private static QueryResult filtered(BasaltSession session, Statement.Show s, List<ResultColumn> columns,
            List<Object[]> rows) {
        if (s.like() != null) {
            List<Object[]> kept = new ArrayList<>();
            for (Object[] r : rows) {
                if (r[0] != null && LikeMatcher.matches(r[0].toString(), s.like())) {
                    kept.add(r);
                }
            }
            rows = kept;
        }
        if (s.where() == null) {
            return RowsResult.of(columns, rows, session.services().allocator());
        }
        List<SystemTable.Column> cols = new ArrayList<>();
        for (ResultColumn c : columns) {
            cols.add(new SystemTable.Column(c.name(), c.type(), true));
        }
        List<Object[]> finalRows = rows;
        SystemTable table = new SystemTable(SHOW_SCHEMA, "rows", cols, () -> finalRows);
        StatementEnvironment env = session.environment();
        QueryContext base = session.queryContext(env);
        QueryContext qc = new QueryContext(base.catalog(), env, base.variables(), c -> {
            Map<String, Map<String, SystemTable>> m = new HashMap<>(base.systemSchemas().apply(c));
            m.put(SHOW_SCHEMA, Map.of("rows", table));
            return m;
        }, base.stores());
        SqlSelect select = new SqlSelect(SqlParserPos.ZERO, null, SqlNodeList.of(SqlIdentifier.star(SqlParserPos.ZERO)),
                new SqlIdentifier(List.of(SHOW_SCHEMA, "rows"), SqlParserPos.ZERO), s.where(), null, null, null, null,
                null, null, null, null);
        ExecContext ctx = session.newExecContext(env);
        List<Object[]> kept = io.basalt.server.exec.QueryRunner.prepare(select, qc, -1).all(ctx);
        return RowsResult.of(columns, kept, session.services().allocator());
    }

    /** COM_FIELD_LIST: the columns of a table. */
    static Schema fieldList(BasaltSession session, String table, String wildcard) {
        TableDef t = table(session, new ObjectName(null, table), null);
        List<Field> fields = new ArrayList<>();
        for (ColumnDef c : t.columns()) {
            if (wildcard == null || wildcard.isEmpty() || LikeMatcher.matches(c.name(), wildcard)) {
                fields.add(ResultSchema.columnField(t, c));
            }
        }
        return new Schema(fields);
    }
}
