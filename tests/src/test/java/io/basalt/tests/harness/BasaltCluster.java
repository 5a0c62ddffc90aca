package io.basalt.tests.harness;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A Basalt cluster of real node processes on 127.0.0.1, owned by the test: N members bootstrapped together
 * with {@code --peers}, fault injection enabled on every node, and the operations a fault test needs.
 *
 * <pre>{@code
 * try (BasaltCluster cluster = BasaltCluster.builder("failover").nodes(3).start()) {
 *     BasaltProcess leader = cluster.awaitLeader(cluster.nodes());
 *     leader.kill9();
 *     BasaltProcess next = cluster.awaitLeader(cluster.othersThan(leader));
 *     leader.restart();                              // same data directory and ports
 *     cluster.awaitConverged(cluster.nodes());
 * }
 * }</pre>
 *
 * <p>Each node is a {@link BasaltProcess}: kill it, stop it and restart it through that. The cluster adds
 * what concerns several nodes: who leads (from each node's {@code GET /api}), symmetric partitions through
 * the {@code /debug/faults} endpoints, a node started with {@code --join}, and waiting until every node has
 * applied the same log. Nodes start in parallel; {@link #close()} stops them all (SIGTERM) in parallel.
 */
public final class BasaltCluster implements AutoCloseable {

    /** Long enough for a JVM start, an election and a catch-up on a busy two-core machine. */
    public static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final List<String> serverArgs;
    private final List<String> jvmArgs;
    private final List<BasaltProcess> nodes = new CopyOnWriteArrayList<>();

    private BasaltCluster(String name, List<String> serverArgs, List<String> jvmArgs) {
        this.name = name;
        this.serverArgs = List.copyOf(serverArgs);
        this.jvmArgs = List.copyOf(jvmArgs);
    }

    /** A cluster named {@code name} (its nodes' logs are {@code tests/target/basalt-logs/<name>-n<i>-<k>.log}). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** How to start a cluster. */
    public static final class Builder {
        private final String name;
        private int size = 3;
        private final List<String> serverArgs = new ArrayList<>();
        // C1 only: three or four node JVMs share two cores with the test, and C2's compile threads would take
        // much of that CPU; fault tests need the nodes responsive, not at peak speed. Benchmarks override this.
        private final List<String> jvmArgs = new ArrayList<>(List.of("-Xmx1g", "-XX:TieredStopAtLevel=1"));

        private Builder(String name) {
            this.name = requireNonNull(name, "name");
        }

        /** How many members the cluster starts with (default 3). */
        public Builder nodes(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("a cluster needs at least one node: " + size);
            }
            this.size = size;
            return this;
        }

        /** Server options for every node, after the ports, {@code --peers} and fault injection. */
        public Builder serverArgs(String... args) {
            serverArgs.addAll(List.of(args));
            return this;
        }

        /** JVM options for every node, replacing the default {@code -Xmx1g -XX:TieredStopAtLevel=1}. */
        public Builder jvmArgs(String... args) {
            jvmArgs.clear();
            jvmArgs.addAll(List.of(args));
            return this;
        }

        /**
         * Starts every member in parallel and waits until they agree on a leader and have applied the same
         * log. If that fails, whatever started is stopped again.
         */
        public BasaltCluster start() {
            for (int attempt = 1;; attempt++) {
                try {
                    return startOnce();
                } catch (RuntimeException e) {
                    if (attempt >= BasaltProcess.PORT_ATTEMPTS || !BasaltProcess.portTaken(e)) {
                        throw e;
                    }
                }
            }
        }

        private BasaltCluster startOnce() {
            BasaltCluster cluster = new BasaltCluster(name, serverArgs, jvmArgs);
            List<NodePorts> ports = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                ports.add(NodePorts.allocate());
            }
            String peers = ports.stream().map(NodePorts::raftAddress).collect(Collectors.joining(","));
            List<String> args = new ArrayList<>(List.of("--peers", peers));
            try {
                cluster.nodes.addAll(cluster.startAll(ports, args));
                cluster.awaitConverged(cluster.nodes);
            } catch (RuntimeException | Error e) {
                cluster.close();
                throw e;
            }
            return cluster;
        }
    }

    private List<BasaltProcess> startAll(List<NodePorts> ports, List<String> clusterArgs) {
        ExecutorService starter = Executors.newFixedThreadPool(ports.size());
        try {
            List<Future<BasaltProcess>> started = new ArrayList<>();
            for (int i = 0; i < ports.size(); i++) {
                NodePorts p = ports.get(i);
                String nodeName = name + "-n" + (i + 1);
                started.add(starter.submit(() -> launch(nodeName, p, clusterArgs)));
            }
            List<BasaltProcess> result = new ArrayList<>();
            RuntimeException failure = null;
            for (Future<BasaltProcess> f : started) {
                try {
                    result.add(f.get());
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : new IllegalStateException("a node of " + name
                            + " did not start", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new IllegalStateException("interrupted while starting " + name, e);
                }
            }
            if (failure != null) {
                result.forEach(BasaltProcess::close);
                throw failure;
            }
            return result;
        } finally {
            starter.shutdown();
        }
    }

    private BasaltProcess launch(String nodeName, NodePorts ports, List<String> clusterArgs) {
        List<String> args = new ArrayList<>(clusterArgs);
        args.addAll(List.of("--debug-fault-injection", "true"));
        args.addAll(serverArgs);
        return BasaltProcess.start(nodeName, null, ports, args, jvmArgs);
    }

    /**
     * Starts one more node, empty, with {@code --join} naming {@code via}; it serves SQL at once but is not a
     * member until {@code ALTER SYSTEM ADD FOLLOWER} adds it. It gets the cluster's server and JVM options.
     */
    public BasaltProcess startJoining(BasaltProcess via) {
        String nodeName = name + "-n" + (nodes.size() + 1);
        BasaltProcess node = launch(nodeName, NodePorts.allocate(), List.of("--join", via.raftAddress()));
        nodes.add(node);
        return node;
    }

    /** Every node this cluster started, members or not, running or not, in start order. */
    public List<BasaltProcess> nodes() {
        return List.copyOf(nodes);
    }

    /** The {@code i}-th node started (0-based). */
    public BasaltProcess node(int i) {
        return nodes.get(i);
    }

    /** The nodes other than {@code excluded}. */
    public List<BasaltProcess> othersThan(BasaltProcess... excluded) {
        List<BasaltProcess> rest = new ArrayList<>(nodes);
        rest.removeAll(List.of(excluded));
        return rest;
    }

    /** The node's {@code /api} answer; empty when it is not running or does not answer. */
    public static Optional<NodeStatus> status(BasaltProcess node) {
        if (!node.isAlive()) {
            return Optional.empty();
        }
        try {
            return Optional.of(node.http().status());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The leader that every running node of {@code group} follows: one of them says LEADER, and each of the
     * others names it as its leader. Pass the majority side of a partition, or the survivors of a kill.
     * (Terms are not compared: a node reports the term its state machine last saw, which lags while it
     * replays its log.)
     */
    public BasaltProcess awaitLeader(Collection<BasaltProcess> group) {
        return awaitLeader(group, SETTLE_TIMEOUT);
    }

    /** As {@link #awaitLeader(Collection)} with a chosen timeout. */
    public BasaltProcess awaitLeader(Collection<BasaltProcess> group, Duration timeout) {
        List<BasaltProcess> members = List.copyOf(group);
        return awaitOrDump("one leader all of " + names(members) + " agree on", timeout, () -> {
            Map<BasaltProcess, NodeStatus> seen = statuses(members);
            BasaltProcess leader = null;
            for (Map.Entry<BasaltProcess, NodeStatus> e : seen.entrySet()) {
                if (e.getValue().isLeader()) {
                    leader = e.getKey();
                }
            }
            if (leader == null) {
                throw new IllegalStateException("no leader: " + seen.values());
            }
            NodeStatus ls = seen.get(leader);
            for (NodeStatus s : seen.values()) {
                if (!s.leader().equals(ls.raftAddress())) {
                    throw new IllegalStateException("no agreement: " + seen.values());
                }
            }
            return Optional.of(leader);
        }, members);
    }

    /**
     * Waits until every node of {@code group} runs, is ready (caught up and hearing from a leader) and follows
     * the same leader, which it returns. Unlike {@link #awaitConverged} it needs no pause in
     * the writes, e.g. to see a healed node back in service while clients keep writing.
     */
    public BasaltProcess awaitReady(Collection<BasaltProcess> group) {
        List<BasaltProcess> members = List.copyOf(group);
        BasaltProcess leader = awaitLeader(members);
        return awaitOrDump("all of " + names(members) + " ready, following " + leader.raftAddress(), SETTLE_TIMEOUT,
                () -> {
                    Map<BasaltProcess, NodeStatus> seen = statuses(members);
                    NodeStatus ls = seen.get(leader);
                    if (seen.size() != members.size() || ls == null || !ls.isLeader()) {
                        throw new IllegalStateException("not all answer, or the leader moved: " + seen.values());
                    }
                    for (NodeStatus s : seen.values()) {
                        if (!s.ready() || !s.leader().equals(ls.raftAddress())) {
                            throw new IllegalStateException("not ready: " + seen.values());
                        }
                    }
                    return Optional.of(leader);
                }, members);
    }

    /**
     * Waits until every node of {@code group} runs, is ready (caught up and hearing from a leader), follows
     * the same leader in the same term, and has applied the same log index, which it returns. Call it when
     * no writes are in flight; it is how a test knows that reading any node shows the same state.
     */
    public long awaitConverged(Collection<BasaltProcess> group) {
        return awaitConverged(group, SETTLE_TIMEOUT);
    }

    /** As {@link #awaitConverged(Collection)} with a chosen timeout. */
    public long awaitConverged(Collection<BasaltProcess> group, Duration timeout) {
        List<BasaltProcess> members = List.copyOf(group);
        return awaitOrDump("all of " + names(members) + " ready with the same applied index", timeout, () -> {
            Map<BasaltProcess, NodeStatus> seen = statuses(members);
            if (seen.size() != members.size()) {
                throw new IllegalStateException("not all answer: " + seen.values());
            }
            NodeStatus first = seen.values().iterator().next();
            for (NodeStatus s : seen.values()) {
                if (!s.ready() || s.leader().isEmpty() || !s.leader().equals(first.leader()) || s.term() != first.term()
                        || s.appliedIndex() != first.appliedIndex()) {
                    throw new IllegalStateException("not converged: " + seen.values());
                }
            }
            return Optional.of(first.appliedIndex());
        }, members);
    }

    /** {@link Await#until}; on a timeout, every running node of {@code group} first writes a thread dump to its log. */
    private static <T> T awaitOrDump(String what, Duration timeout, Callable<Optional<T>> probe,
                                     List<BasaltProcess> group) {
        try {
            return Await.until(what, timeout, probe);
        } catch (AssertionError e) {
            group.forEach(BasaltCluster::dumpThreads);
            throw new AssertionError(e.getMessage() + "; thread dumps are in the nodes' logs", e);
        }
    }

    /** SIGQUIT: the node's JVM prints a thread dump to its log and keeps running. */
    private static void dumpThreads(BasaltProcess node) {
        if (!node.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-QUIT", Long.toString(node.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            // a missing dump only makes a failure harder to read; the failure itself is reported
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<BasaltProcess, NodeStatus> statuses(List<BasaltProcess> members) {
        Map<BasaltProcess, NodeStatus> seen = new LinkedHashMap<>();
        for (BasaltProcess m : members) {
            status(m).ifPresent(s -> seen.put(m, s));
        }
        return seen;
    }

    /**
     * Cuts {@code victim} off from every other running node, in both directions: it drops their Raft traffic
     * and forwarded writes and they drop its. Undo with {@link #heal()}.
     */
    public void isolate(BasaltProcess victim) {
        for (BasaltProcess other : othersThan(victim)) {
            if (other.isAlive()) {
                victim.http().isolateFrom(other.raftAddress());
                other.http().isolateFrom(victim.raftAddress());
            }
        }
    }

    /** Restores all Raft traffic between running nodes. */
    public void heal() {
        for (BasaltProcess node : nodes) {
            if (node.isAlive()) {
                node.http().heal();
            }
        }
    }

    /**
     * Stops every running node with SIGTERM, all at once (SIGKILL after 30 s if one hangs), and returns each
     * node's exit code in node order.
     */
    public List<Integer> stopAll() {
        return inParallel(nodes, node -> node.isAlive() ? node.stop() : -1);
    }

    /** Starts every node that is not running, all at once, on its data directory and ports. */
    public void startStopped() {
        inParallel(nodes, node -> {
            if (!node.isAlive()) {
                node.start();
            }
            return 0;
        });
    }

    private static <T> List<T> inParallel(List<BasaltProcess> targets, Function<BasaltProcess, T> op) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, targets.size()));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (BasaltProcess node : targets) {
                futures.add(pool.submit(() -> op.apply(node)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a node operation failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private static String names(Collection<BasaltProcess> members) {
        return members.stream().map(BasaltProcess::raftAddress).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Stops every running node (SIGTERM, then SIGKILL after 30 s) in parallel; data directories stay. */
    @Override
    public void close() {
        inParallel(nodes, node -> {
            node.close();
            return 0;
        });
    }

    @Override
    public String toString() {
        return "BasaltCluster[" + name + ", " + nodes + "]";
    }
}
