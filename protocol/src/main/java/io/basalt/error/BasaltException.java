package io.basalt.error;

import static java.util.Objects.requireNonNull;

/**
 * A user-facing error: a categorized {@link ErrorCode} plus the message the client sees. The
 * message is written the way MySQL words the same error, so tools that match on it keep working.
 */
public class BasaltException extends RuntimeException {
    private final ErrorCode code;

    public BasaltException(ErrorCode code, String message) {
        super(requireNonNull(message, "message"));
        this.code = requireNonNull(code, "code");
    }

    public BasaltException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message"), cause);
        this.code = requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    /** Formats a message with {@link String#format} and wraps it. */
    public static BasaltException of(ErrorCode code, String format, Object... args) {
        return new BasaltException(code, args.length == 0 ? format : String.format(format, args));
    }
}
