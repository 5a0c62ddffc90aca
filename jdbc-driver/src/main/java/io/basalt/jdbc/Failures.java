package io.basalt.jdbc;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;

/**
 * What a failure of a call to a node means for failover, and the SQLException the application
 * sees.
 *
 * <p>Arrow's driver wraps gRPC failures in several layers ("Error while executing SQL ...",
 * "Failed to connect."); the server's own message (the one the MySQL face sends for the same
 * error) is the description of the Flight status inside, so that is what the application gets.
 */
final class Failures {
    private Failures() {}

    /** How a failed call relates to its node. */
    enum Kind {
        /**
         * No connection to the node could be made for the call (refused, unknown host, no route):
         * the call was never sent, so it is safe to send it to another node, write or not.
         */
        UNREACHABLE,
        /**
         * The node answered UNAVAILABLE, or the transport broke during the call: the node may be
         * dying or cut off from the Raft majority. A read can go elsewhere; a write may or may not
         * have been applied.
         */
        CONNECTION_LOST,
        /** The credentials were refused. */
        AUTHENTICATION,
        /** Any other error: bad SQL, missing table, constraint violation... Never retried. */
        STATEMENT
    }

    static Kind classify(Throwable failure) {
        FlightRuntimeException flight = null;
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return Kind.UNREACHABLE;
            }
            if (flight == null && t instanceof FlightRuntimeException f) {
                flight = f;
            }
            if (t instanceof IllegalStateException && String.valueOf(t.getMessage()).contains("shutdown")) {
                // the channel was shut down under the call (grpc-java's "Channel shutdown invoked")
                return Kind.CONNECTION_LOST;
            }
        }
        if (flight == null) {
            return Kind.STATEMENT;
        }
        FlightStatusCode code = flight.status().code();
        if (code == FlightStatusCode.UNAVAILABLE) {
            return Kind.CONNECTION_LOST;
        }
        if (code == FlightStatusCode.UNAUTHENTICATED) {
            return Kind.AUTHENTICATION;
        }
        return Kind.STATEMENT;
    }

    /** True for failures that say nothing about the statement, only about the node. */
    static boolean isNodeFailure(Kind kind) {
        return kind == Kind.UNREACHABLE || kind == Kind.CONNECTION_LOST;
    }

    /**
     * The failure as the application should see it: the server's message with a SQLSTATE of its
     * Flight status, the original failure as the cause.
     */
    static SQLException translate(Throwable failure) {
        FlightRuntimeException flight = find(failure);
        Kind kind = classify(failure);
        if (flight == null) {
            if (failure instanceof SQLException e) {
                return e;
            }
            return new SQLException(String.valueOf(failure.getMessage()), kind == Kind.UNREACHABLE ? "08001"
                    : null, failure);
        }
        String description = flight.status().description();
        String message = description == null || description.isBlank() ? flight.getMessage() : description;
        if (kind == Kind.UNREACHABLE) {
            message = message + " (" + rootMessage(failure) + ")";
        }
        return new SQLException(message, sqlState(flight.status().code(), kind), failure);
    }

    private static FlightRuntimeException find(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof FlightRuntimeException f) {
                return f;
            }
        }
        return null;
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        Set<Throwable> seen = new HashSet<>();
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private static String sqlState(FlightStatusCode code, Kind kind) {
        if (kind == Kind.UNREACHABLE) {
            return "08001";
        }
        return switch (code) {
            case UNAUTHENTICATED -> "28000";
            case UNAUTHORIZED -> "42000";
            case INVALID_ARGUMENT -> "42000";
            case NOT_FOUND -> "42S02";
            case ALREADY_EXISTS -> "42S01";
            case UNAVAILABLE -> "08S01";
            case CANCELLED -> "HY008";
            case TIMED_OUT -> "HYT00";
            case UNIMPLEMENTED -> "0A000";
            default -> "HY000";
        };
    }
}
