package io.basalt.tests.cluster;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;

/**
 * What a client may conclude from the answer to one write, following the server's contract for cluster
 * errors (MySQL error 1105): "outcome is unknown" means the write may or may not have been committed; "No
 * Raft leader is reachable" means it was never proposed. A connection that breaks after the statement was
 * sent leaves the outcome unknown too.
 */
enum WriteOutcome {
    /** The server acknowledged the write: it must never be lost. */
    ACKED,
    /** The server said the write was not done: it must never appear. */
    FAILED,
    /** Committed or not; either is correct. */
    UNKNOWN,
    /** An error the cluster contract does not name; treated as UNKNOWN for the data, but itself a finding. */
    UNEXPECTED;

    static final int CLUSTER_ERROR = 1105;

    /** Classifies the error of a statement that was sent on an open connection. */
    static WriteOutcome of(SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (e.getErrorCode() == CLUSTER_ERROR && message.contains("outcome is unknown")) {
            return UNKNOWN;
        }
        if (e.getErrorCode() == CLUSTER_ERROR && (message.contains("No Raft leader is reachable")
                || message.contains("timed out waiting for a leader"))) {
            return FAILED;
        }
        if (isConnectionLoss(e)) {
            return UNKNOWN;
        }
        return UNEXPECTED;
    }

    /** Whether the connection itself failed (the node died, or the socket timed out). */
    static boolean isConnectionLoss(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTimeoutException || state != null && state.startsWith("08");
    }

    /** Whether the row or value of a write with this outcome may be present afterwards. */
    boolean mayBePresent() {
        return this != FAILED;
    }
}
