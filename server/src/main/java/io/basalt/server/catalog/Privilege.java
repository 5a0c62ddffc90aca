package io.basalt.server.catalog;

import java.util.Locale;

/** The privileges Basalt checks, named as MySQL names them. */
public enum Privilege {
    SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX, CREATE_VIEW, SHOW_VIEW,
    /** CREATE USER, ALTER USER, DROP USER, GRANT and REVOKE for others. */
    CREATE_USER,
    /** SHOW PROCESSLIST of every session. */
    PROCESS,
    /** KILL of other users' sessions, SET GLOBAL, ADMIN SET FRONTEND CONFIG, ALTER SYSTEM. */
    SUPER;

    /** The SQL spelling: CREATE VIEW, not CREATE_VIEW. */
    public String sqlName() {
        return name().replace('_', ' ');
    }

    /** Parses MySQL's spelling, e.g. "create view"; null when unknown. */
    public static Privilege parse(String text) {
        String n = text.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", "_");
        for (Privilege p : values()) {
            if (p.name().equals(n)) {
                return p;
            }
        }
        return null;
    }
}
