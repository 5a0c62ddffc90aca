package io.basalt.server.catalog;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable snapshot of all databases, tables and views. Every applied DDL command produces a
 * new snapshot; a running query keeps the one it started with.
 *
 * @param version the Raft log index of the command that produced this snapshot
 * @param databases databases by lower-case name
 * @param nextTableId next unused table id
 */
public record Catalog(long version, Map<String, DatabaseDef> databases, long nextTableId, Map<String, UserDef> users) {
    /** The catalog of a fresh node: no databases, and only the built-in root account. */
    public static final Catalog EMPTY = new Catalog(0, Map.of(), 1, Map.of());

    public Catalog {
        databases = java.util.Collections.unmodifiableMap(new TreeMap<>(databases));
        users = users == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(users));
    }

    /** The account {@code name@host} exactly as created, or null. */
    public UserDef user(String name, String host) {
        return users.get(UserDef.key(name, host));
    }

    public Catalog withUser(long newVersion, UserDef user) {
        Map<String, UserDef> m = new TreeMap<>(users);
        m.put(user.key(), user);
        return new Catalog(newVersion, databases, nextTableId, m);
    }

    public Catalog withoutUser(long newVersion, String name, String host) {
        Map<String, UserDef> m = new TreeMap<>(users);
        m.remove(UserDef.key(name, host));
        return new Catalog(newVersion, databases, nextTableId, m);
    }

    /** The database named {@code name} (any case), or null. */
    public DatabaseDef database(String name) {
        return name == null ? null : databases.get(name.toLowerCase(Locale.ROOT));
    }

    /** The table {@code db.name}, or null. */
    public TableDef table(String db, String name) {
        DatabaseDef d = database(db);
        return d == null ? null : d.table(name);
    }

    /** The table with id {@code id}, or null. */
    public TableDef tableById(long id) {
        for (DatabaseDef d : databases.values()) {
            for (TableDef t : d.tables().values()) {
                if (t.id() == id) {
                    return t;
                }
            }
        }
        return null;
    }

    /** The view {@code db.name}, or null. */
    public ViewDef view(String db, String name) {
        DatabaseDef d = database(db);
        return d == null ? null : d.view(name);
    }

    public Collection<DatabaseDef> allDatabases() {
        return databases.values();
    }

    public Catalog withDatabase(long newVersion, DatabaseDef db) {
        Map<String, DatabaseDef> m = new TreeMap<>(databases);
        m.put(db.name().toLowerCase(Locale.ROOT), db);
        return new Catalog(newVersion, m, nextTableId, users);
    }

    public Catalog withoutDatabase(long newVersion, String name) {
        Map<String, DatabaseDef> m = new TreeMap<>(databases);
        m.remove(name.toLowerCase(Locale.ROOT));
        return new Catalog(newVersion, m, nextTableId, users);
    }

    public Catalog withNextTableId(long id) {
        return new Catalog(version, databases, id, users);
    }
}
