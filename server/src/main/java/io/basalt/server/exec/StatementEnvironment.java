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
 */
public record StatementEnvironment(String database, String user, String host, long connectionId,
        LocalDateTime statementTime, long lastInsertId, long randomSeed, String serverVersion) {

    public StatementEnvironment withDatabase(String db) {
        return new StatementEnvironment(db, user, host, connectionId, statementTime, lastInsertId, randomSeed,
                serverVersion);
    }
}
