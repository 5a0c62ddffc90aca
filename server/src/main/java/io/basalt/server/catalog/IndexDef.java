package io.basalt.server.catalog;

import java.util.List;

/**
 * A secondary index or unique constraint. Unique indexes are enforced on write; the others are
 * kept in the catalog for SHOW INDEX and tools.
 */
public record IndexDef(String name, List<String> columns, boolean unique) {
    public IndexDef {
        columns = List.copyOf(columns);
    }
}
