package io.basalt.tests.harness;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Polls a condition until it holds or a deadline passes, for tests that wait on other processes. The
 * condition returns the value the test wants (empty while not there yet); an exception from it counts as
 * "not yet" and is quoted if time runs out.
 */
public final class Await {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    private Await() {
    }

    /**
     * @param what what is awaited, for the failure message
     * @param timeout how long to poll at most
     * @param probe returns the awaited value once it is there
     * @return the value
     * @throws AssertionError if the deadline passes first, with the last state the probe saw
     */
    public static <T> T until(String what, Duration timeout, Callable<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "never checked";
        while (true) {
            try {
                Optional<T> value = probe.call();
                if (value.isPresent()) {
                    return value.get();
                }
                last = "not yet";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            } catch (Exception | AssertionError e) {
                last = e.toString();
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + " (last: " + last + ")");
            }
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** As {@link #until(String, Duration, Callable)} for a condition with no value. */
    public static void untilTrue(String what, Duration timeout, Callable<Boolean> condition) {
        until(what, timeout, () -> condition.call() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }
}
