package io.basalt.mysql.server;

import io.basalt.mysql.codec.StatusFlags;
import io.basalt.session.Session;

/** The status flags a response reports for a session's current state. */
final class SessionStatus {
    private SessionStatus() {}

    /** Autocommit and transaction state, plus MORE_RESULTS_EXISTS when another result follows. */
    static int flags(Session session, boolean moreResults) {
        int flags = 0;
        if (session.autocommit()) {
            flags |= StatusFlags.AUTOCOMMIT;
        }
        if (session.inTransaction()) {
            flags |= StatusFlags.IN_TRANS;
        }
        if (moreResults) {
            flags |= StatusFlags.MORE_RESULTS_EXISTS;
        }
        return flags;
    }
}
