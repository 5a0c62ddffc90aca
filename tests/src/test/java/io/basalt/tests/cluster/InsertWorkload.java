package io.basalt.tests.cluster;

import io.basalt.tests.harness.Await;
import io.basalt.tests.harness.BasaltProcess;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Clients that keep inserting single rows {@code (id, 'v-<id>')} with ids unique across all of them, each
 * client going round-robin over the current target nodes, and that record the outcome of every insert
 * ({@link WriteOutcome}). A client moves on to the next node after {@link #WRITES_PER_VISIT} writes or at
 * once after an error, so a node that makes writes wait (one cut off from the leader) slows the stream
 * without stopping it. A client reconnects when its connection breaks; an insert is only issued on an open
 * connection, so a node that refuses connections costs no id. The test changes the targets as the cluster
 * changes (e.g. "every node but the leader").
 */
final class InsertWorkload implements AutoCloseable {

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);
    static final int WRITES_PER_VISIT = 25;

    private final String table;
    private final int clients;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, WriteOutcome> outcomes = new ConcurrentHashMap<>();
    private final Map<Long, String> unexpected = new ConcurrentHashMap<>();
    private final Map<Long, Long> invokedAtNanos = new ConcurrentHashMap<>();
    private final Map<Long, Long> ackedAtNanos = new ConcurrentHashMap<>();
    private final Map<String, Long> errorCounts = new ConcurrentHashMap<>();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private volatile List<BasaltProcess> targets;

    /**
     * @param table the table, {@code db.t}, with columns {@code (id BIGINT, v VARCHAR)}
     * @param clients how many clients write concurrently
     * @param targets the nodes the clients write to at first
     */
    InsertWorkload(String table, int clients, List<BasaltProcess> targets) {
        this.table = table;
        this.clients = clients;
        this.targets = List.copyOf(targets);
    }

    void start() {
        for (int i = 0; i < clients; i++) {
            int client = i;
            Thread t = new Thread(() -> run(client), "insert-client-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** The nodes to write to from now on. */
    void targets(List<BasaltProcess> nodes) {
        targets = List.copyOf(nodes);
    }

    private void run(int client) {
        Map<BasaltProcess, Connection> connections = new HashMap<>();
        int turn = client;
        int writesHere = 0;
        try {
            while (!stop.get()) {
                List<BasaltProcess> now = targets;
                if (now.isEmpty()) {
                    pause(50);
                    continue;
                }
                if (writesHere >= WRITES_PER_VISIT) {
                    turn++;
                    writesHere = 0;
                }
                BasaltProcess node = now.get(Math.floorMod(turn, now.size()));
                Connection c = connections.get(node);
                if (c == null) {
                    try {
                        c = Sessions.open(node, null);
                        connections.put(node, c);
                    } catch (SQLException e) {
                        count("connect: " + e.getClass().getSimpleName());
                        turn++;
                        pause(100);
                        continue;
                    }
                }
                long id = nextId.getAndIncrement();
                insert(c, id);
                WriteOutcome outcome = outcomes.get(id);
                writesHere++;
                if (outcome != WriteOutcome.ACKED) {
                    writesHere = WRITES_PER_VISIT;
                }
                if (outcome != WriteOutcome.ACKED && outcome != WriteOutcome.FAILED) {
                    Sessions.closeQuietly(connections.remove(node));
                }
            }
        } finally {
            connections.values().forEach(Sessions::closeQuietly);
        }
    }

    /** Inserts one row outside the clients (a probe the test sends itself), recorded like theirs; its error. */
    SQLException probe(Connection c) {
        return insert(c, nextId.getAndIncrement());
    }

    /** Inserts row {@code id} on {@code c} and records the outcome; returns the error, null when acknowledged. */
    private SQLException insert(Connection c, long id) {
        outcomes.put(id, WriteOutcome.UNKNOWN);
        invokedAtNanos.put(id, System.nanoTime());
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO " + table + " VALUES (" + id + ", 'v-" + id + "')");
            ackedAtNanos.put(id, System.nanoTime());
            outcomes.put(id, WriteOutcome.ACKED);
            acked.incrementAndGet();
            return null;
        } catch (SQLException e) {
            WriteOutcome outcome = WriteOutcome.of(e);
            count(outcome + ": " + e.getErrorCode() + " " + shorten(e.getMessage()));
            if (outcome == WriteOutcome.UNEXPECTED) {
                unexpected.put(id, e.toString());
            }
            outcomes.put(id, outcome);
            return e;
        }
    }

    private static String shorten(String message) {
        String m = String.valueOf(message).replaceAll("127\\.0\\.0\\.1:\\d+", "<node>").replaceAll("\\d+", "N");
        return m.length() <= 120 ? m : m.substring(0, 120);
    }

    private void count(String what) {
        errorCounts.merge(what, 1L, Long::sum);
    }

    long ackedCount() {
        return acked.get();
    }

    /** Waits until {@code total} inserts have been acknowledged since the start. */
    void awaitAcked(long total, Duration timeout) {
        Await.untilTrue(total + " acknowledged inserts (" + this + ")", timeout, () -> acked.get() >= total);
    }

    /**
     * When the first insert sent after {@code nanoTime} was acknowledged ({@link System#nanoTime()}), if any: with
     * a fault at {@code nanoTime}, how long until the cluster took new writes again.
     */
    OptionalLong firstAckOfInsertSentAfter(long nanoTime) {
        return ackedAtNanos.entrySet().stream().filter(e -> invokedAtNanos.get(e.getKey()) - nanoTime > 0)
                .mapToLong(Map.Entry::getValue).min();
    }

    /** Stops the clients and waits for their last inserts to finish. */
    void stop() {
        stop.set(true);
        for (Thread t : threads) {
            try {
                t.join(JOIN_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (t.isAlive()) {
                throw new AssertionError(t.getName() + " still runs " + JOIN_TIMEOUT + " after stop: " + this);
            }
        }
    }

    /** The ids whose inserts ended with one of {@code kinds}. */
    Set<Long> ids(WriteOutcome first, WriteOutcome... rest) {
        Set<WriteOutcome> kinds = EnumSet.of(first, rest);
        return outcomes.entrySet().stream().filter(e -> kinds.contains(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Inserts that failed with an error outside the cluster contract, by id. */
    Map<Long, String> unexpectedErrors() {
        return new TreeMap<>(unexpected);
    }

    @Override
    public void close() {
        stop.set(true);
    }

    @Override
    public String toString() {
        Map<WriteOutcome, Long> byOutcome = outcomes.values().stream()
                .collect(Collectors.groupingBy(o -> o, () -> new java.util.EnumMap<>(WriteOutcome.class),
                        Collectors.counting()));
        return "inserts " + byOutcome + ", errors " + new TreeMap<>(errorCounts);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
