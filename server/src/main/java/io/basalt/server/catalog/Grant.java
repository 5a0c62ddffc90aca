package io.basalt.server.catalog;

import java.util.EnumSet;
import java.util.Set;

/**
 * Privileges on a scope: all databases ({@code *.*}), a database ({@code db.*}) or a table.
 *
 * @param database database name, or "*" for all
 * @param table table name, or "*" for all tables of the database
 * @param privileges what is granted
 * @param grantOption WITH GRANT OPTION
 */
public record Grant(String database, String table, Set<Privilege> privileges, boolean grantOption) {
    public Grant {
        privileges = privileges.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(privileges));
    }

    /** True when this grant's scope covers {@code db.table} (table null for database-level checks). */
    public boolean covers(String db, String tbl) {
        if (database.equals("*")) {
            return true;
        }
        if (db == null || !database.equalsIgnoreCase(db)) {
            return false;
        }
        return table.equals("*") || (tbl != null && table.equalsIgnoreCase(tbl));
    }

    public boolean sameScope(Grant other) {
        return database.equalsIgnoreCase(other.database) && table.equalsIgnoreCase(other.table);
    }

    /** The scope as MySQL prints it: `db`.`t`, `db`.*, *.* */
    public String scopeText() {
        String d = database.equals("*") ? "*" : "`" + database + "`";
        String t = table.equals("*") ? "*" : "`" + table + "`";
        return d + "." + t;
    }
}
