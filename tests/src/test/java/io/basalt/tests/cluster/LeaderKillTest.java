package io.basalt.tests.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.tests.harness.BasaltCluster;
import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.ServerProcess;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * No acknowledged write is lost when the leader of a three-node cluster is killed with kill -9 while clients
 * write through the followers: a new leader is elected, writes resume, the killed node restarts and catches
 * up, and all three nodes then hold every acknowledged row, nothing that was refused, and the same checksum.
 */
class LeaderKillTest {

    private static final String TABLE = "failover.t";
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void acknowledgedWritesSurviveKill9OfTheLeader() throws Exception {
        try (BasaltCluster cluster = BasaltCluster.builder("leader-kill").nodes(3).start()) {
            BasaltProcess leader = cluster.awaitLeader(cluster.nodes());
            Sessions.execute(leader, "CREATE DATABASE failover",
                    "CREATE TABLE failover.t (id BIGINT NOT NULL, v VARCHAR(40))");
            // The followers must know the table before clients write there (their reads are local).
            cluster.awaitConverged(cluster.nodes());
            try (InsertWorkload writes = new InsertWorkload(TABLE, 2, cluster.othersThan(leader))) {
                writes.start();
                writes.awaitAcked(200, PHASE_TIMEOUT);

                assertThat(leader.kill9()).isEqualTo(ServerProcess.SIGKILL_EXIT);
                long killedAt = System.nanoTime();
                BasaltProcess next = cluster.awaitLeader(cluster.othersThan(leader), Duration.ofSeconds(30));
                writes.targets(cluster.othersThan(leader, next));
                writes.awaitAcked(writes.ackedCount() + 200, PHASE_TIMEOUT);
                Duration unavailable = Duration.ofNanos(
                        writes.firstAckOfInsertSentAfter(killedAt).orElseThrow() - killedAt);
                System.out.printf("LeaderKillTest: first write acknowledged %d ms after kill -9 of the leader%n",
                        unavailable.toMillis());
                assertThat(unavailable).as("time without writes after the kill").isLessThan(Duration.ofSeconds(15));

                leader.restart();
                writes.targets(cluster.othersThan(next));
                writes.awaitAcked(writes.ackedCount() + 200, PHASE_TIMEOUT);
                writes.stop();

                cluster.awaitConverged(cluster.nodes());
                System.out.println("LeaderKillTest: " + writes);
                AcknowledgedRows.assertIntactOnEveryNode(cluster.nodes(), TABLE, writes);
            }
        }
    }
}
