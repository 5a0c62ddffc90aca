package io.basalt.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import com.alipay.sofa.jraft.ReplicatorGroup;
import com.alipay.sofa.jraft.core.NodeImpl;
import com.alipay.sofa.jraft.core.Replicator;
import com.alipay.sofa.jraft.entity.PeerId;
import com.alipay.sofa.jraft.util.ThreadId;
import com.alipay.sofa.jraft.util.Utils;

/**
 * Builds {@link RaftNode#peerStatus()}: on the leader from jraft's replicators (one per follower, each
 * knowing the next index to send and when its last acknowledged request was sent), on any other node
 * from what it heard from the leader ({@link LeaderContact}).
 */
final class PeerStatusCollector {

    private final PeerAddress self;
    private final NodeRpcBinding rpcBinding;
    private final LeaderContact leaderContact;
    private final int electionTimeoutMs;

    PeerStatusCollector(PeerAddress self, NodeRpcBinding rpcBinding, LeaderContact leaderContact,
            int electionTimeoutMs) {
        this.self = self;
        this.rpcBinding = rpcBinding;
        this.leaderContact = leaderContact;
        this.electionTimeoutMs = electionTimeoutMs;
    }

    List<PeerStatus> collect(NodeImpl node) {
        long lastLogIndex = node.getLastLogIndex();
        return node.isLeader() ? leaderView(node, lastLogIndex) : followerView(node, lastLogIndex);
    }

    private List<PeerStatus> leaderView(NodeImpl node, long lastLogIndex) {
        ReplicatorGroup replicators = rpcBinding.replicators();
        Set<PeerId> aliveFallback = replicators == null ? alivePeers(node) : Set.of();
        long leaseMs = node.getOptions().getLeaderLeaseTimeoutMs();
        long monotonicNow = Utils.monotonicMs();
        long wallNow = System.currentTimeMillis();
        List<PeerStatus> peers = new ArrayList<>();
        for (PeerId peer : node.getCurrentConf().getPeers()) {
            PeerAddress address = PeerAddress.of(peer);
            if (address.equals(self)) {
                peers.add(new PeerStatus(address.toString(), true, true, true, OptionalLong.of(lastLogIndex),
                        OptionalLong.of(0), OptionalLong.empty()));
                continue;
            }
            ThreadId replicator = replicators == null ? null : replicators.getReplicator(peer);
            // 0 until the follower has acknowledged a request in this term; then next index to send.
            long nextIndex = replicator == null ? 0 : Replicator.getNextIndex(replicator);
            if (nextIndex <= 0) {
                peers.add(new PeerStatus(address.toString(), false, false, aliveFallback.contains(peer),
                        OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty()));
                continue;
            }
            long matchIndex = nextIndex - 1;
            long lastAcknowledged = replicators.getLastRpcSendTimestamp(peer);
            boolean alive = monotonicNow - lastAcknowledged <= leaseMs;
            peers.add(new PeerStatus(address.toString(), false, false, alive, OptionalLong.of(matchIndex),
                    OptionalLong.of(Math.max(0, lastLogIndex - matchIndex)),
                    OptionalLong.of(wallNow - (monotonicNow - lastAcknowledged))));
        }
        return List.copyOf(peers);
    }

    private List<PeerStatus> followerView(NodeImpl node, long lastLogIndex) {
        List<PeerStatus> peers = new ArrayList<>();
        peers.add(new PeerStatus(self.toString(), true, false, true, OptionalLong.of(lastLogIndex),
                OptionalLong.empty(), OptionalLong.empty()));
        PeerId leaderId = node.getLeaderId();
        Optional<String> current = leaderId == null || leaderId.isEmpty() ? Optional.empty()
                : Optional.of(PeerAddress.of(leaderId).toString());
        Optional<String> lastSender = leaderContact.lastSender();
        // A node cut off from its leader forgets it after an election timeout; show the last one heard.
        Optional<String> leader = current.or(() -> lastSender);
        if (leader.isPresent() && !leader.get().equals(self.toString())) {
            OptionalLong lastContact = leader.equals(lastSender) ? leaderContact.lastMillis() : OptionalLong.empty();
            boolean alive = current.isPresent() && lastContact.isPresent()
                    && System.currentTimeMillis() - lastContact.getAsLong() <= electionTimeoutMs;
            peers.add(new PeerStatus(leader.get(), false, current.isPresent(), alive, OptionalLong.empty(),
                    OptionalLong.empty(), lastContact));
        }
        return List.copyOf(peers);
    }

    /** Without the replicator group (jraft not running Basalt's RPC factory), jraft's own alive list. */
    private static Set<PeerId> alivePeers(NodeImpl node) {
        try {
            return Set.copyOf(node.listAlivePeers());
        } catch (IllegalStateException notLeaderAnyMore) {
            return Set.of();
        }
    }
}
