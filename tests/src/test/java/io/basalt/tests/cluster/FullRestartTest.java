package io.basalt.tests.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.tests.harness.BasaltCluster;
import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.ServerProcess;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * Every table of a three-node cluster survives stopping all three nodes (SIGTERM) and starting them again:
 * each node serves the same checksums as before, and the cluster takes writes again. Snapshots every 50
 * entries make the restart load a snapshot and replay a log tail.
 */
class FullRestartTest {

    /** Table, key column, row text: what {@link TableChecksum} needs for each table. */
    private static final String[][] TABLES = {
        {"keep.events", "id", "CONCAT(id, ':', v)"},
        {"keep.counters", "k", "CONCAT(k, ':', n)"},
        {"keep.prices", "id", "CONCAT(id, ':', p, ':', at)"},
    };

    @Test
    void everyTableSurvivesAStopOfAllNodes() throws Exception {
        try (BasaltCluster cluster = BasaltCluster.builder("full-restart").nodes(3)
                .serverArgs("--raft-snapshot-log-entries", "50").start()) {
            List<BasaltProcess> nodes = cluster.nodes();
            Sessions.execute(nodes.get(0), "CREATE DATABASE keep",
                    "CREATE TABLE keep.events (id BIGINT NOT NULL, v VARCHAR(40))",
                    "CREATE TABLE keep.counters (k INT PRIMARY KEY, n BIGINT)",
                    "CREATE TABLE keep.prices (id INT NOT NULL, p DECIMAL(10,2), at DATETIME)");
            cluster.awaitConverged(nodes);
            load(nodes);
            cluster.awaitConverged(nodes);
            Map<String, TableChecksum> before = checksums(nodes.get(0));
            assertThat(before.get("keep.events").rows()).isEqualTo(120 * 50);
            for (BasaltProcess node : nodes) {
                assertThat(checksums(node)).as("checksums on %s before the stop", node.raftAddress()).isEqualTo(before);
            }

            assertThat(cluster.stopAll()).as("exit codes after SIGTERM (a SIGKILL after a hung stop gives 137)")
                    .containsOnly(ServerProcess.SIGTERM_EXIT);
            cluster.startStopped();
            BasaltProcess leader = cluster.awaitLeader(nodes);
            cluster.awaitConverged(nodes);

            for (BasaltProcess node : nodes) {
                assertThat(checksums(node)).as("checksums on %s after restarting all nodes (log %s)",
                        node.raftAddress(), node.logFile()).isEqualTo(before);
            }
            BasaltProcess follower = cluster.othersThan(leader).get(0);
            Sessions.execute(follower, "INSERT INTO keep.events VALUES (999999, 'after-restart')");
            cluster.awaitConverged(nodes);
            for (BasaltProcess node : nodes) {
                assertThat(TableChecksum.of(node, "keep.events", "id", "CONCAT(id, ':', v)").rows())
                        .as("rows on %s after a write following the restart", node.raftAddress())
                        .isEqualTo(before.get("keep.events").rows() + 1);
            }
        }
    }

    /** About 130 log entries, written through every node: inserts, updates of a keyed table, deletes. */
    private static void load(List<BasaltProcess> nodes) throws SQLException {
        for (int batch = 0; batch < 120; batch++) {
            StringJoiner rows = new StringJoiner(", ");
            for (int i = 0; i < 50; i++) {
                long id = batch * 50L + i;
                rows.add("(" + id + ", 'event-" + id + "')");
            }
            Sessions.execute(nodes.get(batch % nodes.size()), "INSERT INTO keep.events VALUES " + rows);
        }
        StringJoiner counters = new StringJoiner(", ");
        for (int k = 1; k <= 100; k++) {
            counters.add("(" + k + ", " + k * 10 + ")");
        }
        Sessions.execute(nodes.get(1), "INSERT INTO keep.counters VALUES " + counters);
        for (int round = 0; round < 5; round++) {
            Sessions.execute(nodes.get(round % nodes.size()), "UPDATE keep.counters SET n = n + k WHERE k % 3 = " + (round % 3));
        }
        StringJoiner prices = new StringJoiner(", ");
        for (int id = 1; id <= 1000; id++) {
            prices.add("(" + id + ", " + id + "." + (id % 100) + ", '2026-01-" + String.format("%02d", 1 + id % 28)
                    + " 12:00:00')");
        }
        Sessions.execute(nodes.get(2), "INSERT INTO keep.prices VALUES " + prices,
                "DELETE FROM keep.prices WHERE id % 7 = 0");
    }

    private static Map<String, TableChecksum> checksums(BasaltProcess node) throws SQLException {
        Map<String, TableChecksum> sums = new LinkedHashMap<>();
        try (Connection c = Sessions.open(node, null)) {
            for (String[] t : TABLES) {
                sums.put(t[0], TableChecksum.of(c, t[0], t[1], t[2]));
            }
        }
        return sums;
    }
}
