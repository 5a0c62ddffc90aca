package io.basalt.server.sql.ast;

/** One action of ALTER TABLE. */
public sealed interface AlterAction {
    /** ADD [COLUMN] definition [FIRST | AFTER column]. */
    record AddColumn(ColumnDefinition column, boolean first, String after) implements AlterAction {}

    /** DROP [COLUMN] name. */
    record DropColumn(String name, boolean ifExists) implements AlterAction {}

    /** ADD [UNIQUE] INDEX name (columns). */
    record AddIndex(String name, java.util.List<String> columns, boolean unique) implements AlterAction {}

    /** DROP INDEX name. */
    record DropIndex(String name) implements AlterAction {}

    /** RENAME [TO] new name. */
    record Rename(ObjectName newName) implements AlterAction {}

    /** {@code DISABLE KEYS} / {@code ENABLE KEYS}: Basalt maintains no deferrable indexes, so it only notes it. */
    record Keys(boolean enable) implements AlterAction {}
}
