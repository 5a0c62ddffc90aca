package io.basalt.server.sql.ast;

import io.basalt.server.sql.type.SqlType;
import org.apache.calcite.sql.SqlNode;

/**
 * A column as declared in CREATE TABLE or ALTER TABLE ADD COLUMN.
 *
 * @param name column name
 * @param type declared type
 * @param nullable false for NOT NULL (and for PRIMARY KEY columns)
 * @param defaultValue DEFAULT expression, or null
 * @param autoIncrement AUTO_INCREMENT
 * @param primaryKey inline PRIMARY KEY
 * @param unique inline UNIQUE
 * @param comment COMMENT text or null
 */
public record ColumnDefinition(String name, SqlType type, boolean nullable, SqlNode defaultValue,
        boolean autoIncrement, boolean primaryKey, boolean unique, String comment) {}
