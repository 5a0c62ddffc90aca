package io.basalt.consensus;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alipay.sofa.jraft.entity.PeerId;
import com.alipay.sofa.jraft.util.Endpoint;

/**
 * Cuts this node's Raft traffic with chosen peers without stopping either process, so tests can
 * partition a cluster and heal it. Obtained from {@link RaftNode#faults()}; one per node.
 *
 * <p>While this node is isolated from peer P, as seen from this node nothing gets through in either
 * direction:
 * <ul>
 *   <li><b>Outgoing</b> Raft requests to P fail at once, exactly as jraft sees a peer whose connection
 *       cannot be established (the node's RPC client reports no connection to P and refuses to send).
 *       jraft's replicator then backs off for a heartbeat interval and probes again, elections count
 *       P's vote as not received, and read-index and snapshot copies fail instead of waiting.</li>
 *   <li><b>Incoming</b> requests from P (AppendEntries and heartbeats, RequestVote and PreVote,
 *       InstallSnapshot, TimeoutNow, ReadIndex, and GetFile for a snapshot this node offered P) are
 *       dropped unprocessed and unanswered, so P sees a black hole: its request times out by jraft's
 *       own RPC timeouts unless P is isolated from this node too.</li>
 * </ul>
 * A partition is therefore set on both sides: to cut C off from A and B, C isolates from A and B,
 * and A and B each isolate from C. Responses to requests already in flight when the isolation starts
 * may still be delivered, as packets already on the wire would be.
 *
 * <p>Not affected: bolt's connection-level keep-alive, jraft's {@code Ping} (it names no sender and
 * changes no Raft state) and CLI requests from admin clients. Isolating from an address that is not
 * a member has no effect until it becomes one.
 *
 * <p>Thread-safe. With no peer isolated the transport pays one volatile read per request.
 */
public final class TransportFaults {

    private static final Logger LOG = LoggerFactory.getLogger(TransportFaults.class);
    /** Snapshot readers are short-lived; keep the latest few reader-to-peer assignments. */
    private static final int MAX_TRACKED_READERS = 64;

    private final String nodeName;
    private final PeerAddress self;
    private volatile Set<Endpoint> isolated = Set.of();
    private volatile boolean outboundHooked;
    private final Map<Long, Endpoint> snapshotReaders = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Endpoint> eldest) {
            return size() > MAX_TRACKED_READERS;
        }
    };

    TransportFaults(String nodeName, PeerAddress self) {
        this.nodeName = nodeName;
        this.self = self;
    }

    /**
     * Cuts this node's Raft traffic with {@code peerAddress} in both directions (see the class
     * description). Idempotent.
     *
     * @param peerAddress the peer's {@code host:port}, as in the group configuration
     * @throws IllegalArgumentException if the address is malformed or is this node's own
     * @throws IllegalStateException if jraft is not running with Basalt's RPC factory, so outgoing
     *     traffic could not be cut (see {@link BasaltRaftRpcFactory})
     */
    public void isolateFrom(String peerAddress) {
        PeerAddress peer = PeerAddress.parse(peerAddress);
        if (peer.equals(self)) {
            throw new IllegalArgumentException("a node cannot be isolated from itself: " + peerAddress);
        }
        if (!outboundHooked) {
            throw new IllegalStateException("transport faults unavailable on " + nodeName
                    + ": jraft's RPC client was not created by " + BasaltRaftRpcFactory.class.getName()
                    + " (is META-INF/services/com.alipay.sofa.jraft.rpc.RaftRpcFactory on the class path?)");
        }
        synchronized (this) {
            Set<Endpoint> next = new HashSet<>(isolated);
            if (next.add(peer.toEndpoint())) {
                isolated = Set.copyOf(next);
                LOG.info("{}: Raft traffic with {} cut (fault injection)", nodeName, peer);
            }
        }
    }

    /**
     * Restores this node's Raft traffic with {@code peerAddress}. Idempotent. jraft resumes on its own:
     * a leader's replicator probes again within a heartbeat interval, a follower accepts the next
     * request.
     *
     * @param peerAddress the peer's {@code host:port}
     * @throws IllegalArgumentException if the address is malformed
     */
    public void reconnect(String peerAddress) {
        PeerAddress peer = PeerAddress.parse(peerAddress);
        synchronized (this) {
            Set<Endpoint> next = new HashSet<>(isolated);
            if (next.remove(peer.toEndpoint())) {
                isolated = Set.copyOf(next);
                LOG.info("{}: Raft traffic with {} restored (fault injection)", nodeName, peer);
            }
        }
    }

    /** Restores this node's Raft traffic with every peer. */
    public void reconnectAll() {
        synchronized (this) {
            if (!isolated.isEmpty()) {
                LOG.info("{}: Raft traffic with {} restored (fault injection)", nodeName, isolatedPeers());
                isolated = Set.of();
            }
        }
    }

    /** @return the {@code host:port} of every peer this node is isolated from, sorted; a copy */
    public Set<String> isolatedPeers() {
        Set<String> peers = new TreeSet<>();
        for (Endpoint endpoint : isolated) {
            peers.add(endpoint.toString());
        }
        return Collections.unmodifiableSet(peers);
    }

    @Override
    public String toString() {
        return "TransportFaults[" + nodeName + ", isolated from " + isolatedPeers() + "]";
    }

    /** Called when the node's jraft RPC client was wrapped, i.e. outgoing traffic can be cut. */
    void outboundHooked() {
        outboundHooked = true;
    }

    /** Whether any peer is isolated; the transport's fast path. */
    boolean active() {
        return !isolated.isEmpty();
    }

    boolean isIsolatedFrom(Endpoint peer) {
        Set<Endpoint> current = isolated;
        return !current.isEmpty() && peer != null && current.contains(peer);
    }

    /** Whether a request naming {@code senderId} (a jraft PeerId string) as its sender is cut. */
    boolean isIsolatedFromSender(String senderId) {
        Set<Endpoint> current = isolated;
        if (current.isEmpty() || senderId == null || senderId.isEmpty()) {
            return false;
        }
        PeerId sender = PeerId.parsePeer(senderId);
        return sender != null && current.contains(sender.getEndpoint());
    }

    /** Remembers that snapshot reader {@code readerId} was offered to {@code peer} (InstallSnapshot). */
    void snapshotOffered(long readerId, Endpoint peer) {
        synchronized (snapshotReaders) {
            snapshotReaders.put(readerId, peer);
        }
    }

    /** Whether a GetFile for {@code readerId} comes from a peer this node is isolated from. */
    boolean isIsolatedFromReader(long readerId) {
        if (isolated.isEmpty()) {
            return false;
        }
        Endpoint peer;
        synchronized (snapshotReaders) {
            peer = snapshotReaders.get(readerId);
        }
        return isIsolatedFrom(peer);
    }
}
