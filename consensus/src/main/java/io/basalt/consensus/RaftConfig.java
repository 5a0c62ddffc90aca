package io.basalt.consensus;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * How one {@link RaftNode} runs: where it keeps its Raft state, which group it belongs to, its own
 * address and, for a brand-new group, the initial members.
 *
 * <p>Addresses are {@code host:port} (e.g. {@code 127.0.0.1:9010}); {@code selfAddress} is both the
 * address the node binds its Raft RPC server to and the identity peers know it by, so it must be
 * the same string in every peer's {@code initialPeers}.
 *
 * @param dataDir directory holding the node's Raft state: {@code log/} (RocksDB log storage),
 *     {@code meta/} (term and vote) and {@code snapshot/}; created if missing
 * @param groupId the Raft group's name; all members must use the same one
 * @param selfAddress this node's {@code host:port}
 * @param initialPeers the group's configuration used only when this node has no log and no snapshot
 *     yet (first start). A single-element list naming this node bootstraps a one-node group that
 *     elects itself. Empty for a node that will be added to an existing group with
 *     {@link RaftNode#addPeer}; it then waits to be contacted by the leader. Ignored once the node
 *     has Raft state: the configuration recorded in the log wins.
 * @param electionTimeoutMs how long a follower waits without hearing from a leader before it starts
 *     an election (jraft adds a random delay of up to the same amount to avoid split votes); the
 *     leader sends heartbeats at a tenth of this
 * @param snapshotIntervalSecs take a snapshot this often (if anything was applied since the last
 *     one); 0 disables timed snapshots
 * @param snapshotLogEntries also take a snapshot once this many log entries were applied since the
 *     last one; 0 disables this trigger
 * @param snapshotLogBytes also take a snapshot once the commands applied since the last one add up
 *     to this many bytes; 0 disables this trigger
 */
public record RaftConfig(
        Path dataDir,
        String groupId,
        String selfAddress,
        List<String> initialPeers,
        int electionTimeoutMs,
        int snapshotIntervalSecs,
        long snapshotLogEntries,
        long snapshotLogBytes) {

    /** Default election timeout: a lost leader is replaced within roughly 1 to 2 seconds. */
    public static final int DEFAULT_ELECTION_TIMEOUT_MS = 1000;
    /** Default interval between timed snapshots. */
    public static final int DEFAULT_SNAPSHOT_INTERVAL_SECS = 300;
    /** Default number of applied entries after which a snapshot is taken regardless of time. */
    public static final long DEFAULT_SNAPSHOT_LOG_ENTRIES = 100_000;
    /** Default size of the commands applied after which a snapshot is taken regardless of time. */
    public static final long DEFAULT_SNAPSHOT_LOG_BYTES = 512L << 20;

    /** Validates and copies the peer list. */
    public RaftConfig {
        requireNonNull(dataDir, "dataDir");
        requireNonNull(groupId, "groupId");
        requireNonNull(selfAddress, "selfAddress");
        requireNonNull(initialPeers, "initialPeers");
        if (groupId.isBlank()) {
            throw new IllegalArgumentException("groupId must not be blank");
        }
        PeerAddress.parse(selfAddress);
        initialPeers = List.copyOf(initialPeers);
        for (String peer : initialPeers) {
            PeerAddress.parse(peer);
        }
        if (initialPeers.stream().distinct().count() != initialPeers.size()) {
            throw new IllegalArgumentException("initialPeers has duplicates: " + initialPeers);
        }
        if (electionTimeoutMs < 100) {
            throw new IllegalArgumentException("electionTimeoutMs must be at least 100, got " + electionTimeoutMs);
        }
        if (snapshotIntervalSecs < 0) {
            throw new IllegalArgumentException("snapshotIntervalSecs must be >= 0, got " + snapshotIntervalSecs);
        }
        if (snapshotLogBytes < 0) {
            throw new IllegalArgumentException("snapshotLogBytes must be >= 0, got " + snapshotLogBytes);
        }
        if (snapshotLogEntries < 0) {
            throw new IllegalArgumentException("snapshotLogEntries must be >= 0, got " + snapshotLogEntries);
        }
    }

    /**
     * A configuration with the default timings.
     *
     * @param dataDir the node's Raft state directory
     * @param groupId the group's name
     * @param selfAddress this node's {@code host:port}
     * @param initialPeers the configuration of a new group (see the record description)
     * @return the configuration
     */
    public static RaftConfig of(Path dataDir, String groupId, String selfAddress, List<String> initialPeers) {
        return new RaftConfig(dataDir, groupId, selfAddress, initialPeers, DEFAULT_ELECTION_TIMEOUT_MS,
                DEFAULT_SNAPSHOT_INTERVAL_SECS, DEFAULT_SNAPSHOT_LOG_ENTRIES, DEFAULT_SNAPSHOT_LOG_BYTES);
    }

    /**
     * A one-node group at {@code selfAddress} with the default timings.
     *
     * @param dataDir the node's Raft state directory
     * @param groupId the group's name
     * @param selfAddress this node's {@code host:port}
     * @return the configuration
     */
    public static RaftConfig singleNode(Path dataDir, String groupId, String selfAddress) {
        return of(dataDir, groupId, selfAddress, List.of(selfAddress));
    }

    /**
     * This configuration with another election timeout.
     *
     * @param millis the election timeout in milliseconds
     * @return the new configuration
     */
    public RaftConfig withElectionTimeoutMs(int millis) {
        return new RaftConfig(dataDir, groupId, selfAddress, initialPeers, millis, snapshotIntervalSecs,
                snapshotLogEntries, snapshotLogBytes);
    }

    /**
     * This configuration with another snapshot interval.
     *
     * @param seconds seconds between timed snapshots, 0 to disable them
     * @return the new configuration
     */
    public RaftConfig withSnapshotIntervalSecs(int seconds) {
        return new RaftConfig(dataDir, groupId, selfAddress, initialPeers, electionTimeoutMs, seconds,
                snapshotLogEntries, snapshotLogBytes);
    }

    /**
     * This configuration with another entry-count snapshot trigger.
     *
     * @param entries applied entries between snapshots, 0 to disable the trigger
     * @return the new configuration
     */
    public RaftConfig withSnapshotLogEntries(long entries) {
        return new RaftConfig(dataDir, groupId, selfAddress, initialPeers, electionTimeoutMs,
                snapshotIntervalSecs, entries, snapshotLogBytes);
    }

    /**
     * This configuration with another size snapshot trigger.
     *
     * @param bytes bytes of applied commands between snapshots, 0 to disable the trigger
     * @return the new configuration
     */
    public RaftConfig withSnapshotLogBytes(long bytes) {
        return new RaftConfig(dataDir, groupId, selfAddress, initialPeers, electionTimeoutMs,
                snapshotIntervalSecs, snapshotLogEntries, bytes);
    }
}
