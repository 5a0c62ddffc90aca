package io.basalt.server.exec;

import java.time.LocalDateTime;

/**
 * The session values a statement sees, fixed when it starts. Writes evaluated at Raft apply time
 * carry the proposer's environment so every replica computes the same values.
 *
 * @param database current database or null
 * @param user user name
 * @param host client host
 * @param connectionId the session's connection id
 * @param statementTime NOW() for this statement
 * @param lastInsertId LAST_INSERT_ID() of the session
 * @param randomSeed seed for RAND() without an argument
 * @param serverVersion VERSION()
 * @param sqlMode the session's sql_mode, upper case; null means the server default
 * @param account the authenticated account as CURRENT_USER() shows it ({@code name@host pattern});
 *     null means {@code user@host}
 * @param rowCount ROW_COUNT(): what the session's previous statement affected (-1 after a result set)
 * @param foundRows FOUND_ROWS(): how many rows the session's last result set sent
 */
public record StatementEnvironment(String database, String user, String host, long connectionId,
        LocalDateTime statementTime, long lastInsertId, long randomSeed, String serverVersion, String sqlMode,
        String account, long rowCount, long foundRows) {

    /** The default sql_mode, used when a statement carries none. */
    public static final String DEFAULT_SQL_MODE = "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,"
            + "NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";

    public StatementEnvironment withDatabase(String db) {
        return new StatementEnvironment(db, user, host, connectionId, statementTime, lastInsertId, randomSeed,
                serverVersion, sqlMode, account, rowCount, foundRows);
    }

    /** CURRENT_USER(): the account the session authenticated as. */
    public String currentUser() {
        return account != null ? account : user + "@" + host;
    }

    /** Whether sql_mode includes {@code mode} (one name, upper case). */
    public boolean hasMode(String mode) {
        String m = sqlMode == null ? DEFAULT_SQL_MODE : sqlMode;
        for (String part : m.split(",")) {
            if (part.trim().equalsIgnoreCase(mode)) {
                return true;
            }
        }
        return false;
    }
}
