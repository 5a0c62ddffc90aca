package io.basalt.mysql.server;

import io.basalt.mysql.prepared.ParameterBinder;
import io.basalt.session.PreparedStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A prepared statement as one connection knows it: the session's statement, its parameter bindings
 * and the cursor of its last execution, if one is open.
 */
final class ServerStatement {
    private static final Logger LOG = LoggerFactory.getLogger(ServerStatement.class);

    private final long id;
    private final PreparedStatement prepared;
    private final ParameterBinder parameters;
    private StatementCursor cursor;

    ServerStatement(long id, PreparedStatement prepared, ParameterBinder parameters) {
        this.id = id;
        this.prepared = prepared;
        this.parameters = parameters;
    }

    long id() {
        return id;
    }

    PreparedStatement prepared() {
        return prepared;
    }

    ParameterBinder parameters() {
        return parameters;
    }

    /** The open cursor, or null. */
    StatementCursor cursor() {
        return cursor;
    }

    void openCursor(StatementCursor opened) {
        closeCursor();
        cursor = opened;
    }

    /** Closes the open cursor, if any. */
    void closeCursor() {
        if (cursor != null) {
            StatementCursor open = cursor;
            cursor = null;
            open.close();
        }
    }

    /** Closes the cursor and the session's statement. Never throws. */
    void close() {
        try {
            closeCursor();
        } catch (RuntimeException e) {
            LOG.warn("Closing the cursor of statement {} failed", id, e);
        }
        try {
            prepared.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing prepared statement {} failed", id, e);
        }
    }
}
