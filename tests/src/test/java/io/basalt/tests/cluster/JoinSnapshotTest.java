package io.basalt.tests.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.tests.harness.Await;
import io.basalt.tests.harness.BasaltCluster;
import io.basalt.tests.harness.BasaltProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * A node added to a running cluster after its log was truncated behind snapshots catches up by installing a
 * snapshot, then serves the same data; and dropping a follower again leaves a writable three-member cluster.
 * The table holds 1,024,000 rows (1,000 inserted, then doubled ten times with INSERT ... SELECT), and the
 * cluster snapshots every 50 log entries.
 */
class JoinSnapshotTest {

    private static final String TABLE = "big.t";
    private static final int SEED_ROWS = 1000;
    private static final int DOUBLINGS = 10;
    private static final int SMALL_WRITES = 120;
    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void joiningNodeInstallsASnapshotAndServesTheSameData() throws Exception {
        try (BasaltCluster cluster = BasaltCluster.builder("join").nodes(3)
                .serverArgs("--raft-snapshot-log-entries", "50").start()) {
            BasaltProcess leader = cluster.awaitLeader(cluster.nodes());
            load(leader);
            // The log starts after index 1 only once jraft has dropped it behind a second snapshot.
            Await.untilTrue("the leader's log truncated behind a snapshot", SNAPSHOT_TIMEOUT,
                    () -> leader.http().metric("basalt_raft_first_log_index").orElse(0) > 1);
            cluster.awaitConverged(cluster.nodes());
            TableChecksum expected = TableChecksum.ofIdTable(leader, TABLE);
            assertThat(expected.rows()).isEqualTo((long) SEED_ROWS * (1 << DOUBLINGS) + SMALL_WRITES);

            BasaltProcess joiner = cluster.startJoining(leader);
            BasaltProcess follower = cluster.othersThan(leader, joiner).get(0);
            Sessions.execute(follower, "ALTER SYSTEM ADD FOLLOWER \"" + joiner.raftAddress() + "\"");
            Await.untilTrue("the new node to report a snapshot", Duration.ofSeconds(10),
                    () -> joiner.http().metric("basalt_raft_last_snapshot_index").orElse(0) > 0);
            assertThat(Files.readString(joiner.logFile(), StandardCharsets.UTF_8))
                    .as("log of the new node %s", joiner.logFile()).contains("loaded snapshot");
            List<BasaltProcess> four = cluster.nodes();
            cluster.awaitConverged(four);
            for (BasaltProcess node : four) {
                assertThat(TableChecksum.ofIdTable(node, TABLE)).as("checksum on %s", node.raftAddress())
                        .isEqualTo(expected);
            }
            List<String> fourAddresses = four.stream().map(BasaltProcess::raftAddress).sorted().toList();
            awaitFrontends(joiner, fourAddresses);

            BasaltProcess dropped = cluster.othersThan(leader, joiner).get(1);
            Sessions.execute(joiner, "ALTER SYSTEM DROP FOLLOWER \"" + dropped.raftAddress() + "\"");
            List<BasaltProcess> three = cluster.othersThan(dropped);
            List<String> threeAddresses = three.stream().map(BasaltProcess::raftAddress).sorted().toList();
            awaitFrontends(cluster.awaitLeader(three), threeAddresses);
            Sessions.execute(joiner, "INSERT INTO big.t VALUES (-1, 'v--1')");
            cluster.awaitConverged(three);
            for (BasaltProcess node : three) {
                assertThat(TableChecksum.ofIdTable(node, TABLE).rows()).as("rows on %s after the drop", node.raftAddress())
                        .isEqualTo(expected.rows() + 1);
            }
        }
    }

    /** 1,024,000 rows in a handful of log entries, then enough single-row writes for two snapshots. */
    private static void load(BasaltProcess node) throws SQLException {
        try (Connection c = Sessions.open(node, null); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE big");
            s.execute("CREATE TABLE big.t (id BIGINT NOT NULL, v VARCHAR(40))");
            StringJoiner rows = new StringJoiner(", ");
            for (int id = 1; id <= SEED_ROWS; id++) {
                rows.add("(" + id + ", 'v-" + id + "')");
            }
            s.execute("INSERT INTO big.t VALUES " + rows);
            for (int i = 0; i < DOUBLINGS; i++) {
                long n = (long) SEED_ROWS << i;
                s.execute("INSERT INTO big.t SELECT id + " + n + ", CONCAT('v-', id + " + n + ") FROM big.t");
            }
            for (int i = 1; i <= SMALL_WRITES; i++) {
                long id = 10_000_000L + i;
                s.execute("INSERT INTO big.t VALUES (" + id + ", 'v-" + id + "')");
            }
        }
    }

    /** Waits until SHOW FRONTENDS on {@code node} lists exactly {@code members}, all alive and registered. */
    private static void awaitFrontends(BasaltProcess node, List<String> members) {
        Await.untilTrue("SHOW FRONTENDS on " + node.raftAddress() + " to list " + members + ", alive and registered",
                Duration.ofSeconds(30), () -> {
                    List<String> listed = frontends(node);
                    if (!listed.equals(members)) {
                        throw new IllegalStateException("SHOW FRONTENDS lists " + listed);
                    }
                    return true;
                });
    }

    /** Raft addresses of the members SHOW FRONTENDS lists, sorted; with what is wrong for one not alive or registered. */
    private static List<String> frontends(BasaltProcess node) throws SQLException {
        List<String> alive = new ArrayList<>();
        try (Connection c = Sessions.open(node, null); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW FRONTENDS")) {
            while (rs.next()) {
                String address = rs.getString("IP") + ":" + rs.getString("EditLogPort");
                if ("true".equals(rs.getString("Alive")) && rs.getString("ErrMsg").isEmpty()) {
                    alive.add(address);
                } else {
                    alive.add(address + " (alive=" + rs.getString("Alive") + ", " + rs.getString("ErrMsg") + ")");
                }
            }
        }
        return alive.stream().sorted().toList();
    }
}
