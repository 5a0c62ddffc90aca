package io.basalt.consensus;

import static io.basalt.consensus.TestSupport.await;
import static io.basalt.consensus.TestSupport.bytes;
import static io.basalt.consensus.TestSupport.freeAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleNodeRaftTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private RaftConfig config(String address) {
        return RaftConfig.singleNode(dir.resolve("raft"), "test", address);
    }

    @Test
    void electsItselfAndAppliesProposalsInOrder() throws Exception {
        TestStateMachine machine = new TestStateMachine();
        long start = System.nanoTime();
        try (RaftNode node = RaftNode.start(config(freeAddress()), machine)) {
            assertThat(node.awaitLeader(WAIT)).isTrue();
            long electedMs = (System.nanoTime() - start) / 1_000_000;
            System.out.println("single node: start to leader " + electedMs + " ms");
            assertThat(electedMs).isLessThan(3000);
            assertThat(node.isLeader()).isTrue();
            assertThat(node.leaderAddress()).contains(node.address());
            assertThat(node.peers()).containsExactly(node.address());
            // Leadership callbacks reach the state machine shortly after the leader is known.
            await(WAIT, "onLeaderStart", () -> machine.leaderTerm() > 0);
            assertThat(node.term()).isEqualTo(machine.leaderTerm());

            long t0 = System.nanoTime();
            assertThat(node.propose(bytes("first")).get(5, TimeUnit.SECONDS)).isEqualTo(1);
            System.out.println("single node: first commit " + (System.nanoTime() - t0) / 1000 + " us");

            List<CompletableFuture<Object>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(node.propose(bytes("cmd-" + i)));
            }
            t0 = System.nanoTime();
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(i + 2);
            }
            System.out.println("single node: 200 pipelined proposals committed in "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms");

            List<String> expected = new ArrayList<>(List.of("first"));
            IntStream.range(0, 200).forEach(i -> expected.add("cmd-" + i));
            assertThat(machine.state()).containsExactlyElementsOf(expected);
            assertThat(machine.orderViolations()).isZero();
            assertThat(node.appliedIndex()).isGreaterThanOrEqualTo(201);
            assertThat(node.lastLogIndex()).isEqualTo(node.appliedIndex());

            long readIndex = node.readIndex().get(5, TimeUnit.SECONDS);
            assertThat(readIndex).isEqualTo(node.lastLogIndex());
        }
    }

    @Test
    void applyExceptionReachesProposerAndMachineKeepsGoing() throws Exception {
        TestStateMachine machine = new TestStateMachine();
        try (RaftNode node = RaftNode.start(config(freeAddress()), machine)) {
            assertThat(node.awaitLeader(WAIT)).isTrue();
            CompletableFuture<Object> a = node.propose(bytes("a"));
            CompletableFuture<Object> bad = node.propose(bytes("fail:table exists"));
            CompletableFuture<Object> b = node.propose(bytes("b"));

            assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalArgumentException.class).hasMessage("table exists");
            assertThat(b.get(5, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(node.propose(bytes("c")).get(5, TimeUnit.SECONDS)).isEqualTo(3);
            assertThat(machine.state()).containsExactly("a", "b", "c");
        }
    }

    @Test
    void snapshotTruncatesLogAndRestartReplaysOnlyTheTail() throws Exception {
        String address = freeAddress();
        TestStateMachine first = new TestStateMachine();
        List<String> all = new ArrayList<>();
        long firstSnapshot;
        long snapshotIndex;
        long appliedBeforeClose;
        try (RaftNode node = RaftNode.start(config(address), first)) {
            assertThat(node.awaitLeader(WAIT)).isTrue();
            proposeAll(node, "a", 10, all);
            node.snapshot().get(10, TimeUnit.SECONDS);
            firstSnapshot = node.lastSnapshotIndex();
            assertThat(firstSnapshot).isGreaterThanOrEqualTo(11);
            // jraft keeps the log back to the previous snapshot, so one snapshot truncates nothing.
            assertThat(node.firstLogIndex()).isEqualTo(1);

            proposeAll(node, "b", 10, all);
            node.snapshot().get(10, TimeUnit.SECONDS);
            snapshotIndex = node.lastSnapshotIndex();
            assertThat(snapshotIndex).isGreaterThanOrEqualTo(firstSnapshot + 10);
            long kept = firstSnapshot + 1;
            await(WAIT, "log truncation", () -> node.firstLogIndex() == kept);

            proposeAll(node, "c", 5, all);
            appliedBeforeClose = node.appliedIndex();
            assertThat(first.snapshotsLoaded()).isZero();
        }

        TestStateMachine restarted = new TestStateMachine();
        try (RaftNode node = RaftNode.start(config(address), restarted)) {
            assertThat(node.awaitLeader(WAIT)).isTrue();
            await(WAIT, "replay", () -> node.appliedIndex() >= appliedBeforeClose);
            assertThat(restarted.snapshotsLoaded()).isEqualTo(1);
            assertThat(node.lastSnapshotIndex()).isEqualTo(snapshotIndex);
            assertThat(restarted.appliedSinceLoad()).as("entries re-applied after the snapshot").isEqualTo(5);
            assertThat(restarted.appliedIndexes()).allMatch(i -> i > snapshotIndex);
            assertThat(restarted.state()).containsExactlyElementsOf(all);
            assertThat(node.firstLogIndex()).as("truncation survives restart").isEqualTo(firstSnapshot + 1);

            // The restarted node keeps accepting writes after the replayed tail.
            assertThat(node.propose(bytes("d")).get(5, TimeUnit.SECONDS)).isEqualTo(all.size() + 1);
        }
    }

    @Test
    void snapshotsAfterConfiguredNumberOfEntries() throws Exception {
        TestStateMachine machine = new TestStateMachine();
        RaftConfig config = config(freeAddress()).withSnapshotLogEntries(20);
        try (RaftNode node = RaftNode.start(config, machine)) {
            assertThat(node.awaitLeader(WAIT)).isTrue();
            assertThat(node.lastSnapshotIndex()).isZero();
            proposeAll(node, "x", 25, new ArrayList<>());
            await(WAIT, "entry-count snapshot", () -> node.lastSnapshotIndex() >= 20);
            assertThat(machine.savedChecksums()).containsKeys("state.txt", "segments/part-0/blob.bin");
        }
    }

    @Test
    void closedNodeRefusesWork() throws Exception {
        RaftNode node = RaftNode.start(config(freeAddress()), new TestStateMachine());
        assertThat(node.awaitLeader(WAIT)).isTrue();
        node.close();
        node.close();
        assertThat(node.isLeader()).isFalse();
        assertThatThrownBy(() -> node.propose(bytes("late")).get(1, TimeUnit.SECONDS))
                .cause().isInstanceOf(ConsensusException.class).hasMessageContaining("closed");
    }

    @Test
    void refusesAnAddressAlreadyInUse() throws Exception {
        String address = freeAddress();
        try (RaftNode node = RaftNode.start(config(address), new TestStateMachine())) {
            RaftConfig other = RaftConfig.singleNode(dir.resolve("other"), "test", address);
            assertThatThrownBy(() -> RaftNode.start(other, new TestStateMachine()))
                    .isInstanceOf(ConsensusException.class).hasMessageContaining(address);
            assertThat(node.awaitLeader(WAIT)).isTrue();
        }
    }

    static void proposeAll(RaftNode node, String prefix, int count, List<String> log) throws Exception {
        List<CompletableFuture<Object>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String command = prefix + i;
            log.add(command);
            futures.add(node.propose(bytes(command)));
        }
        for (CompletableFuture<Object> future : futures) {
            future.get(5, TimeUnit.SECONDS);
        }
    }
}
