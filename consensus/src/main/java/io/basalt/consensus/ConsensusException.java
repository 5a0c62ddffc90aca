package io.basalt.consensus;

/**
 * A Raft operation failed. {@link #raftError()} names jraft's error code (e.g. {@code EPERM},
 * {@code EBUSY}, {@code ETIMEDOUT}) so callers can map it without depending on jraft.
 */
public class ConsensusException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String raftError;

    /**
     * @param raftError jraft's error code name, or {@code null} when the failure is not jraft's
     * @param message what failed
     */
    public ConsensusException(String raftError, String message) {
        super(message);
        this.raftError = raftError;
    }

    /**
     * @param raftError jraft's error code name, or {@code null} when the failure is not jraft's
     * @param message what failed
     * @param cause the underlying failure
     */
    public ConsensusException(String raftError, String message, Throwable cause) {
        super(message, cause);
        this.raftError = raftError;
    }

    /** @return jraft's error code name, or {@code null} when the failure did not come from jraft */
    public String raftError() {
        return raftError;
    }
}
