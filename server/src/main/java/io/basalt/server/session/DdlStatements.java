package io.basalt.server.session;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.catalog.ColumnDef;
import io.basalt.server.catalog.IndexDef;
import io.basalt.server.catalog.Privilege;
import io.basalt.server.catalog.TableDef;
import io.basalt.server.catalog.ViewDef;
import io.basalt.server.command.Command;
import io.basalt.server.command.Command.Alteration;
import io.basalt.server.dml.ColumnCoercion;
import io.basalt.server.dml.RowAssembler;
import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.StatementEnvironment;
import io.basalt.server.sql.ast.AlterAction;
import io.basalt.server.sql.ast.ColumnDefinition;
import io.basalt.server.sql.ast.ObjectName;
import io.basalt.server.sql.ast.Statement;
import io.basalt.server.sql.ast.TableDefinition;
import io.basalt.server.sql.plan.QueryPlanner;
import io.basalt.server.sql.type.SqlType;
import io.basalt.server.sql.type.SqlType.Kind;
import io.basalt.session.QueryResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.pretty.SqlPrettyWriter;

/**
 * DDL: validates the statement against the current catalog (for a precise error before anything
 * is proposed), builds the command and commits it. The state machine re-checks what can change
 * concurrently (existence), so two racing DDL statements still end deterministically.
 */
final class DdlStatements {
    private static final int MAX_NAME_LENGTH = 64;

    private DdlStatements() {}

    static QueryResult execute(BasaltSession session, Statement statement) {
        checkPrivileges(session, statement);
        if (statement instanceof Statement.CreateDatabase c) {
            checkName(c.name(), ErrorCode.WRONG_DB_NAME, "database");
            return session.propose(new Command.CreateDatabase(c.name(), c.ifNotExists(), c.properties(),
                    System.currentTimeMillis()), null);
        }
        if (statement instanceof Statement.DropDatabase d) {
            if (d.name().equalsIgnoreCase(io.basalt.server.infoschema.InformationSchema.NAME)) {
                throw BasaltException.of(ErrorCode.DATABASE_ACCESS_DENIED,
                        "Access denied for user '%s'@'%%' to database 'information_schema'", session.user());
            }
            QueryResult.UpdateCount r = session.propose(new Command.DropDatabase(d.name(), d.ifExists()), null);
            if (d.name().equalsIgnoreCase(session.database())) {
                // MySQL leaves no database selected after dropping the current one.
                session.useDatabaseNone();
            }
            return r;
        }
        if (statement instanceof Statement.CreateTable c) {
            return createTable(session, c);
        }
        if (statement instanceof Statement.DropTable d) {
            List<Command.Name> names = new ArrayList<>();
            for (ObjectName n : d.names()) {
                names.add(new Command.Name(database(session, n), n.name()));
            }
            return session.propose(new Command.DropTables(names, d.ifExists()), null);
        }
        if (statement instanceof Statement.AlterTable a) {
            return alterTable(session, a);
        }
        if (statement instanceof Statement.CreateView v) {
            return createView(session, v);
        }
        if (statement instanceof Statement.DropView d) {
            List<Command.Name> names = new ArrayList<>();
            for (ObjectName n : d.names()) {
                names.add(new Command.Name(database(session, n), n.name()));
            }
            return session.propose(new Command.DropViews(names, d.ifExists()), null);
        }
        if (statement instanceof Statement.CreateIndex c) {
            TableDef t = DmlStatements.resolveTable(session, c.table());
            for (String col : c.columns()) {
                if (t.column(col) == null) {
                    throw BasaltException.of(ErrorCode.KEY_COLUMN_DOES_NOT_EXIST, "Key column '%s' doesn't exist in table", col);
                }
            }
            return session.propose(new Command.AlterTable(t.database(), t.name(),
                    List.of(new Alteration.AddIndex(new IndexDef(c.name(), c.columns(), c.unique()), c.ifNotExists()))),
                    null);
        }
        if (statement instanceof Statement.DropIndex d) {
            TableDef t = d.table() != null ? DmlStatements.resolveTable(session, d.table()) : tableOfIndex(session, d);
            return session.propose(new Command.AlterTable(t.database(), t.name(),
                    List.of(new Alteration.DropIndex(d.name(), d.ifExists()))), null);
        }
        if (statement instanceof Statement.Truncate t) {
            TableDef table = DmlStatements.resolveTable(session, t.table());
            return session.propose(new Command.Truncate(table.database(), table.name()), null);
        }
        throw new BasaltException(ErrorCode.NOT_SUPPORTED,
                "This version of Basalt doesn't yet support '" + statement.getClass().getSimpleName() + "'");
    }

    /** The privilege each DDL statement needs, checked before anything is proposed. */
    private static void checkPrivileges(BasaltSession session, Statement statement) {
        var access = session.access();
        if (statement instanceof Statement.CreateDatabase c) {
            access.requireDatabase(Privilege.CREATE, c.name());
        } else if (statement instanceof Statement.DropDatabase d) {
            access.requireDatabase(Privilege.DROP, d.name());
        } else if (statement instanceof Statement.CreateTable c) {
            access.requireTable(Privilege.CREATE, database(session, c.definition().name()), c.definition().name().name());
        } else if (statement instanceof Statement.DropTable d) {
            for (ObjectName n : d.names()) {
                access.requireTable(Privilege.DROP, database(session, n), n.name());
            }
        } else if (statement instanceof Statement.AlterTable a) {
            access.requireTable(Privilege.ALTER, database(session, a.name()), a.name().name());
        } else if (statement instanceof Statement.CreateView v) {
            access.requireTable(Privilege.CREATE_VIEW, database(session, v.name()), v.name().name());
        } else if (statement instanceof Statement.DropView d) {
            for (ObjectName n : d.names()) {
                access.requireTable(Privilege.DROP, database(session, n), n.name());
            }
        } else if (statement instanceof Statement.CreateIndex c) {
            access.requireTable(Privilege.INDEX, database(session, c.table()), c.table().name());
        } else if (statement instanceof Statement.DropIndex d && d.table() != null) {
            access.requireTable(Privilege.INDEX, database(session, d.table()), d.table().name());
        } else if (statement instanceof Statement.Truncate t) {
            access.requireTable(Privilege.DROP, database(session, t.table()), t.table().name());
        }
    }

    /** The one table of the current database that has the index (DROP INDEX without ON). */
    private static TableDef tableOfIndex(BasaltSession session, Statement.DropIndex d) {
        var db = session.catalog().database(session.requireDatabase());
        List<TableDef> owners = new ArrayList<>();
        for (TableDef t : db.tables().values()) {
            if (t.indexes().stream().anyMatch(i -> i.name().equalsIgnoreCase(d.name()))) {
                owners.add(t);
            }
        }
        if (owners.size() > 1) {
            throw BasaltException.of(ErrorCode.WRONG_ARGUMENTS,
                    "Index '%s' exists on several tables; name the table with DROP INDEX %s ON table", d.name(), d.name());
        }
        if (owners.isEmpty()) {
            throw BasaltException.of(ErrorCode.CANT_DROP_FIELD_OR_KEY, "Can't DROP '%s'; check that column/key exists",
                    d.name());
        }
        return owners.get(0);
    }

    private static String database(BasaltSession session, ObjectName n) {
        return n.database() != null ? n.database() : session.requireDatabase();
    }

    private static void checkName(String name, ErrorCode code, String what) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.endsWith(" ")) {
            throw BasaltException.of(code, "Incorrect %s name '%s'", what, name);
        }
    }

    // ---- CREATE TABLE -------------------------------------------------------------------------

    private static QueryResult createTable(BasaltSession session, Statement.CreateTable c) {
        TableDefinition def = c.definition();
        String db = database(session, def.name());
        if (session.catalog().database(db) == null) {
            throw BasaltException.of(ErrorCode.UNKNOWN_DATABASE, "Unknown database '%s'", db);
        }
        checkName(def.name().name(), ErrorCode.WRONG_TABLE_NAME, "table");
        long now = System.currentTimeMillis();
        if (c.like() != null) {
            TableDef source = DmlStatements.resolveTable(session, c.like());
            TableDef draft = new TableDef(0, db, def.name().name(), source.columns(), source.keysType(),
                    source.keyColumns(), source.indexes(), source.distributionColumns(), source.buckets(),
                    source.partitionColumn(), source.properties(), now, 0);
            return session.propose(new Command.CreateTable(draft, c.ifNotExists(), null, null), null);
        }
        StatementEnvironment env = session.environment();
        List<ColumnDef> columns = new ArrayList<>();
        String asSelect = null;
        if (c.asQuery() != null) {
            QueryPlanner planner = new QueryPlanner(session.catalog(), session.database(),
                    session.services().state().systemSchemas(session.catalog()), session.variableResolver(), env);
            RelDataType rowType = planner.validateOnly(c.asQuery());
            Set<String> declared = new HashSet<>();
            for (ColumnDefinition cd : def.columns()) {
                declared.add(cd.name().toLowerCase(Locale.ROOT));
            }
            columns.addAll(columns(session, def, env));
            for (RelDataTypeField f : rowType.getFieldList()) {
                if (!declared.contains(f.getName().toLowerCase(Locale.ROOT))) {
                    columns.add(new ColumnDef(0, f.getName(), sqlType(f.getType()), f.getType().isNullable(), null,
                            false, null));
                }
            }
            asSelect = c.asQueryText();
        } else {
            columns.addAll(columns(session, def, env));
        }
        Set<String> names = new HashSet<>();
        for (ColumnDef col : columns) {
            checkName(col.name(), ErrorCode.WRONG_COLUMN_NAME, "column");
            if (!names.add(col.name().toLowerCase(Locale.ROOT))) {
                throw BasaltException.of(ErrorCode.DUPLICATE_COLUMN, "Duplicate column name '%s'", col.name());
            }
        }
        checkKeyColumns(def.keyColumns(), names);
        for (TableDefinition.IndexDefinition i : def.indexes()) {
            checkKeyColumns(i.columns(), names);
        }
        checkKeyColumns(def.distributionColumns(), names);
        List<String> primaryKey = canonical(def.keyColumns(), columns);
        // PRIMARY KEY columns are NOT NULL.
        List<String> pk = def.keysType() == null || def.keysType().equals("PRIMARY") || def.keysType().equals("UNIQUE")
                ? primaryKey : List.of();
        List<ColumnDef> finalColumns = new ArrayList<>();
        int autoCount = 0;
        for (ColumnDef col : columns) {
            boolean inPk = pk.stream().anyMatch(k -> k.equalsIgnoreCase(col.name()));
            if (col.autoIncrement()) {
                autoCount++;
                if (!col.type().isInteger()) {
                    throw BasaltException.of(ErrorCode.WRONG_ARGUMENTS, "Incorrect column specifier for column '%s'",
                            col.name());
                }
            }
            finalColumns.add(inPk && col.nullable()
                    ? new ColumnDef(col.id(), col.name(), col.type(), false, col.defaultExpression(), col.autoIncrement(),
                            col.comment())
                    : col);
        }
        if (autoCount > 1) {
            throw new BasaltException(ErrorCode.WRONG_ARGUMENTS,
                    "Incorrect table definition; there can be only one auto column and it must be defined as a key");
        }
        List<IndexDef> indexes = new ArrayList<>();
        Set<String> indexNames = new HashSet<>();
        for (TableDefinition.IndexDefinition i : def.indexes()) {
            String name = i.name();
            int suffix = 2;
            while (!indexNames.add(name.toLowerCase(Locale.ROOT))) {
                name = i.name() + "_" + suffix++;
            }
            indexes.add(new IndexDef(name, canonical(i.columns(), finalColumns), i.unique()));
        }
        Map<String, String> props = new LinkedHashMap<>(def.properties());
        if (def.buckets() > 0) {
            props.put("buckets", Integer.toString(def.buckets()));
        }
        TableDef draft = new TableDef(0, db, def.name().name(), finalColumns, def.keysType(), primaryKey, indexes,
                canonical(def.distributionColumns(), finalColumns), def.buckets(), def.partitionColumn(), props, now, 0);
        Command.CreateTable command = new Command.CreateTable(draft, c.ifNotExists(), asSelect,
                asSelect == null ? null : session.statementContext(env));
        return session.propose(command, null);
    }

    private static void checkKeyColumns(List<String> keys, Set<String> names) {
        for (String k : keys) {
            if (!names.contains(k.toLowerCase(Locale.ROOT))) {
                throw BasaltException.of(ErrorCode.KEY_COLUMN_DOES_NOT_EXIST, "Key column '%s' doesn't exist in table", k);
            }
        }
    }

    /** Key column names spelled as the columns are. */
    private static List<String> canonical(List<String> keys, List<ColumnDef> columns) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            for (ColumnDef c : columns) {
                if (c.name().equalsIgnoreCase(k)) {
                    out.add(c.name());
                }
            }
        }
        return out;
    }

    private static List<ColumnDef> columns(BasaltSession session, TableDefinition def, StatementEnvironment env) {
        List<ColumnDef> out = new ArrayList<>();
        for (ColumnDefinition cd : def.columns()) {
            out.add(column(session, cd, env));
        }
        return out;
    }

    /** A catalog column from its declaration; the DEFAULT must fit the column's type. */
    static ColumnDef column(BasaltSession session, ColumnDefinition cd, StatementEnvironment env) {
        String defaultText = null;
        if (cd.defaultValue() != null) {
            defaultText = defaultText(cd.defaultValue());
            ExecContext ctx = new ExecContext(env, session.services().allocator());
            ColumnDef probe = new ColumnDef(0, cd.name(), cd.type(), cd.nullable(), null, false, null);
            try {
                Object v = RowAssembler.evaluateRow(List.of(cd.defaultValue()), session.queryContext(env), ctx)[0];
                if (v == null && !cd.nullable()) {
                    throw new IllegalArgumentException();
                }
                ColumnCoercion.coerce(v, probe, 1, true, ctx);
            } catch (RuntimeException e) {
                throw BasaltException.of(ErrorCode.INVALID_DEFAULT, "Invalid default value for '%s'", cd.name());
            }
            if (cd.type().kind() == Kind.TEXT || cd.type().kind() == Kind.BLOB) {
                // MySQL 8 accepts literal defaults on TEXT only as expressions; Basalt accepts them as written.
                defaultText = defaultText(cd.defaultValue());
            }
        }
        return new ColumnDef(0, cd.name(), cd.type(), cd.nullable(), defaultText, cd.autoIncrement(), cd.comment());
    }

    /** The DEFAULT expression as SQL text Basalt's parser reads back. */
    static String defaultText(SqlNode n) {
        SqlPrettyWriter w = new SqlPrettyWriter(SqlPrettyWriter.config()
                .withDialect(org.apache.calcite.sql.dialect.MysqlSqlDialect.DEFAULT).withAlwaysUseParentheses(false));
        n.unparse(w, 0, 0);
        return w.toSqlString().getSql();
    }

    /** The stored type of a query result column (CREATE TABLE ... AS SELECT). */
    static SqlType sqlType(RelDataType t) {
        return switch (t.getSqlTypeName()) {
            case BOOLEAN -> SqlType.of(Kind.BOOLEAN);
            case TINYINT -> SqlType.of(Kind.TINYINT);
            case SMALLINT -> SqlType.of(Kind.SMALLINT);
            case INTEGER -> SqlType.of(Kind.INT);
            case BIGINT -> SqlType.of(Kind.BIGINT);
            case DECIMAL -> SqlType.decimal(Math.max(1, t.getPrecision()), Math.max(0, t.getScale()));
            case REAL, FLOAT -> SqlType.of(Kind.FLOAT);
            case DOUBLE -> SqlType.of(Kind.DOUBLE);
            case CHAR -> new SqlType(Kind.CHAR, Math.max(1, t.getPrecision()), 0, false);
            case VARCHAR -> t.getPrecision() > 0 && t.getPrecision() <= 65533 ? SqlType.varchar(t.getPrecision())
                    : SqlType.of(Kind.TEXT);
            case DATE -> SqlType.of(Kind.DATE);
            case TIMESTAMP -> new SqlType(Kind.DATETIME, Math.max(0, t.getPrecision()), 0, false);
            case TIME -> new SqlType(Kind.TIME, Math.max(0, t.getPrecision()), 0, false);
            case BINARY, VARBINARY -> SqlType.of(Kind.BLOB);
            default -> SqlType.of(Kind.TEXT);
        };
    }

    // ---- ALTER TABLE --------------------------------------------------------------------------

    private static QueryResult alterTable(BasaltSession session, Statement.AlterTable a) {
        TableDef t = DmlStatements.resolveTable(session, a.name());
        StatementEnvironment env = session.environment();
        List<Alteration> alterations = new ArrayList<>();
        List<ExecContext.Warning> notes = new ArrayList<>();
        for (AlterAction action : a.actions()) {
            if (action instanceof AlterAction.Keys) {
                // MySQL answers the same for engines without deferrable index maintenance.
                notes.add(new ExecContext.Warning("Note", ErrorCode.ILLEGAL_HA.mysqlErrno(),
                        "Table storage engine for '" + t.name() + "' doesn't have this option"));
            } else if (action instanceof AlterAction.AddColumn add) {
                if (add.column().primaryKey() || add.column().autoIncrement()) {
                    throw new BasaltException(ErrorCode.NOT_SUPPORTED,
                            "This version of Basalt doesn't yet support 'ADD COLUMN with PRIMARY KEY or AUTO_INCREMENT'");
                }
                alterations.add(new Alteration.AddColumn(column(session, add.column(), env), add.first(), add.after()));
            } else if (action instanceof AlterAction.DropColumn drop) {
                alterations.add(new Alteration.DropColumn(drop.name(), drop.ifExists()));
            } else if (action instanceof AlterAction.AddIndex add) {
                alterations.add(new Alteration.AddIndex(new IndexDef(add.name(), add.columns(), add.unique()), false));
            } else if (action instanceof AlterAction.DropIndex drop) {
                alterations.add(new Alteration.DropIndex(drop.name(), false));
            } else if (action instanceof AlterAction.Rename rename) {
                String db = rename.newName().database() != null ? rename.newName().database() : t.database();
                checkName(rename.newName().name(), ErrorCode.WRONG_TABLE_NAME, "table");
                alterations.add(new Alteration.Rename(db, rename.newName().name()));
            }
        }
        if (alterations.isEmpty()) {
            session.setWarnings(notes);
            return new QueryResult.UpdateCount(0, 0, notes.size(), null);
        }
        return session.propose(new Command.AlterTable(t.database(), t.name(), alterations), null);
    }

    // ---- CREATE VIEW --------------------------------------------------------------------------

    private static QueryResult createView(BasaltSession session, Statement.CreateView v) {
        String db = database(session, v.name());
        if (session.catalog().database(db) == null) {
            throw BasaltException.of(ErrorCode.UNKNOWN_DATABASE, "Unknown database '%s'", db);
        }
        checkName(v.name().name(), ErrorCode.WRONG_TABLE_NAME, "table");
        StatementEnvironment env = session.environment().withDatabase(db);
        QueryPlanner planner = new QueryPlanner(session.catalog(), db,
                session.services().state().systemSchemas(session.catalog()), session.variableResolver(), env);
        RelDataType rowType = planner.validateOnly(v.query());
        if (!v.columns().isEmpty() && v.columns().size() != rowType.getFieldCount()) {
            throw new BasaltException(ErrorCode.VIEW_WRONG_LIST,
                    "View's SELECT and view's field list have different column counts");
        }
        ViewDef view = new ViewDef(db, v.name().name(), v.columns(), v.queryText(), System.currentTimeMillis());
        return session.propose(new Command.CreateView(view, v.orReplace(), v.ifNotExists()), null);
    }
}
