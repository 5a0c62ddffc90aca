package io.basalt.server.catalog;

import java.util.List;

/**
 * A view: its SQL text as written and optional column names.
 *
 * @param database owning database
 * @param name view name
 * @param columns explicit column names, or empty
 * @param query the SELECT text
 * @param createTimeMillis creation time
 */
public record ViewDef(String database, String name, List<String> columns, String query, long createTimeMillis) {
    public ViewDef {
        columns = List.copyOf(columns);
    }
}
