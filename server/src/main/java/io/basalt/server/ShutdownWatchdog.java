package io.basalt.server;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds a clean shutdown. A node stopping on SIGTERM closes its services in order; should one of
 * them never return (seen once: the Raft library waiting on its snapshot executor), the process
 * must still end. Every acknowledged write is already in the fsynced Raft log, so ending without a
 * final snapshot loses nothing: the next start replays the log.
 */
final class ShutdownWatchdog {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownWatchdog.class);

    private ShutdownWatchdog() {}

    /**
     * Runs {@code close}; if it has not returned within {@code timeout}, logs every thread's stack
     * and runs {@code onTimeout} (in production: halt the JVM) from another thread.
     *
     * @return whether {@code close} returned before the watchdog fired
     */
    static boolean guard(Runnable close, Duration timeout, Runnable onTimeout) {
        CountDownLatch done = new CountDownLatch(1);
        AtomicBoolean fired = new AtomicBoolean();
        Thread watchdog = new Thread(() -> {
            try {
                if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    fired.set(true);
                    LOG.error("shutdown did not finish within {} s; stopping the process anyway. Threads:\n{}",
                            timeout.toSeconds(), threadDump());
                    onTimeout.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "basalt-shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            close.run();
        } finally {
            done.countDown();
        }
        return !fired.get();
    }

    private static String threadDump() {
        StringBuilder out = new StringBuilder();
        for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            out.append('"').append(t.getThreadName()).append("\" ").append(t.getThreadState()).append('\n');
            for (StackTraceElement e : t.getStackTrace()) {
                out.append("    at ").append(e).append('\n');
            }
        }
        return out.toString();
    }
}
