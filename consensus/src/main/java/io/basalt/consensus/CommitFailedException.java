package io.basalt.consensus;

/**
 * A proposed command did not complete on this node. When {@link #outcomeUnknown()} is {@code false}
 * the command was never appended to the log and a retry is safe. When it is {@code true} the entry
 * reached the log but this node lost leadership (or shut down) before it committed: a new leader may
 * still commit and apply it, so a blind retry can apply the command twice. Callers that retry such
 * failures need idempotent commands (e.g. a request id the state machine deduplicates) or must
 * re-read the state to find out.
 */
public final class CommitFailedException extends ConsensusException {

    private static final long serialVersionUID = 1L;

    private final boolean outcomeUnknown;

    /**
     * @param raftError jraft's error code name
     * @param message what failed
     * @param outcomeUnknown whether the entry may still be committed by another leader
     */
    public CommitFailedException(String raftError, String message, boolean outcomeUnknown) {
        super(raftError, message);
        this.outcomeUnknown = outcomeUnknown;
    }

    /** @return {@code true} if the command may still be committed and applied by a later leader */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
