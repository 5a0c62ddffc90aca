package io.basalt.consensus;

import static io.basalt.consensus.TestSupport.await;
import static io.basalt.consensus.TestSupport.freeAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Followers reach the leader's handler over the Raft port; faults and non-leaders answer clearly. */
class LeaderForwardingTest {

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

    private int startAllAndAwaitLeader() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            machines[i] = new TestStateMachine();
            nodes[i] = RaftNode.start(RaftConfig.of(dir.resolve("node" + i), "group", addresses.get(i), addresses)
                    .withElectionTimeoutMs(500), machines[i]);
            RaftNode node = nodes[i];
            // Each node's handler proposes the request and answers with the result.
            node.forwarding().handle(body -> node.propose(body).thenApply(r -> ("applied:" + r)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        int[] leader = {-1};
        await(WAIT, "a leader", () -> {
            for (int i = 0; i < 3; i++) {
                if (nodes[i].isLeader()) {
                    leader[0] = i;
                    return true;
                }
            }
            return false;
        });
        int l = leader[0];
        await(WAIT, "everyone knows the leader", () -> Arrays.stream(nodes)
                .allMatch(n -> n.leaderAddress().filter(addresses.get(l)::equals).isPresent()));
        return l;
    }

    @Test
    void aFollowerForwardsToTheLeaderWhichAppliesOnEveryReplica() throws Exception {
        int leader = startAllAndAwaitLeader();
        int follower = (leader + 1) % 3;
        byte[] answer = nodes[follower].forwarding().toLeader("cmd-1".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
        assertThat(new String(answer, StandardCharsets.UTF_8)).startsWith("applied:");
        for (int i = 0; i < 3; i++) {
            int n = i;
            await(WAIT, "node " + n + " applied the forwarded command", () -> machines[n].state().contains("cmd-1"));
        }
    }

    @Test
    void handlerFailuresReachTheCaller() throws Exception {
        int leader = startAllAndAwaitLeader();
        nodes[leader].forwarding().handle(body -> CompletableFuture.failedFuture(
                new IllegalArgumentException("table t already exists")));
        int follower = (leader + 2) % 3;
        assertThatThrownBy(() -> nodes[follower].forwarding().toLeader(new byte[] {1}, Duration.ofSeconds(10))
                .get(15, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ConsensusException.class)
                .hasMessageContaining("table t already exists");
    }

    @Test
    void anIsolatedFollowerFailsFastAndALeaderIgnoresAnIsolatedSender() throws Exception {
        int leader = startAllAndAwaitLeader();
        int follower = (leader + 1) % 3;
        nodes[follower].faults().isolateFrom(addresses.get(leader));
        long start = System.nanoTime();
        assertThatThrownBy(() -> nodes[follower].forwarding().toLeader(new byte[] {1}, Duration.ofSeconds(10))
                .get(15, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ConsensusException.class);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000);
        nodes[follower].faults().reconnectAll();

        int other = (leader + 2) % 3;
        nodes[leader].faults().isolateFrom(addresses.get(other));
        assertThatThrownBy(() -> nodes[other].forwarding().toLeader(new byte[] {2}, Duration.ofMillis(700))
                .get(15, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ConsensusException.class);
        assertThat(machines[leader].state()).doesNotContain(new String(new byte[] {2}, StandardCharsets.UTF_8));
    }
}
