package io.basalt.tests.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.tests.harness.BasaltCluster;
import io.basalt.tests.harness.BasaltProcess;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Concurrent clients write and read a three-node cluster through all of its nodes while a nemesis kills the
 * leader with kill -9 and restarts it, and cuts a node off and heals the partition, over and over; every
 * operation is recorded with its invocation and completion time and outcome, and {@link HistoryChecker}
 * then verifies the history: linearizable reads ({@code basalt_read_consistency = 'LINEARIZABLE'}) never go
 * back in time or return a value that was never written, and every acknowledged write is there at the end.
 *
 * <p>Writers each own two keys of a register table ({@code UPDATE ... SET v = <next version>}) and insert rows
 * with unique ids into a second table; readers read the whole register table, and every fourth time the whole
 * set. It runs 60 seconds; {@code -Dbasalt.chaos.seconds=600} runs it longer and
 * {@code -Dbasalt.chaos.seed=N} repeats a nemesis schedule.
 */
class LinearizableHistoryTest {

    private static final int WRITERS = 3;
    private static final int KEYS_PER_WRITER = 2;
    private static final int READERS = 3;
    private static final long INITIAL = 0;
    private static final Duration CLIENT_STOP_TIMEOUT = Duration.ofSeconds(60);

    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<String, Long> errors = new ConcurrentHashMap<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void linearizableReadsAndAcknowledgedWritesSurviveKillsAndPartitions() throws Exception {
        int seconds = Integer.getInteger("basalt.chaos.seconds", 60);
        long seed = Long.getLong("basalt.chaos.seed", System.nanoTime());
        // Snapshots every 2000 entries: a node killed late in a long run otherwise replays the whole log after
        // its restart, through the SQL engine, before it serves again.
        try (BasaltCluster cluster = BasaltCluster.builder("history").nodes(3)
                .serverArgs("--raft-snapshot-log-entries", "2000").start()) {
            List<BasaltProcess> nodes = cluster.nodes();
            StringJoiner keys = new StringJoiner(", ");
            for (int k = 0; k < WRITERS * KEYS_PER_WRITER; k++) {
                keys.add("(" + k + ", " + INITIAL + ")");
            }
            Sessions.execute(nodes.get(0), "CREATE DATABASE hist", "CREATE TABLE hist.kv (k INT PRIMARY KEY, v BIGINT)",
                    "CREATE TABLE hist.ev (id BIGINT NOT NULL, v VARCHAR(40))", "INSERT INTO hist.kv VALUES " + keys);
            cluster.awaitConverged(nodes);

            long origin = System.nanoTime();
            History history = new History(origin);
            List<Thread> clients = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                clients.add(new Thread(() -> writer(writer, nodes, history), "history-writer-" + w));
            }
            for (int r = 0; r < READERS; r++) {
                int reader = r;
                clients.add(new Thread(() -> reader(reader, nodes, history), "history-reader-" + r));
            }
            clients.forEach(Thread::start);

            int[] faults = nemesis(cluster, history, origin + Duration.ofSeconds(seconds).toNanos(), new Random(seed));

            stop.set(true);
            for (Thread t : clients) {
                t.join(CLIENT_STOP_TIMEOUT.toMillis());
                assertThat(t.isAlive()).as("%s still running after stop", t.getName()).isFalse();
            }
            cluster.heal();
            cluster.awaitConverged(nodes);
            Map<Integer, Long> finalValues = null;
            Set<Long> finalIds = null;
            for (BasaltProcess node : nodes) {
                try (Connection c = Sessions.open(node, null)) {
                    Map<Integer, Long> values = registers(c);
                    Set<Long> ids = set(c);
                    if (finalValues == null) {
                        finalValues = values;
                        finalIds = ids;
                    } else {
                        assertThat(values).as("registers on %s at the end", node.raftAddress()).isEqualTo(finalValues);
                        assertThat(ids).as("set on %s at the end", node.raftAddress()).isEqualTo(finalIds);
                    }
                }
            }

            String report = history + "; seed " + seed + "; nemesis " + events + "; errors " + new TreeMap<>(errors);
            System.out.println("LinearizableHistoryTest: " + report);
            assertThat(unexpected).as("errors outside the cluster contract; %s", report).isEmpty();
            assertThat(HistoryChecker.check(history, INITIAL, finalValues, finalIds)).as(report).isEmpty();
            long ackedWrites = history.writes().stream().filter(w -> w.outcome() == WriteOutcome.ACKED).count();
            assertThat(ackedWrites).as("acknowledged register writes; %s", report).isGreaterThanOrEqualTo(50);
            assertThat(history.reads().size()).as("successful register reads; %s", report).isGreaterThanOrEqualTo(50);
            assertThat(faults).as("kills and partitions injected; %s", report).doesNotContain(0);
        }
    }

    /** Kills and restarts the leader, then cuts off and heals a node, in turn, until {@code end}. */
    private int[] nemesis(BasaltCluster cluster, History history, long end, Random random) throws InterruptedException {
        int kills = 0;
        int partitions = 0;
        for (int round = 0; System.nanoTime() < end - Duration.ofSeconds(15).toNanos(); round++) {
            Thread.sleep(3000);
            BasaltProcess leader = cluster.awaitLeader(cluster.nodes());
            if (round % 2 == 0) {
                leader.kill9();
                event(history, "kill -9 leader " + leader.raftAddress());
                Thread.sleep(2000);
                leader.restart();
                event(history, "restarted " + leader.raftAddress());
                kills++;
            } else {
                List<BasaltProcess> followers = cluster.othersThan(leader);
                BasaltProcess victim = random.nextBoolean() ? leader
                        : followers.get(random.nextInt(followers.size()));
                cluster.isolate(victim);
                event(history, "cut off " + (victim == leader ? "leader " : "follower ") + victim.raftAddress());
                Thread.sleep(5000);
                cluster.heal();
                event(history, "healed");
                partitions++;
            }
        }
        long left = end - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000);
        }
        return new int[] {kills, partitions};
    }

    private void event(History history, String what) {
        events.add(history.at(System.nanoTime()) + " " + what);
    }

    private void writer(int writer, List<BasaltProcess> nodes, History history) {
        long[] versions = new long[KEYS_PER_WRITER];
        int node = writer % nodes.size();
        Connection c = null;
        for (long op = 0; !stop.get(); op++) {
            if (c == null) {
                try {
                    c = Sessions.open(nodes.get(node), null);
                } catch (SQLException e) {
                    node = (node + 1) % nodes.size();
                    pause();
                    continue;
                }
            }
            WriteOutcome outcome;
            if (op % 2 == 0) {
                int slot = (int) (op / 2 % KEYS_PER_WRITER);
                int key = writer * KEYS_PER_WRITER + slot;
                long value = ++versions[slot];
                long invoke = System.nanoTime();
                outcome = execute(c, "UPDATE hist.kv SET v = " + value + " WHERE k = " + key);
                history.write(new History.Write(key, value, invoke, System.nanoTime(), outcome));
            } else {
                long id = nextId.getAndIncrement();
                long invoke = System.nanoTime();
                outcome = execute(c, "INSERT INTO hist.ev VALUES (" + id + ", 'w" + writer + "')");
                history.add(new History.Add(id, invoke, System.nanoTime(), outcome));
            }
            if (outcome != WriteOutcome.ACKED) {
                Sessions.closeQuietly(c);
                c = null;
                node = (node + 1) % nodes.size();
            } else if (op % 50 == 49) {
                node = (node + 1) % nodes.size();
                Sessions.closeQuietly(c);
                c = null;
            }
        }
        Sessions.closeQuietly(c);
    }

    /** Runs a write that must change exactly one row; returns what the client may conclude. */
    private WriteOutcome execute(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            int changed = s.executeUpdate(sql);
            if (changed != 1) {
                unexpected.add(sql + " changed " + changed + " rows");
                return WriteOutcome.UNEXPECTED;
            }
            return WriteOutcome.ACKED;
        } catch (SQLException e) {
            WriteOutcome outcome = WriteOutcome.of(e);
            errors.merge("write " + outcome + ": " + e.getErrorCode() + " " + gist(e), 1L, Long::sum);
            if (outcome == WriteOutcome.UNEXPECTED) {
                unexpected.add(sql + ": " + e);
            }
            return outcome;
        }
    }

    private void reader(int reader, List<BasaltProcess> nodes, History history) {
        int node = reader % nodes.size();
        Connection c = null;
        for (long op = 0; !stop.get(); op++) {
            try {
                if (c == null) {
                    c = Sessions.openLinearizable(nodes.get(node), null);
                }
                String where = nodes.get(node).raftAddress();
                long invoke = System.nanoTime();
                if (op % 4 == 3) {
                    Set<Long> ids = set(c);
                    history.setRead(new History.SetRead(ids, invoke, System.nanoTime(), where));
                } else {
                    Map<Integer, Long> values = registers(c);
                    history.read(new History.Read(values, invoke, System.nanoTime(), where));
                }
                if (op % 50 == 49) {
                    Sessions.closeQuietly(c);
                    c = null;
                    node = (node + 1) % nodes.size();
                }
            } catch (SQLException e) {
                errors.merge("read: " + e.getErrorCode() + " " + gist(e), 1L, Long::sum);
                Sessions.closeQuietly(c);
                c = null;
                node = (node + 1) % nodes.size();
                pause();
            }
        }
        Sessions.closeQuietly(c);
    }

    private static Map<Integer, Long> registers(Connection c) throws SQLException {
        Map<Integer, Long> values = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT k, v FROM hist.kv")) {
            while (rs.next()) {
                values.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return values;
    }

    private static Set<Long> set(Connection c) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM hist.ev")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static String gist(SQLException e) {
        String m = String.valueOf(e.getMessage()).replaceAll("127\\.0\\.0\\.1:\\d+", "<node>").replaceAll("\\d+", "N");
        return m.length() <= 100 ? m : m.substring(0, 100);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
