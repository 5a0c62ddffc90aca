package io.basalt.mysql.server;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns any failure of a session call into the error the client sees. A {@link BasaltException} is
 * already user-facing; anything else is a bug somewhere, so it is logged once with its stack trace
 * and reported as ER_INTERNAL_ERROR (1105) with a short message.
 */
final class UserErrors {
    private static final Logger LOG = LoggerFactory.getLogger(UserErrors.class);
    private static final int MAX_DETAIL = 200;

    private UserErrors() {}

    /**
     * @param failure what the call threw
     * @param what the failed action, for the log line, e.g. "COM_QUERY"
     * @param connectionId the client's connection id, for the log line
     */
    static BasaltException translate(Throwable failure, String what, long connectionId) {
        if (failure instanceof BasaltException user) {
            return user;
        }
        LOG.warn("{} on connection {} failed unexpectedly", what, connectionId, failure);
        String detail = failure.getMessage();
        String message = "Internal error: " + failure.getClass().getSimpleName()
                + (detail == null ? "" : ": " + detail);
        if (message.length() > MAX_DETAIL) {
            message = message.substring(0, MAX_DETAIL);
        }
        return new BasaltException(ErrorCode.INTERNAL, message, failure);
    }
}
