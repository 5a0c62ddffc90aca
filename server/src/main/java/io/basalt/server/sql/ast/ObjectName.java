package io.basalt.server.sql.ast;

import static java.util.Objects.requireNonNull;

/** A possibly database-qualified object name: {@code db.name} or {@code name}. */
public record ObjectName(String database, String name) {
    public ObjectName {
        requireNonNull(name, "name");
    }

    /** The database part, or {@code fallback} when unqualified. */
    public String databaseOr(String fallback) {
        return database != null ? database : fallback;
    }

    @Override
    public String toString() {
        return database == null ? name : database + "." + name;
    }
}
