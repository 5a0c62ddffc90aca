package io.basalt.tests.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.tests.harness.Await;
import io.basalt.tests.harness.BasaltCluster;
import io.basalt.tests.harness.BasaltProcess;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No acknowledged write is lost when one node of a three-node cluster is cut off from the other two by a
 * network partition (the fault-injection endpoints, on both sides) and the partition then heals: the
 * majority keeps taking writes, a write sent to the cut-off node fails with error 1105 within ten seconds and
 * says that no leader is reachable, and after the heal all three nodes hold every acknowledged row, none that
 * was refused, and the same checksum.
 */
class PartitionTest {

    private static final String TABLE = "cut.t";
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(60);
    /** The brief's bound on how long a write to a cut-off node may hang before it fails. */
    private static final Duration REFUSAL_BOUND = Duration.ofSeconds(10);

    @Test
    void leaderCutOffFromTheOtherTwo() throws Exception {
        partitionAndHeal("partition-leader", true);
    }

    @Test
    void followerCutOffFromTheOtherTwo() throws Exception {
        partitionAndHeal("partition-follower", false);
    }

    private void partitionAndHeal(String name, boolean cutLeader) throws Exception {
        try (BasaltCluster cluster = BasaltCluster.builder(name).nodes(3).start()) {
            BasaltProcess leader = cluster.awaitLeader(cluster.nodes());
            Sessions.execute(leader, "CREATE DATABASE cut",
                    "CREATE TABLE cut.t (id BIGINT NOT NULL, v VARCHAR(40))");
            cluster.awaitConverged(cluster.nodes());
            BasaltProcess victim = cutLeader ? leader : cluster.othersThan(leader).get(0);
            List<BasaltProcess> majority = cluster.othersThan(victim);
            try (InsertWorkload writes = new InsertWorkload(TABLE, 2, cluster.othersThan(leader))) {
                writes.start();
                writes.awaitAcked(200, PHASE_TIMEOUT);

                cluster.isolate(victim);
                // A write that reaches the cut-off node at once: a leader still believes it leads and proposes
                // (then its outcome is unknown), a follower still knows the leader it can no longer reach.
                SQLException first = refusedWrite(victim, writes);
                assertThat(first.getMessage()).as("error of a write to the cut-off node")
                        .containsAnyOf("outcome is unknown", "No Raft leader is reachable");

                BasaltProcess majorityLeader = cluster.awaitLeader(majority, Duration.ofSeconds(30));
                if (!cutLeader) {
                    assertThat(majorityLeader).as("the leader keeps leading the majority").isEqualTo(leader);
                }
                Await.untilTrue(victim.raftAddress() + " to report itself not ready and not leading", REFUSAL_BOUND,
                        () -> !victim.http().ready() && !victim.http().status().isLeader());
                // Once it knows it is cut off, the node refuses writes and says why.
                SQLException second = refusedWrite(victim, writes);
                assertThat(second.getMessage()).as("error of a write to the cut-off node")
                        .contains("No Raft leader is reachable from this node");
                if (cutLeader) {
                    assertThat(second.getMessage()).matches("(?s).*\\(last known leader: (none|127\\.0\\.0\\.1:\\d+)\\).*");
                } else {
                    assertThat(second.getMessage()).contains("(last known leader: " + leader.raftAddress() + ")");
                }

                // The majority takes writes, including from clients of the cut-off node, whose writes fail.
                writes.targets(cluster.othersThan(majorityLeader));
                writes.awaitAcked(writes.ackedCount() + 100, PHASE_TIMEOUT);

                cluster.heal();
                writes.targets(cluster.othersThan(cluster.awaitReady(cluster.nodes())));
                writes.awaitAcked(writes.ackedCount() + 100, PHASE_TIMEOUT);
                writes.stop();

                cluster.awaitConverged(cluster.nodes());
                System.out.println(name + ": " + writes);
                assertThat(writes.ids(WriteOutcome.FAILED)).as("writes the cut-off node refused").isNotEmpty();
                AcknowledgedRows.assertIntactOnEveryNode(cluster.nodes(), TABLE, writes);
            }
        }
    }

    /** Sends one insert to {@code node} and returns its error: 1105, within {@link #REFUSAL_BOUND}. */
    private static SQLException refusedWrite(BasaltProcess node, InsertWorkload writes) throws SQLException {
        try (Connection c = Sessions.open(node, null)) {
            long start = System.nanoTime();
            SQLException e = writes.probe(c);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat((Throwable) e).as("a write to the cut-off node %s must fail", node.raftAddress()).isNotNull();
            assertThat(e.getErrorCode()).as("error code of %s", e).isEqualTo(WriteOutcome.CLUSTER_ERROR);
            assertThat(took).as("time until the write to the cut-off node failed: %s", e).isLessThan(REFUSAL_BOUND);
            return e;
        }
    }
}
