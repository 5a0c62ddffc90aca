package io.basalt.server.catalog;

import static java.util.Objects.requireNonNull;

import io.basalt.server.sql.type.SqlType;

/**
 * A table column in the catalog.
 *
 * @param id storage column id, stable across ALTER TABLE
 * @param name column name as declared
 * @param type declared type
 * @param nullable whether NULL is allowed
 * @param defaultExpression DEFAULT as SQL text, or null when none
 * @param autoIncrement AUTO_INCREMENT column
 * @param comment COMMENT text or null
 */
public record ColumnDef(int id, String name, SqlType type, boolean nullable, String defaultExpression,
        boolean autoIncrement, String comment) {
    public ColumnDef {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
    }
}
