package io.basalt.server.catalog;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A database: its tables and views by lower-case name, and its options.
 */
public record DatabaseDef(String name, Map<String, TableDef> tables, Map<String, ViewDef> views,
        Map<String, String> properties, long createTimeMillis) {
    public DatabaseDef {
        tables = java.util.Collections.unmodifiableMap(new TreeMap<>(tables));
        views = java.util.Collections.unmodifiableMap(new TreeMap<>(views));
        properties = Map.copyOf(properties);
    }

    public TableDef table(String tableName) {
        return tables.get(tableName.toLowerCase(Locale.ROOT));
    }

    public ViewDef view(String viewName) {
        return views.get(viewName.toLowerCase(Locale.ROOT));
    }

    public DatabaseDef withTable(TableDef t) {
        Map<String, TableDef> m = new TreeMap<>(tables);
        m.put(t.key(), t);
        return new DatabaseDef(name, m, views, properties, createTimeMillis);
    }

    public DatabaseDef withoutTable(String tableName) {
        Map<String, TableDef> m = new TreeMap<>(tables);
        m.remove(tableName.toLowerCase(Locale.ROOT));
        return new DatabaseDef(name, m, views, properties, createTimeMillis);
    }

    public DatabaseDef withView(ViewDef v) {
        Map<String, ViewDef> m = new TreeMap<>(views);
        m.put(v.name().toLowerCase(Locale.ROOT), v);
        return new DatabaseDef(name, tables, m, properties, createTimeMillis);
    }

    public DatabaseDef withoutView(String viewName) {
        Map<String, ViewDef> m = new TreeMap<>(views);
        m.remove(viewName.toLowerCase(Locale.ROOT));
        return new DatabaseDef(name, tables, m, properties, createTimeMillis);
    }
}
