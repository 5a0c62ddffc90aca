package io.basalt.server.cluster;

import io.basalt.consensus.CommitFailedException;
import io.basalt.consensus.ConsensusException;
import io.basalt.consensus.NotLeaderException;
import io.basalt.consensus.PeerStatus;
import io.basalt.consensus.RaftNode;
import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.command.Command;
import io.basalt.server.command.CommandCodec;
import io.basalt.server.config.ConfigKeys;
import io.basalt.server.config.NodeConfig;
import io.basalt.server.exec.ExecContext;
import io.basalt.server.session.Cluster;
import io.basalt.server.session.Proposer;
import io.basalt.server.state.ApplyResult;
import io.basalt.server.state.DatabaseState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes writes and membership changes to the Raft leader. On the leader a command is proposed
 * directly; on any other member it is forwarded over the Raft port ({@link LeaderRequest}), and
 * the member answers its client only after it has applied the write itself, so a session always
 * reads its own writes on the node it is connected to. While no leader is known (an election, or
 * this node cut off from the majority) a write waits up to {@code write_leader_wait_ms} for one,
 * then fails with CLUSTER_UNAVAILABLE naming the last leader this node knew.
 */
public final class ClusterService implements Cluster, Proposer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterService.class);
    private static final long RETRY_PAUSE_MS = 50;

    private final RaftNode raft;
    private final DatabaseState state;
    private final NodeConfig config;
    private final FrontendTable frontends;
    private final ExecutorService leaderWork;
    /** When this node last stopped leading (epoch millis), 0 if it never led. */
    private volatile long leadershipEndedMillis;

    public ClusterService(RaftNode raft, DatabaseState state, NodeConfig config, FrontendTable frontends) {
        this.raft = raft;
        this.state = state;
        this.config = config;
        this.frontends = frontends;
        this.leaderWork = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "basalt-leader-work");
            t.setDaemon(true);
            return t;
        });
        raft.forwarding().handle(body -> CompletableFuture.supplyAsync(() -> answer(body), leaderWork));
        state.onLeadership(leading -> {
            if (!leading) {
                leadershipEndedMillis = System.currentTimeMillis();
            }
        });
    }

    // ---- writes ---------------------------------------------------------------------------

    @Override
    public ApplyResult propose(Command command, byte[] payload) {
        byte[] encoded = CommandCodec.encode(command, payload);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.get(ConfigKeys.WRITE_TIMEOUT_SECONDS));
        long leaderDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.get(ConfigKeys.WRITE_LEADER_WAIT_MS));
        while (true) {
            try {
                if (raft.isLeader()) {
                    return proposeHere(encoded, deadline);
                }
                if (raft.leaderAddress().isEmpty()) {
                    throw new NoLeader();
                }
                return forwardWrite(encoded, deadline);
            } catch (NoLeader | Retry e) {
                if (System.nanoTime() - leaderDeadline >= 0 || System.nanoTime() - deadline >= 0) {
                    throw BasaltException.of(ErrorCode.CLUSTER_UNAVAILABLE,
                            "No Raft leader is reachable from this node, so it cannot accept writes "
                                    + "(last known leader: %s)", lastKnownLeader());
                }
                pause();
            }
        }
    }

    /** Proposes on this node, the leader. NotLeader (nothing appended) becomes a retry. */
    private ApplyResult proposeHere(byte[] encoded, long deadline) {
        CompletableFuture<Object> f = raft.propose(encoded);
        try {
            Object r = f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return r instanceof ApplyResult ar ? ar : ApplyResult.OK;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NotLeaderException) {
                throw new Retry();
            }
            throw translate(e.getCause());
        } catch (TimeoutException e) {
            throw BasaltException.of(ErrorCode.CLUSTER_UNAVAILABLE,
                    "The write was not committed within %d seconds; its outcome is unknown (leader: %s)",
                    config.get(ConfigKeys.WRITE_TIMEOUT_SECONDS), raft.leaderAddress().orElse("none"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BasaltException(ErrorCode.QUERY_INTERRUPTED, "Query execution was interrupted");
        }
    }

    private ApplyResult forwardWrite(byte[] encoded, long deadline) {
        LeaderRequest.Answer a = forward(LeaderRequest.propose(encoded), deadline);
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (state.appliedIndex() < a.appliedIndex()) {
            // A follower learns the new commit index with the leader's next append or heartbeat, up to a
            // heartbeat interval (a tenth of the election timeout) later. A read-index request makes the
            // leader send heartbeats, which carry it, at once; its answer itself is not needed.
            raft.readIndex().whenComplete((index, e) -> {
                if (e != null) {
                    LOG.debug("read index to learn the commit of index {} failed: {}", a.appliedIndex(), e.toString());
                }
            });
        }
        try {
            if (state.awaitApplied(a.appliedIndex(), Math.max(left, 1))) {
                return a.result();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Committed and applied on the leader; this node is behind. Say so rather than fail a durable write.
        LOG.warn("write committed at index {} but not yet applied on this node", a.appliedIndex());
        List<ExecContext.Warning> w = new ArrayList<>(a.result().warnings());
        w.add(new ExecContext.Warning("Warning", ErrorCode.CLUSTER_UNAVAILABLE.mysqlErrno(),
                "The write is committed, but this node has not applied it yet; reads here may not show it"));
        return new ApplyResult(a.result().affectedRows(), a.result().lastInsertId(), w, a.result().info());
    }

    /** Sends a request to the leader and decodes its answer; the answer's error is thrown. */
    private LeaderRequest.Answer forward(byte[] request, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw BasaltException.of(ErrorCode.CLUSTER_UNAVAILABLE, "The write timed out waiting for a leader");
        }
        Future<byte[]> f = raft.forwarding().toLeader(request, Duration.ofNanos(left));
        byte[] bytes;
        try {
            bytes = f.get(left + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof NotLeaderException) {
                throw new Retry();
            }
            if (c instanceof ConsensusException ce && "EHOSTDOWN".equals(ce.raftError())) {
                throw new NoLeader();
            }
            throw BasaltException.of(ErrorCode.CLUSTER_UNAVAILABLE,
                    "The leader (%s) did not answer; the write's outcome is unknown: %s", lastKnownLeader(),
                    c.getMessage());
        } catch (TimeoutException e) {
            f.cancel(true);
            throw BasaltException.of(ErrorCode.CLUSTER_UNAVAILABLE,
                    "The leader (%s) did not answer in time; the write's outcome is unknown", lastKnownLeader());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BasaltException(ErrorCode.QUERY_INTERRUPTED, "Query execution was interrupted");
        }
        LeaderRequest.Answer a = LeaderRequest.decodeAnswer(bytes);
        if (a.error() != null) {
            throw a.error();
        }
        return a;
    }

    /** The leader's side of a forwarded request; runs on {@link #leaderWork}. */
    private byte[] answer(byte[] body) {
        LeaderRequest.Request r = LeaderRequest.decodeRequest(body);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.get(ConfigKeys.WRITE_TIMEOUT_SECONDS));
        try {
            switch (r.kind()) {
                case PROPOSE -> {
                    if (!raft.isLeader()) {
                        throw new NotLeaderException(raft.leaderAddress(), "no longer the leader");
                    }
                    ApplyResult result;
                    try {
                        result = proposeHere(r.command(), deadline);
                    } catch (Retry lostLeadership) {
                        throw new NotLeaderException(raft.leaderAddress(), "lost leadership while proposing");
                    }
                    return LeaderRequest.ok(result, state.appliedIndex());
                }
                case ADD_FOLLOWER -> membershipHere(() -> raft.addPeer(r.address()), "add follower " + r.address());
                case DROP_FOLLOWER -> membershipHere(() -> raft.removePeer(r.address()), "drop follower " + r.address());
                case TRANSFER_LEADER -> membershipHere(() -> raft.transferLeadership(r.address()),
                        "transfer leadership to " + r.address());
                default -> throw new IllegalStateException("unknown request " + r.kind());
            }
            return LeaderRequest.ok(ApplyResult.OK, state.appliedIndex());
        } catch (BasaltException e) {
            return LeaderRequest.error(e);
        }
    }

    private static final class NoLeader extends RuntimeException {
        NoLeader() {
            super(null, null, false, false);
        }
    }

    private static final class Retry extends RuntimeException {
        Retry() {
            super(null, null, false, false);
        }
    }

    // ---- membership -----------------------------------------------------------------------

    @Override
    public void addFollower(String raftAddress) {
        membership(LeaderRequest.Kind.ADD_FOLLOWER, checkAddress(raftAddress));
    }

    @Override
    public void dropFollower(String raftAddress) {
        String address = checkAddress(raftAddress);
        if (!raft.peers().contains(address)) {
            throw BasaltException.of(ErrorCode.WRONG_ARGUMENTS, "%s is not a member of this cluster (members: %s)",
                    address, String.join(", ", raft.peers()));
        }
        if (raft.peers().size() == 1) {
            throw new BasaltException(ErrorCode.WRONG_ARGUMENTS, "Cannot drop the only member of the cluster");
        }
        membership(LeaderRequest.Kind.DROP_FOLLOWER, address);
    }

    @Override
    public void transferLeader(String raftAddress) {
        String address = checkAddress(raftAddress);
        if (!raft.peers().contains(address)) {
            throw BasaltException.of(ErrorCode.WRONG_ARGUMENTS, "%s is not a member of this cluster (members: %s)",
                    address, String.join(", ", raft.peers()));
        }
        membership(LeaderRequest.Kind.TRANSFER_LEADER, address);
    }

    private void membership(LeaderRequest.Kind kind, String address) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.get(ConfigKeys.MEMBERSHIP_TIMEOUT_SECONDS));
        long leaderDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.get(ConfigKeys.WRITE_LEADER_WAIT_MS));
        byte[] request = LeaderRequest.membership(kind, address);
        while (true) {
            try {
                if (raft.leaderAddress().isEmpty()) {
                    throw new NoLeader();
                }
                // Through the forwarding path even on the leader: one code path, and the leader's answer carries errors.
                LeaderRequest.Answer a = raft.isLeader() ? LeaderRequest.decodeAnswer(answer(request))
                        : forward(request, deadline);
                if (a.error() != null) {
                    throw a.error();
                }
                return;
            } catch (NoLeader | Retry | NotLeaderException e) {
                if (System.nanoTime() - leaderDeadline >= 0) {
                    throw BasaltException.of(ErrorCode.CLUSTER_UNAVAILABLE,
                            "No Raft leader is reachable from this node (last known leader: %s)", lastKnownLeader());
                }
                pause();
            }
        }
    }

    private interface Change {
        CompletableFuture<Void> start();
    }

    private void membershipHere(Change change, String what) {
        if (!raft.isLeader()) {
            throw new NotLeaderException(raft.leaderAddress(), "no longer the leader");
        }
        try {
            change.start().get(config.get(ConfigKeys.MEMBERSHIP_TIMEOUT_SECONDS), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NotLeaderException n) {
                throw n;
            }
            throw BasaltException.of(ErrorCode.CLUSTER_UNAVAILABLE, "Could not %s: %s", what, e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw BasaltException.of(ErrorCode.CLUSTER_UNAVAILABLE, "Could not %s within %d seconds", what,
                    config.get(ConfigKeys.MEMBERSHIP_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BasaltException(ErrorCode.QUERY_INTERRUPTED, "Query execution was interrupted");
        }
    }

    private static String checkAddress(String raftAddress) {
        String a = raftAddress == null ? "" : raftAddress.trim();
        int colon = a.lastIndexOf(':');
        boolean ok = colon > 0 && colon < a.length() - 1;
        if (ok) {
            try {
                int port = Integer.parseInt(a.substring(colon + 1));
                ok = port > 0 && port < 65536;
            } catch (NumberFormatException e) {
                ok = false;
            }
        }
        if (!ok) {
            throw BasaltException.of(ErrorCode.WRONG_ARGUMENTS,
                    "'%s' is not a member address; use \"host:raft_port\"", raftAddress);
        }
        return a;
    }

    // ---- reads and status -----------------------------------------------------------------

    @Override
    public void awaitLinearizableRead() {
        long timeout = Math.max(1000L, config.get(ConfigKeys.WRITE_LEADER_WAIT_MS));
        try {
            raft.readIndex(Duration.ofMillis(timeout)).get(timeout + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable c = e instanceof ExecutionException ? e.getCause() : e;
            throw BasaltException.of(ErrorCode.CLUSTER_UNAVAILABLE,
                    "A linearizable read needs the Raft leader, which this node cannot confirm (last known leader: "
                            + "%s): %s", lastKnownLeader(), c.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BasaltException(ErrorCode.QUERY_INTERRUPTED, "Query execution was interrupted");
        }
    }

    @Override
    public List<Object[]> frontends() {
        return frontends.rows();
    }

    /** The leader this node follows, or the last one it heard from when it knows none now. */
    public String lastKnownLeader() {
        Optional<String> now = raft.leaderAddress();
        if (now.isPresent()) {
            return now.get();
        }
        // Cut off, a follower lists the leader it last heard from as its only other entry, no longer
        // flagged as leader. A deposed leader may list one it followed before it led: that one is stale.
        long ledUntil = leadershipEndedMillis;
        for (PeerStatus p : raft.peerStatus()) {
            if (!p.self() && p.lastContactMillis().orElse(0) > ledUntil) {
                return p.address();
            }
        }
        return "none";
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BasaltException(ErrorCode.QUERY_INTERRUPTED, "Query execution was interrupted");
        }
    }

    private BasaltException translate(Throwable t) {
        if (t instanceof BasaltException b) {
            return b;
        }
        if (t instanceof CommitFailedException c) {
            return BasaltException.of(ErrorCode.CLUSTER_UNAVAILABLE, "The write could not be committed%s: %s",
                    c.outcomeUnknown() ? " and its outcome is unknown" : "", c.getMessage());
        }
        return new BasaltException(ErrorCode.INTERNAL, "Write failed: " + t, t);
    }

    @Override
    public void close() {
        leaderWork.shutdownNow();
    }
}
