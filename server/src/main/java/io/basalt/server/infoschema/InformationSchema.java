package io.basalt.server.infoschema;

import io.basalt.server.catalog.Catalog;
import io.basalt.server.catalog.ColumnDef;
import io.basalt.server.catalog.DatabaseDef;
import io.basalt.server.catalog.TableDef;
import io.basalt.server.catalog.ViewDef;
import io.basalt.server.sql.plan.SystemTable;
import io.basalt.server.sql.plan.SystemTable.Column;
import io.basalt.server.sql.type.SqlType;
import io.basalt.server.sql.type.SqlType.Kind;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The information_schema views of a catalog snapshot: SCHEMATA, TABLES, COLUMNS. Rows are
 * computed from the snapshot when a query scans them.
 */
public final class InformationSchema {
    public static final String NAME = "information_schema";

    private InformationSchema() {}

    /** Live row counts for TABLES.TABLE_ROWS, by table id (-1 when unknown). */
    public interface RowCounts extends LongFunction<Long> {}

    static Column varchar(String name) {
        return new Column(name, SqlType.varchar(256), true);
    }

    static Column text(String name) {
        return new Column(name, SqlType.of(Kind.TEXT), true);
    }

    static Column bigint(String name) {
        return new Column(name, SqlType.of(Kind.BIGINT), true);
    }

    static Column datetime(String name) {
        return new Column(name, SqlType.of(Kind.DATETIME), true);
    }

    /** The information_schema tables for {@code catalog}. */
    public static Map<String, SystemTable> tables(Catalog catalog, RowCounts rowCounts) {
        Map<String, SystemTable> m = new LinkedHashMap<>();
        m.put("SCHEMATA", new SystemTable(NAME, "SCHEMATA", List.of(varchar("CATALOG_NAME"), varchar("SCHEMA_NAME"),
                varchar("DEFAULT_CHARACTER_SET_NAME"), varchar("DEFAULT_COLLATION_NAME"), varchar("SQL_PATH"),
                varchar("DEFAULT_ENCRYPTION")), () -> schemata(catalog)));
        m.put("TABLES", new SystemTable(NAME, "TABLES", List.of(varchar("TABLE_CATALOG"), varchar("TABLE_SCHEMA"),
                varchar("TABLE_NAME"), varchar("TABLE_TYPE"), varchar("ENGINE"), bigint("VERSION"),
                varchar("ROW_FORMAT"), bigint("TABLE_ROWS"), bigint("AVG_ROW_LENGTH"), bigint("DATA_LENGTH"),
                bigint("MAX_DATA_LENGTH"), bigint("INDEX_LENGTH"), bigint("DATA_FREE"), bigint("AUTO_INCREMENT"),
                datetime("CREATE_TIME"), datetime("UPDATE_TIME"), datetime("CHECK_TIME"), varchar("TABLE_COLLATION"),
                bigint("CHECKSUM"), varchar("CREATE_OPTIONS"), text("TABLE_COMMENT")),
                () -> tablesRows(catalog, rowCounts)));
        m.put("COLUMNS", new SystemTable(NAME, "COLUMNS", List.of(varchar("TABLE_CATALOG"), varchar("TABLE_SCHEMA"),
                varchar("TABLE_NAME"), varchar("COLUMN_NAME"), bigint("ORDINAL_POSITION"), text("COLUMN_DEFAULT"),
                varchar("IS_NULLABLE"), varchar("DATA_TYPE"), bigint("CHARACTER_MAXIMUM_LENGTH"),
                bigint("CHARACTER_OCTET_LENGTH"), bigint("NUMERIC_PRECISION"), bigint("NUMERIC_SCALE"),
                bigint("DATETIME_PRECISION"), varchar("CHARACTER_SET_NAME"), varchar("COLLATION_NAME"),
                text("COLUMN_TYPE"), varchar("COLUMN_KEY"), varchar("EXTRA"), varchar("PRIVILEGES"),
                text("COLUMN_COMMENT"), text("GENERATION_EXPRESSION"), bigint("SRS_ID")),
                () -> columnsRows(catalog)));
        m.put("KEY_COLUMN_USAGE", new SystemTable(NAME, "KEY_COLUMN_USAGE", List.of(varchar("CONSTRAINT_CATALOG"),
                varchar("CONSTRAINT_SCHEMA"), varchar("CONSTRAINT_NAME"), varchar("TABLE_CATALOG"),
                varchar("TABLE_SCHEMA"), varchar("TABLE_NAME"), varchar("COLUMN_NAME"), bigint("ORDINAL_POSITION"),
                bigint("POSITION_IN_UNIQUE_CONSTRAINT"), varchar("REFERENCED_TABLE_SCHEMA"),
                varchar("REFERENCED_TABLE_NAME"), varchar("REFERENCED_COLUMN_NAME")), () -> keyColumnUsage(catalog)));
        m.put("TABLE_CONSTRAINTS", new SystemTable(NAME, "TABLE_CONSTRAINTS", List.of(varchar("CONSTRAINT_CATALOG"),
                varchar("CONSTRAINT_SCHEMA"), varchar("CONSTRAINT_NAME"), varchar("TABLE_SCHEMA"), varchar("TABLE_NAME"),
                varchar("CONSTRAINT_TYPE"), varchar("ENFORCED")), () -> tableConstraints(catalog)));
        m.put("STATISTICS", new SystemTable(NAME, "STATISTICS", List.of(varchar("TABLE_CATALOG"),
                varchar("TABLE_SCHEMA"), varchar("TABLE_NAME"), bigint("NON_UNIQUE"), varchar("INDEX_SCHEMA"),
                varchar("INDEX_NAME"), bigint("SEQ_IN_INDEX"), varchar("COLUMN_NAME"), varchar("COLLATION"),
                bigint("CARDINALITY"), bigint("SUB_PART"), varchar("PACKED"), varchar("NULLABLE"), varchar("INDEX_TYPE"),
                varchar("COMMENT"), varchar("INDEX_COMMENT"), varchar("IS_VISIBLE"), text("EXPRESSION")),
                () -> statistics(catalog)));
        m.put("VIEWS", new SystemTable(NAME, "VIEWS", List.of(varchar("TABLE_CATALOG"), varchar("TABLE_SCHEMA"),
                varchar("TABLE_NAME"), text("VIEW_DEFINITION"), varchar("CHECK_OPTION"), varchar("IS_UPDATABLE"),
                varchar("DEFINER"), varchar("SECURITY_TYPE"), varchar("CHARACTER_SET_CLIENT"),
                varchar("COLLATION_CONNECTION")), () -> views(catalog)));
        m.put("ROUTINES", new SystemTable(NAME, "ROUTINES", List.of(varchar("SPECIFIC_NAME"), varchar("ROUTINE_CATALOG"),
                varchar("ROUTINE_SCHEMA"), varchar("ROUTINE_NAME"), varchar("ROUTINE_TYPE"), varchar("DATA_TYPE"),
                text("ROUTINE_DEFINITION"), varchar("IS_DETERMINISTIC"), varchar("SQL_DATA_ACCESS"),
                varchar("SECURITY_TYPE"), datetime("CREATED"), datetime("LAST_ALTERED"), varchar("SQL_MODE"),
                text("ROUTINE_COMMENT"), varchar("DEFINER")), List::of));
        m.put("ENGINES", new SystemTable(NAME, "ENGINES", List.of(varchar("ENGINE"), varchar("SUPPORT"),
                varchar("COMMENT"), varchar("TRANSACTIONS"), varchar("XA"), varchar("SAVEPOINTS")),
                () -> List.<Object[]>of(new Object[] {"Basalt", "DEFAULT",
                        "Columnar storage: Parquet segments, replicated through Raft", "NO", "NO", "NO"})));
        m.put("CHARACTER_SETS", new SystemTable(NAME, "CHARACTER_SETS", List.of(varchar("CHARACTER_SET_NAME"),
                varchar("DEFAULT_COLLATE_NAME"), varchar("DESCRIPTION"), bigint("MAXLEN")),
                () -> List.<Object[]>of(new Object[] {"utf8mb4", "utf8mb4_general_ci", "UTF-8 Unicode", 4L},
                        new Object[] {"utf8mb3", "utf8mb3_general_ci", "UTF-8 Unicode", 3L},
                        new Object[] {"binary", "binary", "Binary pseudo charset", 1L})));
        m.put("COLLATIONS", new SystemTable(NAME, "COLLATIONS", List.of(varchar("COLLATION_NAME"),
                varchar("CHARACTER_SET_NAME"), bigint("ID"), varchar("IS_DEFAULT"), varchar("IS_COMPILED"),
                bigint("SORTLEN"), varchar("PAD_ATTRIBUTE")),
                () -> List.<Object[]>of(new Object[] {"utf8mb4_general_ci", "utf8mb4", 45L, "Yes", "Yes", 1L, "PAD SPACE"},
                        new Object[] {"utf8mb4_bin", "utf8mb4", 46L, "", "Yes", 1L, "PAD SPACE"},
                        new Object[] {"utf8mb4_0900_ai_ci", "utf8mb4", 255L, "", "Yes", 0L, "NO PAD"},
                        new Object[] {"utf8mb3_general_ci", "utf8mb3", 33L, "Yes", "Yes", 1L, "PAD SPACE"},
                        new Object[] {"binary", "binary", 63L, "Yes", "Yes", 1L, "NO PAD"})));
        m.put("KEYWORDS", new SystemTable(NAME, "KEYWORDS", List.of(varchar("WORD"), bigint("RESERVED")),
                InformationSchema::keywords));
        // Objects Basalt does not have; tools such as mysqldump query these and expect empty answers.
        empty(m, "FILES", "FILE_ID", "FILE_NAME", "FILE_TYPE", "TABLESPACE_NAME", "TABLE_CATALOG", "TABLE_SCHEMA",
                "TABLE_NAME", "LOGFILE_GROUP_NAME", "LOGFILE_GROUP_NUMBER", "ENGINE", "FULLTEXT_KEYS", "DELETED_ROWS",
                "UPDATE_COUNT", "FREE_EXTENTS", "TOTAL_EXTENTS", "EXTENT_SIZE", "INITIAL_SIZE", "MAXIMUM_SIZE",
                "AUTOEXTEND_SIZE", "STATUS", "EXTRA");
        empty(m, "TRIGGERS", "TRIGGER_CATALOG", "TRIGGER_SCHEMA", "TRIGGER_NAME", "EVENT_MANIPULATION",
                "EVENT_OBJECT_CATALOG", "EVENT_OBJECT_SCHEMA", "EVENT_OBJECT_TABLE", "ACTION_ORDER", "ACTION_CONDITION",
                "ACTION_STATEMENT", "ACTION_ORIENTATION", "ACTION_TIMING", "CREATED", "SQL_MODE", "DEFINER",
                "CHARACTER_SET_CLIENT", "COLLATION_CONNECTION", "DATABASE_COLLATION");
        empty(m, "EVENTS", "EVENT_CATALOG", "EVENT_SCHEMA", "EVENT_NAME", "DEFINER", "TIME_ZONE", "EVENT_BODY",
                "EVENT_DEFINITION", "EVENT_TYPE", "EXECUTE_AT", "INTERVAL_VALUE", "INTERVAL_FIELD", "SQL_MODE", "STARTS",
                "ENDS", "STATUS", "ON_COMPLETION", "CREATED", "LAST_ALTERED", "LAST_EXECUTED", "EVENT_COMMENT");
        empty(m, "PARTITIONS", "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "PARTITION_NAME",
                "SUBPARTITION_NAME", "PARTITION_ORDINAL_POSITION", "PARTITION_METHOD", "PARTITION_EXPRESSION",
                "PARTITION_DESCRIPTION", "TABLE_ROWS", "TABLESPACE_NAME");
        empty(m, "PARAMETERS", "SPECIFIC_CATALOG", "SPECIFIC_SCHEMA", "SPECIFIC_NAME", "ORDINAL_POSITION",
                "PARAMETER_MODE", "PARAMETER_NAME", "DATA_TYPE", "DTD_IDENTIFIER", "ROUTINE_TYPE");
        empty(m, "REFERENTIAL_CONSTRAINTS", "CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME",
                "UNIQUE_CONSTRAINT_CATALOG", "UNIQUE_CONSTRAINT_SCHEMA", "UNIQUE_CONSTRAINT_NAME", "MATCH_OPTION",
                "UPDATE_RULE", "DELETE_RULE", "TABLE_NAME", "REFERENCED_TABLE_NAME");
        empty(m, "CHECK_CONSTRAINTS", "CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME", "CHECK_CLAUSE");
        empty(m, "COLUMN_STATISTICS", "SCHEMA_NAME", "TABLE_NAME", "COLUMN_NAME", "HISTOGRAM");
        return m;
    }

    private static void empty(Map<String, SystemTable> m, String name, String... columns) {
        List<SystemTable.Column> cols = new java.util.ArrayList<>();
        for (String c : columns) {
            cols.add(varchar(c));
        }
        m.put(name, new SystemTable(NAME, name, cols, List::of));
    }

    private static List<Object[]> keyColumnUsage(Catalog catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (DatabaseDef db : catalog.allDatabases()) {
            for (TableDef t : db.tables().values()) {
                List<List<String>> keys = new ArrayList<>();
                List<String> names = new ArrayList<>();
                if (!t.primaryKey().isEmpty()) {
                    keys.add(t.primaryKey());
                    names.add("PRIMARY");
                }
                for (var i : t.indexes()) {
                    if (i.unique()) {
                        keys.add(i.columns());
                        names.add(i.name());
                    }
                }
                for (int k = 0; k < keys.size(); k++) {
                    long pos = 1;
                    for (String c : keys.get(k)) {
                        rows.add(new Object[] {"def", db.name(), names.get(k), "def", db.name(), t.name(), c, pos++, null,
                                null, null, null});
                    }
                }
            }
        }
        return rows;
    }

    private static List<Object[]> tableConstraints(Catalog catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (DatabaseDef db : catalog.allDatabases()) {
            for (TableDef t : db.tables().values()) {
                if (!t.primaryKey().isEmpty()) {
                    rows.add(new Object[] {"def", db.name(), "PRIMARY", db.name(), t.name(), "PRIMARY KEY", "YES"});
                }
                for (var i : t.indexes()) {
                    if (i.unique()) {
                        rows.add(new Object[] {"def", db.name(), i.name(), db.name(), t.name(), "UNIQUE", "YES"});
                    }
                }
            }
        }
        return rows;
    }

    private static List<Object[]> statistics(Catalog catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (DatabaseDef db : catalog.allDatabases()) {
            for (TableDef t : db.tables().values()) {
                if (!t.primaryKey().isEmpty()) {
                    addIndex(rows, db.name(), t, "PRIMARY", t.primaryKey(), true);
                }
                for (var i : t.indexes()) {
                    addIndex(rows, db.name(), t, i.name(), i.columns(), i.unique());
                }
            }
        }
        return rows;
    }

    private static void addIndex(List<Object[]> rows, String db, TableDef t, String name, List<String> cols, boolean unique) {
        long seq = 1;
        for (String c : cols) {
            ColumnDef col = t.column(c);
            rows.add(new Object[] {"def", db, t.name(), unique ? 0L : 1L, db, name, seq++, c, "A", null, null, null,
                    col != null && col.nullable() ? "YES" : "", "BTREE", "", "", "YES", null});
        }
    }

    private static List<Object[]> views(Catalog catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (DatabaseDef db : catalog.allDatabases()) {
            for (ViewDef v : db.views().values()) {
                rows.add(new Object[] {"def", db.name(), v.name(), v.query(), "NONE", "NO", "root@%", "DEFINER", "utf8mb4",
                        "utf8mb4_general_ci"});
            }
        }
        return rows;
    }

    private static List<Object[]> keywords() {
        List<Object[]> rows = new ArrayList<>();
        for (String w : io.basalt.server.sql.parser.Keywords.reserved()) {
            rows.add(new Object[] {w, 1L});
        }
        return rows;
    }

    private static List<Object[]> schemata(Catalog catalog) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"def", NAME, "utf8mb4", "utf8mb4_general_ci", null, "NO"});
        for (DatabaseDef db : catalog.allDatabases()) {
            rows.add(new Object[] {"def", db.name(), "utf8mb4", "utf8mb4_general_ci", null, "NO"});
        }
        return rows;
    }

    static LocalDateTime time(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneId.systemDefault()).withNano(0);
    }

    private static List<Object[]> tablesRows(Catalog catalog, RowCounts rowCounts) {
        List<Object[]> rows = new ArrayList<>();
        for (DatabaseDef db : catalog.allDatabases()) {
            for (TableDef t : db.tables().values()) {
                Long count = rowCounts.apply(t.id());
                rows.add(new Object[] {"def", db.name(), t.name(), "BASE TABLE", "Basalt", 10L, "Dynamic",
                        count == null || count < 0 ? null : count, 0L, 0L, 0L, 0L, 0L, null, time(t.createTimeMillis()),
                        null, null, "utf8mb4_general_ci", null, "", t.properties().getOrDefault("comment", "")});
            }
            for (ViewDef v : db.views().values()) {
                rows.add(new Object[] {"def", db.name(), v.name(), "VIEW", null, null, null, null, null, null, null,
                        null, null, null, time(v.createTimeMillis()), null, null, null, null, null, "VIEW"});
            }
        }
        return rows;
    }

    private static List<Object[]> columnsRows(Catalog catalog) {
        List<Object[]> rows = new ArrayList<>();
        for (DatabaseDef db : catalog.allDatabases()) {
            for (TableDef t : db.tables().values()) {
                long pos = 1;
                for (ColumnDef c : t.columns()) {
                    rows.add(columnRow(db.name(), t, c, pos++));
                }
            }
        }
        return rows;
    }

    /** One COLUMNS row; also used by SHOW COLUMNS. */
    public static Object[] columnRow(String db, TableDef t, ColumnDef c, long position) {
        SqlType type = c.type();
        Long charMax = type.isString() ? Long.valueOf(type.maxChars() > 0 ? type.maxChars() : SqlType.TEXT_LENGTH) : null;
        Long octets = charMax == null ? null : charMax * 4;
        Long precision = switch (type.kind()) {
            case TINYINT -> 3L;
            case SMALLINT -> 5L;
            case INT -> 10L;
            case BIGINT -> 19L;
            case FLOAT -> 12L;
            case DOUBLE -> 22L;
            case DECIMAL -> (long) type.length();
            case BOOLEAN -> 3L;
            default -> null;
        };
        Long scale = null;
        if (type.kind() == Kind.DECIMAL) {
            scale = (long) type.scale();
        } else if (type.isInteger() || type.kind() == Kind.BOOLEAN) {
            scale = 0L;
        }
        Long dtPrecision = type.isTemporal() && type.kind() != Kind.DATE ? Long.valueOf(type.length()) : null;
        return new Object[] {"def", db, t.name(), c.name(), position, c.defaultExpression(), c.nullable() ? "YES" : "NO",
                dataType(type), charMax, octets, precision, scale, dtPrecision, type.isString() ? "utf8mb4" : null,
                type.isString() ? "utf8mb4_general_ci" : null, type.sqlText(), columnKey(t, c),
                c.autoIncrement() ? "auto_increment" : "", "select,insert,update,references",
                c.comment() == null ? "" : c.comment(), "", null};
    }

    /** MySQL DATA_TYPE: the type name without length, lower case. */
    public static String dataType(SqlType type) {
        return switch (type.kind()) {
            case BOOLEAN -> "tinyint";
            case TEXT -> "text";
            default -> type.kind().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** COLUMN_KEY: PRI, UNI, MUL or empty. */
    public static String columnKey(TableDef t, ColumnDef c) {
        if (t.primaryKey().stream().anyMatch(k -> k.equalsIgnoreCase(c.name()))) {
            return "PRI";
        }
        for (var i : t.indexes()) {
            if (!i.columns().isEmpty() && i.columns().get(0).equalsIgnoreCase(c.name())) {
                return i.unique() && i.columns().size() == 1 ? "UNI" : "MUL";
            }
        }
        return "";
    }
}
