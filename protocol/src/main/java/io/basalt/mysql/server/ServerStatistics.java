package io.basalt.mysql.server;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/** Server-wide counters behind COM_STATISTICS (mysqladmin status). */
final class ServerStatistics {
    private final long startNanos = System.nanoTime();
    private final LongAdder questions = new LongAdder();
    private final IntSupplier connections;

    ServerStatistics(IntSupplier connections) {
        this.connections = connections;
    }

    /** Counts one command received from a client. */
    void question() {
        questions.increment();
    }

    /** The one-line status MySQL answers COM_STATISTICS with. */
    String summary() {
        long uptime = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos));
        long asked = questions.sum();
        return String.format(Locale.ROOT,
                "Uptime: %d  Threads: %d  Questions: %d  Slow queries: 0  Opens: 0  Flush tables: 0  Open tables: 0"
                        + "  Queries per second avg: %.3f",
                uptime, connections.getAsInt(), asked, (double) asked / uptime);
    }
}
