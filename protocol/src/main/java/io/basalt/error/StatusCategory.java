package io.basalt.error;

/**
 * Transport-neutral status categories, named after the gRPC/Flight status codes they map to one to
 * one.
 */
public enum StatusCategory {
    INVALID_ARGUMENT,
    NOT_FOUND,
    ALREADY_EXISTS,
    UNAUTHENTICATED,
    UNAUTHORIZED,
    UNAVAILABLE,
    RESOURCE_EXHAUSTED,
    CANCELLED,
    TIMED_OUT,
    UNIMPLEMENTED,
    INTERNAL
}
