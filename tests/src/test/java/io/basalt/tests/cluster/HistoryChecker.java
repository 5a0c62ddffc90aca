package io.basalt.tests.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a {@link History} of linearizable reads and writes, and the state the cluster ended in.
 *
 * <p>Registers: each key has one writer, which sends its writes one after another with ever larger values and
 * waits for each outcome, so a larger value is a later version. (A write with an unknown outcome could in
 * theory take effect after the writer's next write only if the cluster proposed a request long after the
 * client gave up on it; Basalt proposes forwarded writes on receipt, so the checker takes value order as
 * version order.) For every key it demands:
 * <ul>
 *   <li>a read returns the initial value or a value some write sent, not one the server refused, and not
 *       before that write was invoked;</li>
 *   <li>a read returns no version older than one a write acknowledged before the read was invoked;</li>
 *   <li>a read returns no version older than one an earlier read returned that completed before this read
 *       was invoked;</li>
 *   <li>at the end, the register holds its last acknowledged version or a later one.</li>
 * </ul>
 * The set: a read contains every element whose insert was acknowledged before the read was invoked and
 * every element an earlier completed read contained, and nothing refused or not yet sent; at the end the
 * set contains every acknowledged element and nothing refused.
 */
final class HistoryChecker {

    private static final int MAX_REPORTED = 25;

    private final History history;
    private final long initialValue;
    private final List<String> violations = new ArrayList<>();
    private int found;
    private final Map<Integer, Map<Long, History.Write>> writesByKey = new HashMap<>();

    private HistoryChecker(History history, long initialValue) {
        this.history = history;
        this.initialValue = initialValue;
        for (History.Write w : history.writes()) {
            History.Write earlier = writesByKey.computeIfAbsent(w.key(), k -> new HashMap<>()).put(w.value(), w);
            if (earlier != null) {
                throw new IllegalArgumentException("value " + w.value() + " written twice to key " + w.key());
            }
        }
    }

    /**
     * @param initialValue every register's value before the history
     * @param finalValues the registers as the cluster holds them at the end
     * @param finalIds the set as the cluster holds it at the end
     * @return the violations found (the first few, then a count); empty when the history is consistent
     */
    static List<String> check(History history, long initialValue, Map<Integer, Long> finalValues, Set<Long> finalIds) {
        HistoryChecker c = new HistoryChecker(history, initialValue);
        c.checkReadValues();
        c.checkReadsNotStaleAfterWrites();
        c.checkReadsNotStaleAfterReads();
        c.checkFinalRegisters(finalValues);
        c.checkSetReads();
        c.checkFinalSet(finalIds);
        if (c.found > MAX_REPORTED) {
            c.violations.add("... and " + (c.found - MAX_REPORTED) + " more");
        }
        return c.violations;
    }

    private void violation(String message) {
        if (++found <= MAX_REPORTED) {
            violations.add(message);
        }
    }

    private void checkReadValues() {
        for (History.Read r : history.reads()) {
            for (Map.Entry<Integer, Long> e : r.values().entrySet()) {
                long v = e.getValue();
                if (v == initialValue) {
                    continue;
                }
                History.Write w = writesByKey.getOrDefault(e.getKey(), Map.of()).get(v);
                if (w == null) {
                    violation("read on " + r.node() + " at " + history.at(r.invoke()) + " returned key " + e.getKey()
                            + " = " + v + ", which no client wrote");
                } else if (w.outcome() == WriteOutcome.FAILED) {
                    violation("read on " + r.node() + " at " + history.at(r.invoke()) + " returned key " + e.getKey()
                            + " = " + v + ", whose write was refused at " + history.at(w.complete()));
                } else if (w.invoke() > r.complete()) {
                    violation("read on " + r.node() + " completed at " + history.at(r.complete()) + " returned key "
                            + e.getKey() + " = " + v + ", written only at " + history.at(w.invoke()));
                }
            }
        }
    }

    private void checkReadsNotStaleAfterWrites() {
        List<History.Write> acked = history.writes().stream().filter(w -> w.outcome() == WriteOutcome.ACKED)
                .sorted(Comparator.comparingLong(History.Write::complete)).toList();
        List<History.Read> reads = history.reads().stream().sorted(Comparator.comparingLong(History.Read::invoke)).toList();
        Map<Integer, History.Write> latest = new HashMap<>();
        int next = 0;
        for (History.Read r : reads) {
            while (next < acked.size() && acked.get(next).complete() < r.invoke()) {
                History.Write w = acked.get(next++);
                latest.merge(w.key(), w, (a, b) -> a.value() >= b.value() ? a : b);
            }
            for (History.Write w : latest.values()) {
                Long v = r.values().get(w.key());
                if (v == null || v < w.value()) {
                    violation("stale read on " + r.node() + " at " + history.at(r.invoke()) + ": key " + w.key() + " = "
                            + v + ", but " + w.value() + " was acknowledged at " + history.at(w.complete()));
                }
            }
        }
    }

    private void checkReadsNotStaleAfterReads() {
        List<History.Read> byInvoke = history.reads().stream().sorted(Comparator.comparingLong(History.Read::invoke))
                .toList();
        List<History.Read> byComplete = history.reads().stream()
                .sorted(Comparator.comparingLong(History.Read::complete)).toList();
        Map<Integer, Long> highest = new HashMap<>();
        Map<Integer, History.Read> highestBy = new HashMap<>();
        int next = 0;
        for (History.Read r : byInvoke) {
            while (next < byComplete.size() && byComplete.get(next).complete() < r.invoke()) {
                History.Read earlier = byComplete.get(next++);
                for (Map.Entry<Integer, Long> e : earlier.values().entrySet()) {
                    if (e.getValue() > highest.getOrDefault(e.getKey(), Long.MIN_VALUE)) {
                        highest.put(e.getKey(), e.getValue());
                        highestBy.put(e.getKey(), earlier);
                    }
                }
            }
            for (Map.Entry<Integer, Long> e : highest.entrySet()) {
                Long v = r.values().get(e.getKey());
                if (v == null || v < e.getValue()) {
                    History.Read earlier = highestBy.get(e.getKey());
                    violation("stale read on " + r.node() + " at " + history.at(r.invoke()) + ": key " + e.getKey()
                            + " = " + v + ", but a read on " + earlier.node() + " completed at "
                            + history.at(earlier.complete()) + " had returned " + e.getValue());
                }
            }
        }
    }

    private void checkFinalRegisters(Map<Integer, Long> finalValues) {
        Set<Integer> keys = new TreeSet<>(writesByKey.keySet());
        for (Integer key : keys) {
            Long f = finalValues.get(key);
            long lastAcked = writesByKey.get(key).values().stream().filter(w -> w.outcome() == WriteOutcome.ACKED)
                    .mapToLong(History.Write::value).max().orElse(initialValue);
            if (f == null) {
                violation("key " + key + " is missing at the end");
                continue;
            }
            if (f != initialValue) {
                History.Write w = writesByKey.get(key).get(f);
                if (w == null) {
                    violation("key " + key + " ends as " + f + ", which no client wrote");
                } else if (w.outcome() == WriteOutcome.FAILED) {
                    violation("key " + key + " ends as " + f + ", whose write was refused");
                }
            }
            if (f < lastAcked) {
                violation("key " + key + " ends as " + f + ": the acknowledged write of " + lastAcked + " is lost");
            }
        }
    }

    private void checkSetReads() {
        Map<Long, History.Add> addsById = new HashMap<>();
        for (History.Add a : history.adds()) {
            addsById.put(a.id(), a);
        }
        List<History.Add> acked = history.adds().stream().filter(a -> a.outcome() == WriteOutcome.ACKED)
                .sorted(Comparator.comparingLong(History.Add::complete)).toList();
        List<History.SetRead> byInvoke = history.setReads().stream()
                .sorted(Comparator.comparingLong(History.SetRead::invoke)).toList();
        List<History.SetRead> byComplete = history.setReads().stream()
                .sorted(Comparator.comparingLong(History.SetRead::complete)).toList();
        Set<Long> mustContain = new HashSet<>();
        int nextAck = 0;
        int nextRead = 0;
        for (History.SetRead r : byInvoke) {
            while (nextAck < acked.size() && acked.get(nextAck).complete() < r.invoke()) {
                mustContain.add(acked.get(nextAck++).id());
            }
            while (nextRead < byComplete.size() && byComplete.get(nextRead).complete() < r.invoke()) {
                mustContain.addAll(byComplete.get(nextRead++).ids());
            }
            Set<Long> missing = new TreeSet<>(mustContain);
            missing.removeAll(r.ids());
            if (!missing.isEmpty()) {
                violation("stale set read on " + r.node() + " at " + history.at(r.invoke()) + ": missing " + first(missing)
                        + " (acknowledged or seen by a completed read before it started)");
            }
            for (Long id : r.ids()) {
                History.Add a = addsById.get(id);
                if (a == null || a.outcome() == WriteOutcome.FAILED || a.invoke() > r.complete()) {
                    violation("set read on " + r.node() + " at " + history.at(r.invoke()) + " contains " + id
                            + (a == null ? ", never inserted" : a.outcome() == WriteOutcome.FAILED
                            ? ", whose insert was refused" : ", inserted only at " + history.at(a.invoke())));
                }
            }
        }
    }

    private void checkFinalSet(Set<Long> finalIds) {
        Set<Long> lost = new TreeSet<>();
        Set<Long> phantom = new TreeSet<>(finalIds);
        for (History.Add a : history.adds()) {
            if (a.outcome() == WriteOutcome.ACKED && !finalIds.contains(a.id())) {
                lost.add(a.id());
            }
            if (a.outcome() != WriteOutcome.FAILED) {
                phantom.remove(a.id());
            }
        }
        if (!lost.isEmpty()) {
            violation("acknowledged inserts missing at the end: " + first(lost));
        }
        if (!phantom.isEmpty()) {
            violation("rows present at the end whose insert was refused or never sent: " + first(phantom));
        }
    }

    private static String first(Set<Long> ids) {
        return ids.size() <= 10 ? ids.toString() : ids.stream().limit(10).toList() + " and " + (ids.size() - 10) + " more";
    }
}
