package io.basalt.tests.cluster;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every operation concurrent clients ran against a cluster, with when it was invoked and when it completed
 * ({@link System#nanoTime()} of the test JVM, one clock for all clients) and what came of it. Thread-safe:
 * clients append as they go; {@link HistoryChecker} reads it afterwards.
 *
 * <p>Two objects are exercised: registers (an integer key whose value one client overwrites with ever larger
 * numbers) and a grow-only set (rows inserted with unique ids).
 */
final class History {

    /** {@code UPDATE ... SET v = value WHERE k = key}. */
    record Write(int key, long value, long invoke, long complete, WriteOutcome outcome) {}

    /** {@code INSERT} of the set element {@code id}. */
    record Add(long id, long invoke, long complete, WriteOutcome outcome) {}

    /** A successful linearizable read of every register. */
    record Read(Map<Integer, Long> values, long invoke, long complete, String node) {}

    /** A successful linearizable read of the whole set. */
    record SetRead(Set<Long> ids, long invoke, long complete, String node) {}

    private final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Add> adds = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Read> reads = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<SetRead> setReads = new ConcurrentLinkedQueue<>();
    private final long origin;

    /** @param origin the nanoTime that messages count from ("t=1234ms") */
    History(long origin) {
        this.origin = origin;
    }

    void write(Write w) {
        writes.add(w);
    }

    void add(Add a) {
        adds.add(a);
    }

    void read(Read r) {
        reads.add(r);
    }

    void setRead(SetRead r) {
        setReads.add(r);
    }

    List<Write> writes() {
        return List.copyOf(writes);
    }

    List<Add> adds() {
        return List.copyOf(adds);
    }

    List<Read> reads() {
        return List.copyOf(reads);
    }

    List<SetRead> setReads() {
        return List.copyOf(setReads);
    }

    /** A nanoTime as milliseconds since the origin, for messages. */
    String at(long nanos) {
        return "t=" + (nanos - origin) / 1_000_000 + "ms";
    }

    @Override
    public String toString() {
        return "history of " + writes.size() + " register writes, " + adds.size() + " set adds, " + reads.size()
                + " register reads, " + setReads.size() + " set reads";
    }
}
