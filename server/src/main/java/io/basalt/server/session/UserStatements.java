package io.basalt.server.session;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.auth.AccessControl;
import io.basalt.server.auth.Accounts;
import io.basalt.server.auth.PasswordHashes;
import io.basalt.server.catalog.Grant;
import io.basalt.server.catalog.Privilege;
import io.basalt.server.catalog.UserDef;
import io.basalt.server.command.Command;
import io.basalt.server.sql.ast.Statement;
import io.basalt.session.QueryResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * CREATE/ALTER/DROP USER, SET PASSWORD, GRANT and REVOKE. Passwords are hashed here and only the
 * hashes enter the Raft log and the catalog.
 */
final class UserStatements {
    private UserStatements() {}

    static QueryResult execute(BasaltSession session, Statement statement) {
        AccessControl access = session.access();
        QueryResult.UpdateCount last = QueryResult.UpdateCount.ok();
        if (statement instanceof Statement.CreateUser c) {
            access.requireGlobal(Privilege.CREATE_USER);
            for (int i = 0; i < c.users().size(); i++) {
                Statement.UserName u = c.users().get(i);
                String password = c.passwords().get(i) == null ? "" : c.passwords().get(i);
                last = session.propose(new Command.CreateUser(u.user(), u.host(), PasswordHashes.nativeHash(password),
                        PasswordHashes.sha2Hash(password), c.ifNotExists(), System.currentTimeMillis()), null);
            }
            return last;
        }
        if (statement instanceof Statement.AlterUser a) {
            List<Statement.UserName> users = a.users().isEmpty()
                    ? List.of(new Statement.UserName(null, null)) : a.users();
            for (int i = 0; i < users.size(); i++) {
                Statement.UserName u = users.get(i);
                String name = u.user() == null ? session.accountName() : u.user();
                String host = u.user() == null ? session.accountHost() : u.host();
                boolean self = name.equals(session.accountName()) && host.equalsIgnoreCase(session.accountHost());
                if (!self) {
                    access.requireGlobal(Privilege.CREATE_USER);
                }
                String password = a.passwords().get(i);
                if (password == null) {
                    continue;
                }
                last = session.propose(new Command.AlterUser(name, host, PasswordHashes.nativeHash(password),
                        PasswordHashes.sha2Hash(password), a.ifExists()), null);
            }
            return last;
        }
        if (statement instanceof Statement.DropUser d) {
            access.requireGlobal(Privilege.CREATE_USER);
            List<Command.Account> accounts = new ArrayList<>();
            for (Statement.UserName u : d.users()) {
                if (Accounts.ROOT.equals(u.user()) && "%".equals(u.host())) {
                    throw new BasaltException(ErrorCode.USER_OPERATION_FAILED,
                            "Operation DROP USER failed for 'root'@'%': root is built in; change its password instead");
                }
                accounts.add(new Command.Account(u.user(), u.host()));
            }
            return session.propose(new Command.DropUsers(accounts, d.ifExists()), null);
        }
        Statement.GrantPrivileges g = (Statement.GrantPrivileges) statement;
        String db = g.database() == null ? session.requireDatabase() : g.database();
        EnumSet<Privilege> privileges = EnumSet.noneOf(Privilege.class);
        for (String p : g.privileges()) {
            String n = p.toUpperCase(Locale.ROOT).trim();
            if (n.equals("ALL") || n.equals("ALL PRIVILEGES")) {
                privileges.addAll(db.equals("*") ? EnumSet.allOf(Privilege.class)
                        : EnumSet.complementOf(EnumSet.of(Privilege.CREATE_USER, Privilege.PROCESS, Privilege.SUPER)));
            } else if (n.equals("USAGE")) {
                continue;
            } else if (n.equals("GRANT OPTION")) {
                continue;
            } else {
                Privilege priv = Privilege.parse(n);
                if (priv == null) {
                    throw BasaltException.of(ErrorCode.PARSE_ERROR,
                            "You have an error in your SQL syntax; check the manual that corresponds to your Basalt server "
                                    + "version for the right syntax to use near '%s' at line 1", p);
                }
                privileges.add(priv);
            }
        }
        boolean grantOption = g.grantOption() || g.privileges().stream().anyMatch(p -> p.equalsIgnoreCase("GRANT OPTION"));
        if (!access.canGrant(db.equals("*") ? null : db, g.table().equals("*") ? null : g.table())) {
            throw BasaltException.of(ErrorCode.SPECIFIC_ACCESS_DENIED,
                    "Access denied; you need (at least one of) the GRANT OPTION privilege(s) for this operation");
        }
        Grant grant = new Grant(db, g.table(), privileges, grantOption);
        for (Statement.UserName u : g.users()) {
            last = session.propose(new Command.ChangeGrants(new Command.Account(u.user(), u.host()), grant, g.revoke()), null);
        }
        return last;
    }

    /** SHOW GRANTS [FOR user]: the account's grants as GRANT statements. */
    /**
     * SHOW CREATE USER: the statement that recreates the account, with its password as the stored
     * hash (never the password), as MySQL prints it.
     */
    static String showCreateUser(BasaltSession session, String target) {
        int at = target.lastIndexOf('@');
        String name = target.substring(0, at);
        String host = target.substring(at + 1);
        if (!(name.equals(session.accountName()) && host.equalsIgnoreCase(session.accountHost()))) {
            session.access().requireGlobal(Privilege.CREATE_USER);
        }
        UserDef u = Accounts.exact(session.catalog(), name, host);
        if (u == null) {
            throw BasaltException.of(ErrorCode.USER_OPERATION_FAILED, "Operation SHOW CREATE USER failed for '%s'@'%s'", name,
                    host);
        }
        String auth = u.hasPassword()
                ? " IDENTIFIED WITH 'mysql_native_password' AS '*" + u.nativeHash().toUpperCase(java.util.Locale.ROOT) + "'"
                : " IDENTIFIED WITH 'mysql_native_password'";
        return "CREATE USER `" + u.name() + "`@`" + u.host() + "`" + auth
                + " REQUIRE NONE PASSWORD EXPIRE DEFAULT ACCOUNT UNLOCK";
    }

    static List<Object[]> showGrants(BasaltSession session, String target) {
        UserDef u;
        if (target == null) {
            u = session.access().user();
        } else {
            int at = target.lastIndexOf('@');
            String name = target.substring(0, at);
            String host = target.substring(at + 1);
            if (!(name.equals(session.accountName()) && host.equalsIgnoreCase(session.accountHost()))) {
                session.access().requireGlobal(Privilege.CREATE_USER);
            }
            u = Accounts.exact(session.catalog(), name, host);
            if (u == null) {
                throw BasaltException.of(ErrorCode.NO_SUCH_GRANT, "There is no such grant defined for user '%s' on host '%s'",
                        name, host);
            }
        }
        List<Object[]> rows = new ArrayList<>();
        String who = "`" + u.name() + "`@`" + u.host() + "`";
        boolean global = false;
        for (Grant g : u.grants()) {
            global |= g.database().equals("*");
            String privs = g.privileges().size() == Privilege.values().length ? "ALL PRIVILEGES"
                    : String.join(", ", g.privileges().stream().sorted().map(Privilege::sqlName).toList());
            if (privs.isEmpty()) {
                privs = "USAGE";
            }
            rows.add(new Object[] {"GRANT " + privs + " ON " + g.scopeText() + " TO " + who
                    + (g.grantOption() ? " WITH GRANT OPTION" : "")});
        }
        if (!global) {
            rows.add(0, new Object[] {"GRANT USAGE ON *.* TO " + who});
        }
        return rows;
    }
}
