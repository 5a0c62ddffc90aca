package io.basalt.consensus;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * One member of the Raft group as a node sees it, for {@code SHOW FRONTENDS} and replication lag.
 * See {@link RaftNode#peerStatus()} for which members a node reports.
 *
 * @param address the member's {@code host:port}
 * @param self whether this is the reporting node itself
 * @param leader whether the reporting node currently knows this member as the leader
 * @param alive on the leader: whether the member answered a replication or heartbeat request within
 *     the leader lease (90% of the election timeout; the test jraft's step-down uses). On a follower, for
 *     the leader's entry: whether the follower heard from it within an election timeout. Always
 *     {@code true} for the reporting node itself.
 * @param matchIndex the last log index known to be in the member's log: on the leader, what the
 *     member acknowledged (empty until its first acknowledgement in this term); for the reporting node
 *     itself, its own last log index; otherwise empty
 * @param lag how many entries the member is behind the leader's last log index (on the leader only;
 *     0 for the leader itself)
 * @param lastContactMillis epoch millis of the last successful exchange with the member: on the
 *     leader, when it sent the last request the member acknowledged; on a follower, when it last
 *     received a request from the leader. Empty for the reporting node itself and when unknown.
 */
public record PeerStatus(
        String address,
        boolean self,
        boolean leader,
        boolean alive,
        OptionalLong matchIndex,
        OptionalLong lag,
        OptionalLong lastContactMillis) {

    /** Checks that no field is null. */
    public PeerStatus {
        requireNonNull(address, "address");
        requireNonNull(matchIndex, "matchIndex");
        requireNonNull(lag, "lag");
        requireNonNull(lastContactMillis, "lastContactMillis");
    }
}
