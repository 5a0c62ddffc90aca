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
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three RaftNodes in one JVM on three ports of 127.0.0.1. */
class ThreeNodeRaftTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int ELECTION_TIMEOUT_MS = 500;

    @TempDir
    Path dir;

    private final List<String> addresses = List.of(freeAddress(), freeAddress(), freeAddress());
    private final RaftNode[] nodes = new RaftNode[3];
    private final TestStateMachine[] machines = new TestStateMachine[3];

    @AfterEach
    void closeAll() {
        Arrays.stream(nodes).filter(Objects::nonNull).forEach(RaftNode::close);
    }

    private RaftConfig config(int i, List<String> initialPeers) {
        return RaftConfig.of(dir.resolve("node" + i), "group", addresses.get(i), initialPeers)
                .withElectionTimeoutMs(ELECTION_TIMEOUT_MS);
    }

    private void start(int i) {
        machines[i] = new TestStateMachine();
        nodes[i] = RaftNode.start(config(i, addresses), machines[i]);
    }

    private void startAll() {
        for (int i = 0; i < 3; i++) {
            start(i);
        }
    }

    private int awaitLeaderIndex() throws InterruptedException {
        int[] found = {-1};
        await(WAIT, "a leader", () -> {
            for (int i = 0; i < 3; i++) {
                if (nodes[i] != null && nodes[i].isLeader()) {
                    found[0] = i;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private void awaitState(int i, List<String> expected) throws InterruptedException {
        await(WAIT, "node " + i + " to apply " + expected.size() + " commands",
                () -> machines[i].state().equals(expected));
    }

    @Test
    void proposalsThroughLeaderApplyEverywhereAndFollowersRefuseFast() throws Exception {
        long start = System.nanoTime();
        startAll();
        int leader = awaitLeaderIndex();
        System.out.println("3 nodes: start to leader " + (System.nanoTime() - start) / 1_000_000 + " ms");
        for (int i = 0; i < 3; i++) {
            assertThat(nodes[i].awaitLeader(WAIT)).isTrue();
            assertThat(nodes[i].leaderAddress()).contains(addresses.get(leader));
            assertThat(nodes[i].peers()).containsExactlyInAnyOrderElementsOf(addresses);
        }

        List<String> log = new ArrayList<>();
        long t0 = System.nanoTime();
        assertThat(nodes[leader].propose(bytes("first")).get(5, TimeUnit.SECONDS)).isEqualTo(1);
        log.add("first");
        System.out.println("3 nodes: first commit " + (System.nanoTime() - t0) / 1000 + " us");
        t0 = System.nanoTime();
        SingleNodeRaftTest.proposeAll(nodes[leader], "w", 100, log);
        System.out.println("3 nodes: 100 pipelined proposals committed in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        for (int i = 0; i < 3; i++) {
            awaitState(i, log);
            assertThat(machines[i].orderViolations()).isZero();
        }

        int follower = (leader + 1) % 3;
        CompletableFuture<Object> refused = nodes[follower].propose(bytes("nope"));
        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::join).cause()
                .isInstanceOfSatisfying(NotLeaderException.class,
                        e -> assertThat(e.leaderAddress()).contains(addresses.get(leader)))
                .hasMessageContaining(addresses.get(leader));

        // A follower's read index covers every write the leader acknowledged before it.
        assertThat(nodes[leader].propose(bytes("last")).get(5, TimeUnit.SECONDS)).isEqualTo(102);
        log.add("last");
        long readIndex = nodes[follower].readIndex().get(5, TimeUnit.SECONDS);
        assertThat(readIndex).isGreaterThanOrEqualTo(nodes[leader].appliedIndex());
        assertThat(nodes[follower].appliedIndex()).isGreaterThanOrEqualTo(readIndex);
        assertThat(machines[follower].state()).containsExactlyElementsOf(log);

        // Membership calls on a follower are refused the same way.
        assertThatThrownBy(() -> nodes[follower].removePeer(addresses.get(leader)).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(NotLeaderException.class);

        // Leadership transfer to a follower.
        int target = (leader + 2) % 3;
        nodes[leader].transferLeadership(addresses.get(target)).get(10, TimeUnit.SECONDS);
        assertThat(nodes[target].isLeader()).isTrue();
        assertThat(nodes[target].propose(bytes("after transfer")).get(5, TimeUnit.SECONDS)).isEqualTo(103);
    }

    @Test
    void leaderFailoverAndRestartedNodeCatchesUp() throws Exception {
        startAll();
        int leader = awaitLeaderIndex();
        long oldTerm = nodes[leader].term();
        List<String> log = new ArrayList<>();
        SingleNodeRaftTest.proposeAll(nodes[leader], "before", 20, log);

        long t0 = System.nanoTime();
        nodes[leader].close();
        nodes[leader] = null;
        int newLeader = awaitLeaderIndex();
        System.out.println("3 nodes: leader closed to new leader " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertThat(newLeader).isNotEqualTo(leader);
        await(WAIT, "new term", () -> nodes[newLeader].term() > oldTerm);

        SingleNodeRaftTest.proposeAll(nodes[newLeader], "after", 20, log);
        for (int i = 0; i < 3; i++) {
            if (i != leader) {
                awaitState(i, log);
            }
        }

        // The old leader restarts from its own data directory and catches up from the new leader.
        machines[leader] = new TestStateMachine();
        nodes[leader] = RaftNode.start(config(leader, addresses), machines[leader]);
        awaitState(leader, log);
        assertThat(nodes[leader].isLeader()).isFalse();
        assertThat(nodes[leader].leaderAddress()).contains(addresses.get(newLeader));
        SingleNodeRaftTest.proposeAll(nodes[newLeader], "rejoined", 5, log);
        for (int i = 0; i < 3; i++) {
            awaitState(i, log);
        }
    }

    @Test
    void proposalFailsWhenLeaderLosesItsQuorum() throws Exception {
        startAll();
        int leader = awaitLeaderIndex();
        List<String> log = new ArrayList<>();
        SingleNodeRaftTest.proposeAll(nodes[leader], "ok", 3, log);
        for (int i = 0; i < 3; i++) {
            if (i != leader) {
                nodes[i].close();
                nodes[i] = null;
            }
        }
        CompletableFuture<Object> stranded = nodes[leader].propose(bytes("stranded"));
        // Without a quorum the entry cannot commit; the leader steps down after an election timeout
        // and fails what it had pending, saying the outcome is unknown.
        assertThatThrownBy(() -> stranded.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOfSatisfying(CommitFailedException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
        assertThat(nodes[leader].isLeader()).isFalse();
        assertThatThrownBy(() -> nodes[leader].propose(bytes("refused")).join())
                .cause().isInstanceOf(NotLeaderException.class);
        assertThat(machines[leader].state()).containsExactlyElementsOf(log);
    }

    @Test
    void nodeJoiningAfterLogTruncationInstallsSnapshot() throws Exception {
        // Node 0 starts alone; nodes 1 and 2 join later.
        machines[0] = new TestStateMachine();
        nodes[0] = RaftNode.start(config(0, List.of(addresses.get(0))), machines[0]);
        assertThat(nodes[0].awaitLeader(WAIT)).isTrue();
        RaftNode leader = nodes[0];

        List<String> log = new ArrayList<>();
        SingleNodeRaftTest.proposeAll(leader, "a", 30, log);
        leader.snapshot().get(10, TimeUnit.SECONDS);
        long firstSnapshot = leader.lastSnapshotIndex();
        assertThat(firstSnapshot).isGreaterThanOrEqualTo(31);
        SingleNodeRaftTest.proposeAll(leader, "b", 30, log);
        leader.snapshot().get(10, TimeUnit.SECONDS);
        long snapshotIndex = leader.lastSnapshotIndex();
        assertThat(snapshotIndex).isGreaterThanOrEqualTo(firstSnapshot + 30);
        await(WAIT, "log truncation", () -> leader.firstLogIndex() == firstSnapshot + 1);
        SingleNodeRaftTest.proposeAll(leader, "c", 7, log);
        Map<String, Long> leaderFiles = machines[0].savedChecksums();
        assertThat(leaderFiles).containsKeys("state.txt", "segments/part-0/blob.bin");

        // The joining node starts empty and learns everything from the leader.
        machines[1] = new TestStateMachine();
        nodes[1] = RaftNode.start(config(1, List.of()), machines[1]);
        assertThat(nodes[1].isLeader()).isFalse();
        long t0 = System.nanoTime();
        leader.addPeer(addresses.get(1)).get(20, TimeUnit.SECONDS);
        System.out.println("join: addPeer with snapshot install took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        awaitState(1, log);

        assertThat(machines[1].snapshotsLoaded()).isEqualTo(1);
        assertThat(nodes[1].lastSnapshotIndex()).isEqualTo(snapshotIndex);
        assertThat(machines[1].loadedChecksums()).isEqualTo(leaderFiles);
        assertThat(machines[1].appliedSinceLoad()).as("tail applied after the snapshot").isEqualTo(7);
        assertThat(leader.peers()).containsExactlyInAnyOrder(addresses.get(0), addresses.get(1));
        assertThat(nodes[1].peers()).containsExactlyInAnyOrder(addresses.get(0), addresses.get(1));

        // The two-node group keeps committing, and can shrink again.
        SingleNodeRaftTest.proposeAll(leader, "d", 5, log);
        awaitState(1, log);
        leader.removePeer(addresses.get(1)).get(10, TimeUnit.SECONDS);
        assertThat(leader.peers()).containsExactly(addresses.get(0));
    }
}
