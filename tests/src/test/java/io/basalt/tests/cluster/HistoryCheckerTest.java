package io.basalt.tests.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checker itself, on small hand-made histories: it accepts consistent ones and names each anomaly. */
class HistoryCheckerTest {

    private static final long MS = 1_000_000;

    private static History.Write write(int key, long value, long invokeMs, long completeMs, WriteOutcome outcome) {
        return new History.Write(key, value, invokeMs * MS, completeMs * MS, outcome);
    }

    private static History.Read read(long v, long invokeMs, long completeMs) {
        return new History.Read(Map.of(1, v), invokeMs * MS, completeMs * MS, "n1");
    }

    @Test
    void acceptsAConsistentHistory() {
        History h = new History(0);
        h.write(write(1, 1, 0, 10, WriteOutcome.ACKED));
        h.write(write(1, 2, 20, 30, WriteOutcome.UNKNOWN));
        h.write(write(1, 3, 40, 50, WriteOutcome.FAILED));
        h.write(write(1, 4, 60, 70, WriteOutcome.ACKED));
        h.read(read(0, 0, 5));      // concurrent with the first write
        h.read(read(1, 11, 15));
        h.read(read(1, 21, 25));    // the unknown write has not taken effect yet
        h.read(read(2, 26, 35));    // now it has
        h.read(read(2, 36, 37));
        h.read(read(4, 65, 80));    // concurrent with the last write
        h.add(new History.Add(7, 0, 10 * MS, WriteOutcome.ACKED));
        h.add(new History.Add(8, 20 * MS, 30 * MS, WriteOutcome.FAILED));
        h.setRead(new History.SetRead(Set.of(7L), 11 * MS, 12 * MS, "n2"));

        assertThat(HistoryChecker.check(h, 0, Map.of(1, 4L), Set.of(7L))).isEmpty();
    }

    @Test
    void flagsAReadOlderThanAnEarlierCompletedRead() {
        History h = new History(0);
        h.write(write(1, 1, 0, 10, WriteOutcome.ACKED));
        h.write(write(1, 2, 20, 100, WriteOutcome.ACKED));
        h.read(read(2, 30, 40));
        h.read(read(1, 50, 60));

        assertThat(HistoryChecker.check(h, 0, Map.of(1, 2L), Set.of()))
                .singleElement().asString().contains("stale read").contains("had returned 2");
    }

    @Test
    void flagsAReadOlderThanAnAcknowledgedWrite() {
        History h = new History(0);
        h.write(write(1, 1, 0, 10, WriteOutcome.ACKED));
        h.read(read(0, 20, 30));

        assertThat(HistoryChecker.check(h, 0, Map.of(1, 1L), Set.of()))
                .singleElement().asString().contains("stale read").contains("1 was acknowledged");
    }

    @Test
    void flagsValuesNeverWrittenOrRefused() {
        History h = new History(0);
        h.write(write(1, 1, 0, 10, WriteOutcome.FAILED));
        h.write(write(1, 2, 20, 30, WriteOutcome.ACKED));
        h.read(read(1, 11, 12));
        h.read(read(9, 40, 41));

        assertThat(HistoryChecker.check(h, 0, Map.of(1, 2L), Set.of())).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("whose write was refused"))
                .anySatisfy(v -> assertThat(v).contains("which no client wrote"));
    }

    @Test
    void flagsLostAcknowledgedWritesAndPhantomRows() {
        History h = new History(0);
        h.write(write(1, 1, 0, 10, WriteOutcome.ACKED));
        h.write(write(1, 2, 20, 30, WriteOutcome.ACKED));
        h.add(new History.Add(7, 0, 10 * MS, WriteOutcome.ACKED));
        h.add(new History.Add(8, 20 * MS, 30 * MS, WriteOutcome.FAILED));

        assertThat(HistoryChecker.check(h, 0, Map.of(1, 1L), Set.of(8L))).hasSize(3)
                .anySatisfy(v -> assertThat(v).contains("acknowledged write of 2 is lost"))
                .anySatisfy(v -> assertThat(v).contains("acknowledged inserts missing at the end: [7]"))
                .anySatisfy(v -> assertThat(v).contains("refused or never sent: [8]"));
    }

    @Test
    void flagsAStaleSetRead() {
        History h = new History(0);
        h.add(new History.Add(7, 0, 10 * MS, WriteOutcome.ACKED));
        h.setRead(new History.SetRead(Set.of(), 11 * MS, 12 * MS, "n3"));

        assertThat(HistoryChecker.check(h, 0, Map.of(), Set.of(7L)))
                .singleElement().asString().contains("stale set read").contains("[7]");
    }
}
