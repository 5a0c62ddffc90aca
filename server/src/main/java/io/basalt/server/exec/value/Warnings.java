package io.basalt.server.exec.value;

/** Receives the warnings value conversions raise (MySQL reports them through SHOW WARNINGS). */
public interface Warnings {
    /** A sink that drops warnings, for contexts such as planning-time constant folding. */
    Warnings IGNORE = (code, message) -> { };

    void warn(int code, String message);
}
