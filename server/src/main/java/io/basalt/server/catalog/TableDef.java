package io.basalt.server.catalog;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A table in the catalog: columns, keys, indexes, distribution and options. Immutable; changes
 * produce a new definition.
 *
 * @param id table id, also the storage id
 * @param database owning database name
 * @param name table name as declared
 * @param columns columns in order
 * @param keysType null for a plain MySQL table; DUPLICATE, PRIMARY or UNIQUE for StarRocks key models
 * @param keyColumns primary key columns (MySQL form) or key model columns (StarRocks form)
 * @param indexes secondary indexes
 * @param distributionColumns DISTRIBUTED BY HASH columns
 * @param buckets bucket count (0 when not given)
 * @param partitionColumn PARTITION BY RANGE column or null
 * @param properties table options and PROPERTIES
 * @param createTimeMillis creation time (the command's timestamp)
 * @param nextColumnId next unused storage column id
 */
public record TableDef(long id, String database, String name, List<ColumnDef> columns, String keysType,
        List<String> keyColumns, List<IndexDef> indexes, List<String> distributionColumns, int buckets,
        String partitionColumn, Map<String, String> properties, long createTimeMillis, int nextColumnId) {

    public TableDef {
        requireNonNull(database, "database");
        requireNonNull(name, "name");
        columns = List.copyOf(columns);
        keyColumns = List.copyOf(keyColumns);
        indexes = List.copyOf(indexes);
        distributionColumns = List.copyOf(distributionColumns);
        properties = Map.copyOf(properties);
    }

    /** The column named {@code name} (case-insensitive), or null. */
    public ColumnDef column(String name) {
        for (ColumnDef c : columns) {
            if (c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }

    /** Position of the column named {@code name}, or -1. */
    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Columns whose combined values must be unique: the primary key of a MySQL table or of a
     * StarRocks PRIMARY/UNIQUE KEY table. Empty for DUPLICATE KEY tables and tables without keys.
     */
    public List<String> primaryKey() {
        if (keysType == null || keysType.equals("PRIMARY") || keysType.equals("UNIQUE")) {
            return keyColumns;
        }
        return List.of();
    }

    /** True for StarRocks PRIMARY/UNIQUE KEY tables, where INSERT replaces a row with the same key. */
    public boolean upsertOnInsert() {
        return keysType != null && (keysType.equals("PRIMARY") || keysType.equals("UNIQUE"));
    }

    /** Every unique key: the primary key first, then unique indexes. */
    public List<List<String>> uniqueKeys() {
        List<List<String>> keys = new ArrayList<>();
        if (!primaryKey().isEmpty()) {
            keys.add(primaryKey());
        }
        for (IndexDef i : indexes) {
            if (i.unique()) {
                keys.add(i.columns());
            }
        }
        return keys;
    }

    /** The AUTO_INCREMENT column, or null. */
    public ColumnDef autoIncrementColumn() {
        for (ColumnDef c : columns) {
            if (c.autoIncrement()) {
                return c;
            }
        }
        return null;
    }

    public TableDef withColumns(List<ColumnDef> newColumns, int newNextColumnId) {
        return new TableDef(id, database, name, newColumns, keysType, keyColumns, indexes, distributionColumns,
                buckets, partitionColumn, properties, createTimeMillis, newNextColumnId);
    }

    public TableDef withIndexes(List<IndexDef> newIndexes) {
        return new TableDef(id, database, name, columns, keysType, keyColumns, newIndexes, distributionColumns,
                buckets, partitionColumn, properties, createTimeMillis, nextColumnId);
    }

    public TableDef renamed(String newDatabase, String newName) {
        return new TableDef(id, newDatabase, newName, columns, keysType, keyColumns, indexes, distributionColumns,
                buckets, partitionColumn, properties, createTimeMillis, nextColumnId);
    }

    /** Lower-case name used as the catalog key. */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }
}
