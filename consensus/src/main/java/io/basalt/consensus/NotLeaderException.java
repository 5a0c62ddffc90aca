package io.basalt.consensus;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The operation needs the leader and this node is not it. Nothing was appended to the log, so the
 * caller may safely retry on {@link #leaderAddress()} (when known) or after a new leader is elected.
 */
public final class NotLeaderException extends ConsensusException {

    private static final long serialVersionUID = 1L;

    private final String leaderAddress;

    /**
     * @param leaderAddress the current leader's {@code host:port} as this node knows it
     * @param message what was refused
     */
    public NotLeaderException(Optional<String> leaderAddress, String message) {
        super("EPERM", describe(leaderAddress, message));
        this.leaderAddress = leaderAddress.orElse(null);
    }

    private static String describe(Optional<String> leaderAddress, String message) {
        return message + requireNonNull(leaderAddress, "leaderAddress").map(a -> "; leader is " + a)
                .orElse("; no leader known");
    }

    /** @return the leader's {@code host:port} if this node knew it when refusing */
    public Optional<String> leaderAddress() {
        return Optional.ofNullable(leaderAddress);
    }
}
