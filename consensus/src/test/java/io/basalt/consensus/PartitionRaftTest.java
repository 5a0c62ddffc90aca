package io.basalt.consensus;

import static io.basalt.consensus.TestSupport.await;
import static io.basalt.consensus.TestSupport.bytes;
import static io.basalt.consensus.TestSupport.freeAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three RaftNodes in one JVM, partitioned with {@link TransportFaults} while all keep running, then
 * healed. Prints the measured timings.
 */
class PartitionRaftTest {

    private static final int ELECTION_TIMEOUT_MS = 500;
    /** The brief's bound: about two election timeouts, plus room for a loaded two-core machine. */
    private static final long STEP_DOWN_BOUND_MS = 2L * ELECTION_TIMEOUT_MS + 500;
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final List<String> addresses = List.of(freeAddress(), freeAddress(), freeAddress());
    private final RaftNode[] nodes = new RaftNode[3];
    private final TestStateMachine[] machines = new TestStateMachine[3];

    @AfterEach
    void closeAll() {
        Arrays.stream(nodes).filter(Objects::nonNull).forEach(RaftNode::close);
    }

    private void startAll() {
        for (int i = 0; i < 3; i++) {
            machines[i] = new TestStateMachine();
            nodes[i] = RaftNode.start(RaftConfig.of(dir.resolve("node" + i), "group", addresses.get(i), addresses)
                    .withElectionTimeoutMs(ELECTION_TIMEOUT_MS), machines[i]);
        }
    }

    /** Cuts node {@code i} off from the other two, on both sides of each link. */
    private void partition(int i) {
        for (int j = 0; j < 3; j++) {
            if (j != i) {
                nodes[i].faults().isolateFrom(addresses.get(j));
                nodes[j].faults().isolateFrom(addresses.get(i));
            }
        }
    }

    private void healAll() {
        for (RaftNode node : nodes) {
            node.faults().reconnectAll();
        }
    }

    private int awaitLeaderAmong(List<Integer> candidates) throws InterruptedException {
        int[] found = {-1};
        await(WAIT, "a leader among " + candidates, () -> {
            for (int i : candidates) {
                if (nodes[i].isLeader()) {
                    found[0] = i;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private void awaitStates(List<String> expected, int... which) throws InterruptedException {
        for (int i : which) {
            await(WAIT, "node " + i + " to hold " + expected.size() + " commands",
                    () -> machines[i].state().equals(expected));
        }
    }

    private static List<Integer> others(int i) {
        return List.of((i + 1) % 3, (i + 2) % 3);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static PeerStatus statusOf(RaftNode node, String address) {
        return node.peerStatus().stream().filter(p -> p.address().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError(address + " missing from " + node.peerStatus()));
    }

    @Test
    void isolatedLeaderStepsDownMajorityMovesOnAndHealedLeaderRejoins() throws Exception {
        startAll();
        int old = awaitLeaderAmong(List.of(0, 1, 2));
        RaftNode oldLeader = nodes[old];
        List<String> log = new ArrayList<>();
        SingleNodeRaftTest.proposeAll(oldLeader, "before", 10, log);
        awaitStates(log, 0, 1, 2);
        await(WAIT, "followers acknowledged everything", () -> oldLeader.peerStatus().stream()
                .allMatch(p -> p.alive() && p.lag().orElse(-1) == 0));
        assertThat(oldLeader.peerStatus()).hasSize(3).allSatisfy(p -> {
            assertThat(p.matchIndex()).hasValue(oldLeader.lastLogIndex());
            assertThat(p.leader()).isEqualTo(p.self());
        });
        assertThat(oldLeader.lastLeaderContactMillis()).isPresent();

        long cut = System.nanoTime();
        partition(old);
        CompletableFuture<Object> stranded = oldLeader.propose(bytes("stranded"));

        // The old leader steps down once its lease runs out, and fails what it had pending.
        await(WAIT, "old leader to step down", () -> !oldLeader.isLeader());
        long stepDownMs = millisSince(cut);
        assertThatThrownBy(() -> stranded.get(STEP_DOWN_BOUND_MS, TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOfSatisfying(CommitFailedException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
        long strandedFailedMs = millisSince(cut);

        long t0 = System.nanoTime();
        CompletableFuture<Object> refused = oldLeader.propose(bytes("refused"));
        long refusalMicros = (System.nanoTime() - t0) / 1000;
        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::join).cause().isInstanceOf(NotLeaderException.class);
        assertThat(oldLeader.leaderAddress()).as("a deposed leader knows no leader").isEmpty();

        // The majority elects a new leader and keeps committing.
        int next = awaitLeaderAmong(others(old));
        long reElectionMs = millisSince(cut);
        RaftNode newLeader = nodes[next];
        SingleNodeRaftTest.proposeAll(newLeader, "during", 10, log);
        awaitStates(log, others(old).stream().mapToInt(Integer::intValue).toArray());
        assertThat(oldLeader.isLeader()).isFalse();
        assertThat(machines[old].state()).hasSize(10);

        // Reads on the cut-off node fail instead of hanging.
        t0 = System.nanoTime();
        assertThatThrownBy(() -> oldLeader.readIndex().get(STEP_DOWN_BOUND_MS, TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ConsensusException.class);
        long readFailMs = millisSince(t0);

        // The new leader shows the old one as unreachable and falling behind.
        PeerStatus cutOff = statusOf(newLeader, addresses.get(old));
        assertThat(cutOff.alive()).isFalse();
        assertThat(cutOff.lag().orElse(Long.MAX_VALUE)).as("lag of %s", cutOff).isGreaterThanOrEqualTo(10);
        assertThat(statusOf(newLeader, addresses.get(next)).leader()).isTrue();
        // The deposed leader never heard from another leader: it reports only itself.
        assertThat(oldLeader.peerStatus()).singleElement().satisfies(p -> {
            assertThat(p.self()).isTrue();
            assertThat(p.leader()).isFalse();
            assertThat(p.matchIndex()).hasValue(oldLeader.lastLogIndex());
        });

        healAll();
        long heal = System.nanoTime();
        await(WAIT, "old leader to follow the new one",
                () -> oldLeader.leaderAddress().filter(addresses.get(next)::equals).isPresent());
        awaitStates(log, old);
        long catchUpMs = millisSince(heal);
        assertThat(nodes[next].isLeader()).as("the healed node did not disrupt the new leader").isTrue();
        SingleNodeRaftTest.proposeAll(newLeader, "after", 5, log);
        awaitStates(log, 0, 1, 2);
        assertThat(log).doesNotContain("stranded", "refused");
        for (TestStateMachine machine : machines) {
            assertThat(machine.orderViolations()).isZero();
        }
        await(WAIT, "new leader to see the old one alive and caught up", () -> {
            PeerStatus healed = statusOf(newLeader, addresses.get(old));
            return healed.alive() && healed.lag().orElse(-1) == 0;
        });
        assertThat(oldLeader.lastLeaderContactMillis().getAsLong())
                .isGreaterThan(System.currentTimeMillis() - 2L * ELECTION_TIMEOUT_MS);

        System.out.printf("partitioned leader (election timeout %d ms): stepped down after %d ms, pending proposal"
                + " failed after %d ms, later proposal refused in %d us, new leader after %d ms, read index failed in"
                + " %d ms, caught up %d ms after heal%n", ELECTION_TIMEOUT_MS, stepDownMs, strandedFailedMs,
                refusalMicros, reElectionMs, readFailMs, catchUpMs);
        assertThat(stepDownMs).isLessThanOrEqualTo(STEP_DOWN_BOUND_MS);
        assertThat(strandedFailedMs).isLessThanOrEqualTo(STEP_DOWN_BOUND_MS + 100);
        assertThat(readFailMs).isLessThan(STEP_DOWN_BOUND_MS);
    }

    @Test
    void isolatedFollowerFallsBehindThenCatchesUp() throws Exception {
        startAll();
        int leaderIndex = awaitLeaderAmong(List.of(0, 1, 2));
        RaftNode leader = nodes[leaderIndex];
        int cut = (leaderIndex + 1) % 3;
        int other = (leaderIndex + 2) % 3;
        RaftNode follower = nodes[cut];
        List<String> log = new ArrayList<>();
        SingleNodeRaftTest.proposeAll(leader, "before", 5, log);
        awaitStates(log, 0, 1, 2);
        long term = leader.term();
        assertThat(term).isPositive();
        assertThat(follower.peerStatus()).satisfiesExactly(
                self -> assertThat(self.self()).isTrue(),
                followed -> {
                    assertThat(followed.address()).isEqualTo(addresses.get(leaderIndex));
                    assertThat(followed.leader()).isTrue();
                    assertThat(followed.alive()).isTrue();
                });

        partition(cut);
        long t0 = System.nanoTime();
        // Writes keep committing on the majority, with no pause.
        SingleNodeRaftTest.proposeAll(leader, "during", 20, log);
        long writesMs = millisSince(t0);
        awaitStates(log, leaderIndex, other);
        assertThat(machines[cut].state()).hasSize(5);

        t0 = System.nanoTime();
        assertThatThrownBy(() -> follower.readIndex().get(STEP_DOWN_BOUND_MS, TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ConsensusException.class);
        long readFailMs = millisSince(t0);
        assertThat(follower.propose(bytes("refused"))).isCompletedExceptionally();

        await(WAIT, "leader to report the follower unreachable", () -> !statusOf(leader, addresses.get(cut)).alive());
        PeerStatus lagging = statusOf(leader, addresses.get(cut));
        assertThat(lagging.lag().orElse(-1)).isGreaterThanOrEqualTo(20);
        assertThat(lagging.matchIndex().orElse(-1)).isLessThanOrEqualTo(leader.lastLogIndex() - 20);
        assertThat(statusOf(leader, addresses.get(other)).alive()).isTrue();
        // The ballot counts an acknowledgement just before the replicator advances its index.
        await(WAIT, "leader to see the other follower caught up",
                () -> statusOf(leader, addresses.get(other)).lag().orElse(-1) == 0);
        // After an election timeout without contact the follower forgets its leader, but still names
        // the last one it heard from, as not alive.
        await(WAIT, "follower to drop its leader", () -> follower.leaderAddress().isEmpty());
        assertThat(follower.peerStatus()).satisfiesExactly(
                self -> assertThat(self.self()).isTrue(),
                lost -> {
                    assertThat(lost.address()).isEqualTo(addresses.get(leaderIndex));
                    assertThat(lost.leader()).isFalse();
                    assertThat(lost.alive()).isFalse();
                    assertThat(lost.lastContactMillis()).isPresent();
                });
        assertThat(follower.lastLeaderContactMillis().getAsLong())
                .isLessThan(System.currentTimeMillis() - ELECTION_TIMEOUT_MS);

        follower.faults().reconnectAll();
        leader.faults().reconnectAll();
        nodes[other].faults().reconnectAll();
        long heal = System.nanoTime();
        awaitStates(log, cut);
        long catchUpMs = millisSince(heal);
        await(WAIT, "leader to report the follower alive and caught up", () -> {
            PeerStatus healed = statusOf(leader, addresses.get(cut));
            return healed.alive() && healed.lag().orElse(-1) == 0;
        });
        // Pre-vote kept the cut-off follower from bumping the term: the leader was never disturbed.
        assertThat(leader.isLeader()).isTrue();
        assertThat(leader.term()).isEqualTo(term);
        assertThat(follower.leaderAddress()).contains(addresses.get(leaderIndex));
        long readIndex = follower.readIndex().get(5, TimeUnit.SECONDS);
        assertThat(readIndex).isGreaterThanOrEqualTo(leader.appliedIndex());

        System.out.printf("partitioned follower: 20 writes on the majority in %d ms, read index failed in %d ms,"
                + " caught up %d ms after heal%n", writesMs, readFailMs, catchUpMs);
        assertThat(readFailMs).isLessThan(STEP_DOWN_BOUND_MS);
    }

    @Test
    void readIndexIntoAOneSidedPartitionFailsAtItsDeadline() throws Exception {
        startAll();
        int leaderIndex = awaitLeaderAmong(List.of(0, 1, 2));
        int follower = (leaderIndex + 1) % 3;
        SingleNodeRaftTest.proposeAll(nodes[leaderIndex], "x", 3, new ArrayList<>());
        awaitStates(List.of("x0", "x1", "x2"), follower);

        // Only the leader cuts the link: the follower still sends, and its ReadIndex request is dropped
        // unanswered, so jraft would wait for its RPC timeout; the node's deadline answers first.
        nodes[leaderIndex].faults().isolateFrom(addresses.get(follower));
        long t0 = System.nanoTime();
        Duration deadline = Duration.ofMillis(ELECTION_TIMEOUT_MS);
        assertThatThrownBy(() -> nodes[follower].readIndex(deadline).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOfSatisfying(ConsensusException.class,
                        e -> assertThat(e.raftError()).isEqualTo("ETIMEDOUT"));
        long failedMs = millisSince(t0);
        System.out.printf("one-sided partition: read index failed after %d ms (deadline %d ms)%n", failedMs,
                deadline.toMillis());
        assertThat(failedMs).isBetween(deadline.toMillis() - 50, deadline.toMillis() + 500);

        nodes[leaderIndex].faults().reconnectAll();
        // The follower may have given up on the leader meanwhile; the leader's next heartbeat restores it.
        await(WAIT, "follower to know the leader again",
                () -> nodes[follower].leaderAddress().filter(addresses.get(leaderIndex)::equals).isPresent());
        assertThat(nodes[follower].readIndex().get(5, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(4);
    }
}
