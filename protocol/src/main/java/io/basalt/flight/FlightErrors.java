package io.basalt.flight;

import io.basalt.error.BasaltException;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns failures into Flight statuses: a {@link BasaltException} keeps its message (the one the
 * MySQL face sends) under the status its {@link io.basalt.error.ErrorCode} maps to; anything else
 * is an internal error and is logged.
 */
final class FlightErrors {
    private static final Logger LOG = LoggerFactory.getLogger(FlightErrors.class);

    private FlightErrors() {}

    static FlightRuntimeException toFlight(Throwable t) {
        if (t instanceof FlightRuntimeException f) {
            return f;
        }
        if (t instanceof BasaltException b) {
            return status(b).withDescription(b.getMessage()).toRuntimeException();
        }
        LOG.warn("Flight SQL call failed unexpectedly", t);
        return CallStatus.INTERNAL.withDescription("Internal error: " + t).withCause(t).toRuntimeException();
    }

    static CallStatus status(BasaltException b) {
        return switch (b.code().status()) {
            case INVALID_ARGUMENT -> CallStatus.INVALID_ARGUMENT;
            case NOT_FOUND -> CallStatus.NOT_FOUND;
            case ALREADY_EXISTS -> CallStatus.ALREADY_EXISTS;
            case UNAUTHENTICATED -> CallStatus.UNAUTHENTICATED;
            case UNAUTHORIZED -> CallStatus.UNAUTHORIZED;
            case UNAVAILABLE -> CallStatus.UNAVAILABLE;
            case RESOURCE_EXHAUSTED -> CallStatus.RESOURCE_EXHAUSTED;
            case CANCELLED -> CallStatus.CANCELLED;
            case TIMED_OUT -> CallStatus.TIMED_OUT;
            case UNIMPLEMENTED -> CallStatus.UNIMPLEMENTED;
            case INTERNAL -> CallStatus.INTERNAL;
        };
    }

    static FlightRuntimeException invalidArgument(String message) {
        return CallStatus.INVALID_ARGUMENT.withDescription(message).toRuntimeException();
    }

    static FlightRuntimeException notFound(String message) {
        return CallStatus.NOT_FOUND.withDescription(message).toRuntimeException();
    }

    static FlightRuntimeException unimplemented(String message) {
        return CallStatus.UNIMPLEMENTED.withDescription(message).toRuntimeException();
    }
}
