package io.basalt.tests.cluster;

import io.basalt.tests.harness.BasaltCluster;
import io.basalt.tests.harness.BasaltProcess;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * Measures, in one run, on real node processes on this machine: how long a three-node cluster takes writes
 * again after its leader is killed with kill -9 (several runs), the commit latency of single-row INSERTs on a
 * one-node and a three-node cluster, and the throughput of 1000-row INSERTs on both. Prints a small table.
 * Not a test: it asserts nothing, and surefire does not run it.
 *
 * <p>Run from the repository root, after building the server jar:
 * <pre>{@code
 * mvn -o -q install -DskipTests
 * mvn -o -q -pl tests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp tests/target/test-classes:$(cat tests/target/test-cp.txt) -Dbasalt.repo.root=$PWD \
 *     io.basalt.tests.cluster.ClusterBench
 * }</pre>
 * {@code -Dbench.failovers=5 -Dbench.inserts=2000 -Dbench.batches=100} change the sizes. Node logs go to
 * {@code tests/target/basalt-logs/bench-*}.
 */
public final class ClusterBench {

    private static final int FAILOVERS = Integer.getInteger("bench.failovers", 5);
    private static final int INSERTS = Integer.getInteger("bench.inserts", 2000);
    private static final int BATCHES = Integer.getInteger("bench.batches", 100);
    private static final int BATCH_ROWS = 1000;
    private static final int WARMUP_INSERTS = 300;
    private static final int WARMUP_BATCHES = 10;
    /** Full JIT, unlike the tests' nodes: this measures speed. */
    private static final String NODE_JVM = "-Xmx1g";

    private ClusterBench() {
    }

    /** One column of the latency and throughput table. */
    private record Figures(String setup, double p50Ms, double p99Ms, double rowsPerSecond) {}

    public static void main(String[] args) throws Exception {
        List<Figures> figures = new ArrayList<>();
        long[] failovers;
        try (BasaltCluster one = BasaltCluster.builder("bench-1").nodes(1).jvmArgs(NODE_JVM).start()) {
            BasaltProcess node = one.awaitLeader(one.nodes());
            figures.add(measure("1 node", node, "b1"));
        }
        try (BasaltCluster three = BasaltCluster.builder("bench-3").nodes(3).jvmArgs(NODE_JVM).start()) {
            BasaltProcess leader = three.awaitLeader(three.nodes());
            figures.add(measure("3 nodes, client on leader", leader, "b3l"));
            figures.add(measure("3 nodes, client on follower", three.othersThan(leader).get(0), "b3f"));
            failovers = failovers(three);
        }

        System.out.println();
        System.out.printf("%-30s %12s %12s %18s%n", "setup", "INSERT p50", "INSERT p99", "1000-row INSERTs");
        for (Figures f : figures) {
            System.out.printf("%-30s %9.2f ms %9.2f ms %12.0f rows/s%n", f.setup(), f.p50Ms(), f.p99Ms(), f.rowsPerSecond());
        }
        long[] sorted = failovers.clone();
        Arrays.sort(sorted);
        System.out.printf("%nkill -9 of the leader -> first acknowledged write on the new leader, %d runs: "
                + "min %d ms, median %d ms, max %d ms (all: %s)%n", sorted.length, sorted[0], sorted[sorted.length / 2],
                sorted[sorted.length - 1], Arrays.toString(failovers));
        System.out.printf("(%d single-row INSERTs after %d warm-up; %d batches of %d rows after %d warm-up; "
                + "%d cores)%n", INSERTS, WARMUP_INSERTS, BATCHES, BATCH_ROWS, WARMUP_BATCHES,
                Runtime.getRuntime().availableProcessors());
    }

    /** Single-row INSERT latency and 1000-row INSERT throughput through {@code node}, in a new database. */
    private static Figures measure(String setup, BasaltProcess node, String database) throws SQLException {
        try (Connection c = Sessions.open(node, null); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
            s.execute("CREATE TABLE " + database + ".one (id BIGINT NOT NULL, v VARCHAR(40))");
            s.execute("CREATE TABLE " + database + ".batch (id BIGINT NOT NULL, v VARCHAR(40))");
            long[] nanos = new long[INSERTS];
            for (int i = -WARMUP_INSERTS; i < INSERTS; i++) {
                long start = System.nanoTime();
                s.executeUpdate("INSERT INTO " + database + ".one VALUES (" + i + ", 'v-" + i + "')");
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - start;
                }
            }
            Arrays.sort(nanos);
            long rows = 0;
            long start = 0;
            for (int b = -WARMUP_BATCHES; b < BATCHES; b++) {
                if (b == 0) {
                    start = System.nanoTime();
                }
                StringJoiner values = new StringJoiner(", ");
                for (int i = 0; i < BATCH_ROWS; i++) {
                    long id = (long) (b + WARMUP_BATCHES) * BATCH_ROWS + i;
                    values.add("(" + id + ", 'v-" + id + "')");
                }
                s.executeUpdate("INSERT INTO " + database + ".batch VALUES " + values);
                if (b >= 0) {
                    rows += BATCH_ROWS;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Figures(setup, nanos[INSERTS / 2] / 1e6, nanos[(int) Math.ceil(INSERTS * 0.99) - 1] / 1e6,
                    rows / seconds);
        }
    }

    /**
     * Kills the leader with kill -9 while two clients write through the followers; the time until the first
     * write sent after the leader is gone is acknowledged. Restarts the killed node between runs.
     */
    private static long[] failovers(BasaltCluster cluster) throws Exception {
        BasaltProcess any = cluster.node(0);
        Sessions.execute(any, "CREATE DATABASE fo", "CREATE TABLE fo.t (id BIGINT NOT NULL, v VARCHAR(40))");
        long[] millis = new long[FAILOVERS];
        int retries = 0;
        for (int run = 0; run < FAILOVERS; run++) {
            cluster.awaitConverged(cluster.nodes());
            BasaltProcess leader = cluster.awaitLeader(cluster.nodes());
            long term = BasaltCluster.status(leader).orElseThrow().term();
            try (InsertWorkload writes = new InsertWorkload("fo.t", 2, cluster.othersThan(leader))) {
                writes.start();
                writes.awaitAcked(50, Duration.ofSeconds(60));
                // On a busy machine a leader can lose its lease on its own; such a run measures nothing.
                if (BasaltCluster.status(leader).filter(s -> s.isLeader() && s.term() == term).isEmpty()) {
                    System.out.printf("failover run %d: leadership moved before the kill; run again%n", run + 1);
                    writes.stop();
                    if (++retries > FAILOVERS) {
                        throw new IllegalStateException("leadership keeps moving without a kill; machine too busy?");
                    }
                    run--;
                    continue;
                }
                leader.kill9();
                long killed = System.nanoTime();
                writes.awaitAcked(writes.ackedCount() + 20, Duration.ofSeconds(60));
                writes.stop();
                millis[run] = (writes.firstAckOfInsertSentAfter(killed).orElseThrow() - killed) / 1_000_000;
                System.out.printf("failover run %d: %d ms (%s)%n", run + 1, millis[run], writes);
            }
            leader.start();
        }
        return millis;
    }
}
