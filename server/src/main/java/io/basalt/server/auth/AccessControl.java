package io.basalt.server.auth;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.catalog.Grant;
import io.basalt.server.catalog.Privilege;
import io.basalt.server.catalog.UserDef;

/** Privilege checks for one account, with MySQL's errors when they fail. */
public final class AccessControl {
    private final UserDef user;
    private final String clientHost;

    public AccessControl(UserDef user, String clientHost) {
        this.user = user;
        this.clientHost = clientHost;
    }

    public UserDef user() {
        return user;
    }

    /** True when some grant covering {@code db.table} (table may be null) includes {@code p}. */
    public boolean has(Privilege p, String db, String table) {
        if (Accounts.isRoot(user)) {
            return true;
        }
        for (Grant g : user.grants()) {
            if (g.covers(db, table) && g.privileges().contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** True when the account holds any privilege on the database or one of its tables. */
    public boolean canSeeDatabase(String db) {
        if (Accounts.isRoot(user)) {
            return true;
        }
        for (Grant g : user.grants()) {
            if (!g.privileges().isEmpty() && (g.database().equals("*") || g.database().equalsIgnoreCase(db))) {
                return true;
            }
        }
        return false;
    }

    /** True when the account holds any privilege on the table (or its database). */
    public boolean canSeeTable(String db, String table) {
        if (Accounts.isRoot(user)) {
            return true;
        }
        for (Grant g : user.grants()) {
            if (!g.privileges().isEmpty() && g.covers(db, table)) {
                return true;
            }
        }
        return false;
    }

    /** Fails with 1142 unless {@code p} is held on the table. */
    public void requireTable(Privilege p, String db, String table) {
        if (!has(p, db, table)) {
            throw BasaltException.of(ErrorCode.TABLE_ACCESS_DENIED, "%s command denied to user '%s'@'%s' for table '%s'",
                    p.sqlName(), user.name(), clientHost, table);
        }
    }

    /** Fails with 1044 unless {@code p} is held on the database. */
    public void requireDatabase(Privilege p, String db) {
        if (!has(p, db, null)) {
            throw BasaltException.of(ErrorCode.DATABASE_ACCESS_DENIED, "Access denied for user '%s'@'%s' to database '%s'",
                    user.name(), clientHost, db);
        }
    }

    /** Fails with 1227 unless {@code p} is held globally. */
    public void requireGlobal(Privilege p) {
        if (!has(p, "*", "*") && !hasGlobal(p)) {
            throw BasaltException.of(ErrorCode.SPECIFIC_ACCESS_DENIED,
                    "Access denied; you need (at least one of) the %s privilege(s) for this operation", p.sqlName());
        }
    }

    private boolean hasGlobal(Privilege p) {
        if (Accounts.isRoot(user)) {
            return true;
        }
        for (Grant g : user.grants()) {
            if (g.database().equals("*") && g.privileges().contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** WITH GRANT OPTION on a scope covering {@code db.table}. */
    public boolean canGrant(String db, String table) {
        if (Accounts.isRoot(user)) {
            return true;
        }
        for (Grant g : user.grants()) {
            if (g.grantOption() && g.covers(db, table)) {
                return true;
            }
        }
        return false;
    }
}
