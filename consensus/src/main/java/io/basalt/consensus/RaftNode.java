package io.basalt.consensus;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alipay.sofa.jraft.Node;
import com.alipay.sofa.jraft.NodeManager;
import com.alipay.sofa.jraft.RaftServiceFactory;
import com.alipay.sofa.jraft.Status;
import com.alipay.sofa.jraft.closure.ReadIndexClosure;
import com.alipay.sofa.jraft.conf.Configuration;
import com.alipay.sofa.jraft.core.NodeImpl;
import com.alipay.sofa.jraft.entity.PeerId;
import com.alipay.sofa.jraft.entity.Task;
import com.alipay.sofa.jraft.rpc.RpcServer;

/**
 * One member of a Raft group (SOFAJRaft underneath): proposes commands, applies committed ones to a
 * {@link ReplicatedStateMachine}, takes and installs snapshots, tracks the leader and changes
 * membership.
 *
 * <p>State on disk lives under {@link RaftConfig#dataDir()}: {@code log/} (jraft's RocksDB log),
 * {@code meta/} (term and vote) and {@code snapshot/}. Snapshots are taken every
 * {@link RaftConfig#snapshotIntervalSecs()}, after {@link RaftConfig#snapshotLogEntries()} applied
 * entries, or on {@link #snapshot()}; jraft then drops the log before the previous snapshot, keeping
 * one snapshot's worth of entries for followers that lag a little.
 *
 * <h2>When the node is cut off</h2>
 * A leader that cannot reach a majority steps down once its lease runs out: jraft checks every half
 * election timeout whether a majority acknowledged a request within the last 90% of an election
 * timeout, so it steps down at most about 1.5 election timeouts after the cut. Its pending proposals
 * then fail with {@link CommitFailedException} (outcome unknown), and from then on {@link #propose}
 * fails at once with {@link NotLeaderException}. {@link #readIndex()} fails rather than waits. The
 * majority elects a new leader after an election timeout plus jraft's random delay (up to another
 * election timeout). {@link #faults()} cuts the links on purpose, for tests.
 *
 * <p>All futures returned here are completed on the node's own callback threads, never on jraft's,
 * so callers may chain work onto them. Methods are thread-safe.
 */
public final class RaftNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RaftNode.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final int SNAPSHOT_ATTEMPTS = 200;

    static {
        JraftSettings.applySystemProperties();
    }

    private final RaftConfig config;
    private final PeerAddress self;
    private final String name;
    private final StateMachineBridge bridge;
    private final ExecutorService callbacks;
    private final ScheduledExecutorService timer;
    private final Completions completions;
    private final ObservedServiceFactory serviceFactory = new ObservedServiceFactory();
    private final TransportFaults faults;
    private final NodeRpcBinding rpcBinding;
    private final LeaderContact leaderContact = new LeaderContact();
    private final PeerStatusCollector peerStatus;
    private final LeaderForwarding forwarding;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean snapshotRunning = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile RpcServer rpcServer;
    private volatile Node node;

    private RaftNode(RaftConfig config, ReplicatedStateMachine machine) {
        this.config = config;
        this.self = PeerAddress.parse(config.selfAddress());
        this.name = config.groupId() + "/" + self;
        int instance = INSTANCES.incrementAndGet();
        this.callbacks = Executors.newCachedThreadPool(daemonThreads("basalt-raft-" + instance + "-callback"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("basalt-raft-" + instance + "-timer"));
        this.completions = new Completions(callbacks);
        this.bridge = new StateMachineBridge(machine, name, config.snapshotLogEntries(), config.snapshotLogBytes(),
                this::snapshotDue);
        this.faults = new TransportFaults(name, self);
        this.rpcBinding = new NodeRpcBinding(faults);
        this.peerStatus = new PeerStatusCollector(self, rpcBinding, leaderContact, config.electionTimeoutMs());
        this.forwarding = new LeaderForwarding(self.toString(), faults, this::leaderAddress, this::isLeader, callbacks);
    }

    /**
     * Starts a node: binds the Raft RPC server to {@link RaftConfig#selfAddress()}, opens or creates
     * the Raft state under the data directory and loads the newest local snapshot into
     * {@code machine} before returning. The log entries after the snapshot are re-applied
     * asynchronously once the node learns they are committed (from the leader, or at once for a
     * one-node group). A node with no state bootstraps with {@link RaftConfig#initialPeers()}.
     * Leadership follows asynchronously (see {@link #awaitLeader}); a one-node group elects itself
     * right away.
     *
     * @param config the node's configuration
     * @param machine the state machine this node drives
     * @return the running node
     * @throws ConsensusException if the RPC server cannot bind or the Raft state cannot be opened
     */
    public static RaftNode start(RaftConfig config, ReplicatedStateMachine machine) {
        requireNonNull(config, "config");
        requireNonNull(machine, "machine");
        RaftNode raftNode = new RaftNode(config, machine);
        try {
            raftNode.open();
        } catch (RuntimeException e) {
            raftNode.close();
            throw e;
        }
        return raftNode;
    }

    private void open() {
        Path dataDir = config.dataDir();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new ConsensusException(null, "cannot create Raft data directory " + dataDir, e);
        }
        RpcServer server = JraftSettings.rpcServer(self, faults, leaderContact);
        this.rpcServer = server;
        server.registerProcessor(forwarding.processor());
        boolean started;
        try {
            started = server.init(null);
        } catch (RuntimeException e) {
            throw new ConsensusException(null, "cannot start the Raft RPC server on " + self, e);
        }
        if (!started) {
            throw new ConsensusException(null, "cannot start the Raft RPC server on " + self);
        }
        NodeManager.getInstance().addAddress(self.toEndpoint());

        Node created;
        try {
            created = RaftServiceFactory.createAndInitRaftNode(config.groupId(), self.toPeerId(),
                    JraftSettings.nodeOptions(config, bridge, serviceFactory, rpcBinding));
        } catch (IllegalStateException e) {
            throw new ConsensusException(null, "cannot start Raft node " + name + " in " + dataDir, e);
        }
        this.node = created;
        if (rpcBinding.replicators() == null) {
            LOG.warn("{}: jraft is not using {}; transport fault injection and per-peer replication status "
                    + "are unavailable", name, BasaltRaftRpcFactory.class.getSimpleName());
        }
        LOG.info("{}: started (data {}, peers {}, last log index {})", name, dataDir, peers(),
                created.getLastLogIndex());
    }

    /**
     * Proposes a command. The returned future completes with {@link ReplicatedStateMachine#apply}'s
     * result once the command is committed and applied on this node, or exceptionally with the
     * exception apply threw. It fails with {@link NotLeaderException} (nothing appended) when this
     * node is not the leader, and with {@link CommitFailedException} when the entry could not be
     * committed here (see {@link CommitFailedException#outcomeUnknown()} for when a retry is safe),
     * including {@code EBUSY} when jraft's task queue is full (backpressure; nothing appended).
     * Proposals from one thread are applied in the order they were made.
     *
     * @param command the command bytes; the array is handed over and must not be modified afterwards
     * @return the command's result
     */
    public CompletableFuture<Object> propose(byte[] command) {
        requireNonNull(command, "command");
        if (closed.get()) {
            return CompletableFuture.failedFuture(closedException());
        }
        if (!node.isLeader()) {
            return CompletableFuture.failedFuture(
                    new NotLeaderException(leaderAddress(), "proposal refused: this node is not the leader"));
        }
        CompletableFuture<Object> future = track(new CompletableFuture<>());
        try {
            node.apply(new Task(ByteBuffer.wrap(command), new ProposalClosure(future, completions, this::leaderAddress)));
        } catch (IllegalStateException shuttingDown) {
            // jraft has already failed the closure with ENODESHUTDOWN before throwing.
            LOG.debug("{}: proposal during shutdown", name, shuttingDown);
        }
        return future;
    }

    /** @return whether this node is currently the leader */
    public boolean isLeader() {
        return !closed.get() && node.isLeader();
    }

    /**
     * The leader as jraft on this node currently sees it. This is not the last leader ever known: a
     * leader that steps down forgets itself at once, and a follower that has not heard from its leader
     * for an election timeout forgets it when it starts looking for a new one, so a node cut off from
     * the majority reports empty here (see {@link #peerStatus()} for the last leader it heard from).
     *
     * @return the current leader's {@code host:port}, if this node knows one
     */
    public Optional<String> leaderAddress() {
        Node current = node;
        if (current == null || closed.get()) {
            return Optional.empty();
        }
        PeerId leader = current.getLeaderId();
        return leader == null || leader.isEmpty() ? Optional.empty() : Optional.of(PeerAddress.of(leader).toString());
    }

    /**
     * Waits until this node knows a leader (itself or another member).
     *
     * @param timeout how long to wait at most
     * @return whether a leader is known
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitLeader(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (leaderAddress().isEmpty()) {
            if (closed.get() || System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /**
     * Raft ReadIndex with the default time limit of five election timeouts (the time jraft's own
     * read-index RPC may take at default settings); see {@link #readIndex(Duration)}.
     *
     * @return the read index
     */
    public CompletableFuture<Long> readIndex() {
        return readIndex(Duration.ofMillis(5L * config.electionTimeoutMs()));
    }

    /**
     * Raft ReadIndex: confirms with a quorum that the leader is still the leader, takes its commit
     * index and completes once this node has applied at least that index. State read after the future
     * completes reflects every write committed before {@code readIndex()} was called (linearizable
     * read), on the leader and on followers alike (a follower asks the leader for the index).
     *
     * <p>On a node cut off from the leader or from a quorum, jraft fails the read as soon as its
     * requests cannot be sent. Whatever jraft has not answered within {@code timeout} (e.g. a follower
     * whose requests vanish into a one-sided partition, or one that lags far behind the read index)
     * fails with a {@link ConsensusException} whose {@link ConsensusException#raftError()} is
     * {@code ETIMEDOUT}; the read can be retried.
     *
     * @param timeout how long to wait at most
     * @return the read index
     */
    public CompletableFuture<Long> readIndex(Duration timeout) {
        requireNonNull(timeout, "timeout");
        if (closed.get()) {
            return CompletableFuture.failedFuture(closedException());
        }
        CompletableFuture<Long> future = track(new CompletableFuture<>());
        try {
            ScheduledFuture<?> expiry = timer.schedule(() -> completions.fail(future, new ConsensusException(
                    "ETIMEDOUT", "read index not confirmed within " + timeout.toMillis() + " ms; leader is "
                            + leaderAddress().orElse("unknown"))), timeout.toMillis(), TimeUnit.MILLISECONDS);
            future.whenComplete((index, error) -> expiry.cancel(false));
        } catch (RejectedExecutionException closing) {
            future.completeExceptionally(closedException());
            return future;
        }
        node.readIndex(new byte[0], new ReadIndexClosure() {
            @Override
            public void run(Status status, long index, byte[] reqCtx) {
                if (status.isOk()) {
                    completions.complete(future, index);
                } else {
                    completions.fail(future, Failures.of(status, "read index", leaderAddress()));
                }
            }
        });
        return future;
    }

    /**
     * @return the index of the last log entry applied on this node (Raft's own entries included); a
     *     proposal's future completes only after this index has reached the proposal's entry
     */
    public long appliedIndex() {
        // jraft counts an applied batch at its end, after the proposals in it have completed.
        return Math.max(bridge.lastAppliedIndex(), node.getLastAppliedLogIndex());
    }

    /** @return the index of the last entry in this node's log, committed or not */
    public long lastLogIndex() {
        return node.getLastLogIndex();
    }

    /**
     * @return the index of the oldest entry still in this node's log; entries before it exist only
     *     as part of a snapshot
     */
    public long firstLogIndex() {
        return serviceFactory.firstLogIndex();
    }

    /** @return the index the newest snapshot taken or installed on this node covers, 0 if none */
    public long lastSnapshotIndex() {
        return bridge.lastSnapshotIndex();
    }

    /**
     * @return the term of the current leadership as this node saw it become leader or start following
     *     a leader; 0 until then
     */
    public long term() {
        return bridge.term();
    }

    /** @return this node's {@code host:port} */
    public String address() {
        return self.toString();
    }

    /**
     * Takes a snapshot now. Completes once a snapshot covering at least everything applied on this
     * node when it was called is written (at once if the latest snapshot already does).
     *
     * @return completion of the snapshot
     */
    public CompletableFuture<Void> snapshot() {
        if (closed.get()) {
            return CompletableFuture.failedFuture(closedException());
        }
        CompletableFuture<Void> future = track(new CompletableFuture<>());
        requestSnapshot(future, appliedIndex(), 1);
        return future;
    }

    private void requestSnapshot(CompletableFuture<Void> future, long target, int attempt) {
        node.snapshot(status -> {
            if (!status.isOk()) {
                completions.fail(future, Failures.of(status, "snapshot", leaderAddress()));
            } else if (bridge.lastSnapshotIndex() >= target) {
                completions.complete(future, null);
            } else if (attempt >= SNAPSHOT_ATTEMPTS || closed.get()) {
                completions.fail(future, new ConsensusException(null, "snapshot up to index " + target
                        + " not taken; last snapshot is at " + bridge.lastSnapshotIndex()));
            } else {
                // jraft counts a batch as applied only when the whole batch is done, and skips the
                // snapshot while its count still equals the last snapshot's: ask again shortly.
                timer.schedule(() -> requestSnapshot(future, target, attempt + 1), 10, TimeUnit.MILLISECONDS);
            }
        });
    }

    /**
     * Adds a voting member (leader only). Completes when the new configuration is committed, after the
     * new member has caught up with the log or installed a snapshot. The new node should be started
     * with empty {@link RaftConfig#initialPeers()}.
     *
     * @param address the new member's {@code host:port}
     * @return completion of the change
     */
    public CompletableFuture<Void> addPeer(String address) {
        PeerId peer = PeerAddress.parse(address).toPeerId();
        if (closed.get()) {
            return CompletableFuture.failedFuture(closedException());
        }
        CompletableFuture<Void> future = track(new CompletableFuture<>());
        node.addPeer(peer, status -> settle(future, status, "add peer " + address));
        return future;
    }

    /**
     * Removes a voting member (leader only). Completes when the new configuration is committed. A
     * leader may remove itself; it steps down once the change commits.
     *
     * @param address the member's {@code host:port}
     * @return completion of the change
     */
    public CompletableFuture<Void> removePeer(String address) {
        PeerId peer = PeerAddress.parse(address).toPeerId();
        if (closed.get()) {
            return CompletableFuture.failedFuture(closedException());
        }
        CompletableFuture<Void> future = track(new CompletableFuture<>());
        node.removePeer(peer, status -> settle(future, status, "remove peer " + address));
        return future;
    }

    /**
     * Hands leadership to another member (leader only). Completes when this node sees {@code address}
     * as leader; fails if the transfer cannot start or has not happened within three election
     * timeouts (jraft gives the target one election timeout, after which this node resumes leading).
     *
     * @param address the member to become leader
     * @return completion of the transfer
     */
    public CompletableFuture<Void> transferLeadership(String address) {
        PeerAddress target = PeerAddress.parse(address);
        if (closed.get()) {
            return CompletableFuture.failedFuture(closedException());
        }
        Status status = node.transferLeadershipTo(target.toPeerId());
        if (!status.isOk()) {
            return CompletableFuture.failedFuture(Failures.of(status, "transfer leadership to " + address,
                    leaderAddress()));
        }
        CompletableFuture<Void> future = track(new CompletableFuture<>());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3L * config.electionTimeoutMs());
        AtomicReference<ScheduledFuture<?>> poll = new AtomicReference<>();
        poll.set(timer.scheduleWithFixedDelay(() -> {
            if (leaderAddress().filter(target.toString()::equals).isPresent()) {
                completions.complete(future, null);
            } else if (System.nanoTime() - deadline >= 0 || closed.get()) {
                completions.fail(future, new ConsensusException("ETIMEDOUT", "leadership transfer to " + address
                        + " did not complete; leader is " + leaderAddress().orElse("unknown")));
            } else {
                return;
            }
            poll.get().cancel(false);
        }, 10, 10, TimeUnit.MILLISECONDS));
        return future;
    }

    /**
     * Cuts and restores this node's Raft traffic with chosen peers, for partition tests; see
     * {@link TransportFaults}. Costs nothing while no peer is isolated.
     *
     * @return this node's transport faults
     */
    public TransportFaults faults() {
        return faults;
    }

    /**
     * Calls from this member to the leader over the Raft port (client writes a follower received,
     * membership changes asked for on a follower); see {@link LeaderForwarding}.
     *
     * @return this node's forwarding channel
     */
    public LeaderForwarding forwarding() {
        return forwarding;
    }

    /**
     * Replication status of the group as this node sees it. On the leader: one entry per voting member,
     * in configuration order, with whether it is alive, its acknowledged log index, its lag in entries
     * and when it last acknowledged a request. On any other node: itself, and the leader it follows (or,
     * when cut off, the last leader it heard from, not alive) with when it last heard from it; a
     * follower knows nothing reliable about the other followers and does not list them.
     *
     * @return an immutable list of member states; empty once the node is closed
     */
    public List<PeerStatus> peerStatus() {
        if (closed.get()) {
            return List.of();
        }
        return peerStatus.collect((NodeImpl) node);
    }

    /**
     * When this node last heard from a leader, for staleness checks: on the leader itself, now; on any
     * other node, when it last received a replication or heartbeat request (from the leader of any
     * term). Compare with {@code System.currentTimeMillis()}: a follower of a healthy leader is under a
     * tenth of an election timeout behind.
     *
     * @return epoch millis of the last contact, empty if this node has not heard from a leader since it
     *     started
     */
    public OptionalLong lastLeaderContactMillis() {
        if (isLeader()) {
            return OptionalLong.of(System.currentTimeMillis());
        }
        return leaderContact.lastMillis();
    }

    /** @return the voting members of the group's current configuration, as {@code host:port} */
    public List<String> peers() {
        // NodeImpl's configuration is readable on any member; Node#listPeers works only on the leader.
        Configuration conf = ((NodeImpl) node).getCurrentConf();
        return conf.getPeers().stream().map(p -> PeerAddress.of(p).toString()).toList();
    }

    /**
     * Shuts the node down: stops jraft (pending proposals fail, see {@link CommitFailedException}),
     * waits for its threads, then stops the RPC server. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Node current = node;
        if (current != null) {
            current.shutdown();
            try {
                current.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        forwarding.close();
        RpcServer server = rpcServer;
        if (server != null) {
            try {
                server.shutdown();
            } catch (RuntimeException e) {
                LOG.warn("{}: stopping the Raft RPC server failed", name, e);
            }
            NodeManager.getInstance().removeAddress(self.toEndpoint());
        }
        timer.shutdownNow();
        callbacks.shutdown();
        try {
            callbacks.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Whatever jraft did not settle before stopping must not hang its caller.
        for (CompletableFuture<?> future : pending) {
            future.completeExceptionally(new CommitFailedException("ENODESHUTDOWN",
                    "node " + name + " closed before the operation completed", true));
        }
        LOG.info("{}: closed", name);
    }

    @Override
    public String toString() {
        return "RaftNode[" + name + "]";
    }

    /** Delay before asking again for a due snapshot that jraft did not take, or that failed. */
    private static final long SNAPSHOT_RETRY_MILLIS = 50;
    private static final long SNAPSHOT_FAILURE_RETRY_MILLIS = 5_000;

    private void snapshotDue() {
        Node current = node;
        if (current == null || closed.get() || !snapshotRunning.compareAndSet(false, true)) {
            return;
        }
        // Called on the state-machine thread, which the snapshot itself needs: request it from ours.
        try {
            callbacks.execute(() -> current.snapshot(status -> {
                snapshotRunning.set(false);
                if (!status.isOk()) {
                    LOG.warn("{}: snapshot after {} entries failed: {}", name, config.snapshotLogEntries(), status);
                }
                // jraft can answer without saving (busy, or its applied index behind ours when asked);
                // nothing else asks again until the next apply, so ask again while one is still due.
                if (bridge.snapshotDue() && !closed.get()) {
                    long delay = status.isOk() ? SNAPSHOT_RETRY_MILLIS : SNAPSHOT_FAILURE_RETRY_MILLIS;
                    try {
                        timer.schedule(this::snapshotDue, delay, TimeUnit.MILLISECONDS);
                    } catch (RejectedExecutionException closing) {
                        LOG.debug("{}: closing; snapshot not asked again", name);
                    }
                }
            }));
        } catch (RejectedExecutionException closing) {
            snapshotRunning.set(false);
        }
    }

    private void settle(CompletableFuture<Void> future, Status status, String operation) {
        if (status.isOk()) {
            completions.complete(future, null);
        } else {
            completions.fail(future, Failures.of(status, operation, leaderAddress()));
        }
    }

    private <T> CompletableFuture<T> track(CompletableFuture<T> future) {
        pending.add(future);
        future.whenComplete((result, error) -> pending.remove(future));
        return future;
    }

    private ConsensusException closedException() {
        return new ConsensusException(null, "node " + name + " is closed");
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
