package io.basalt.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShutdownWatchdogTest {

    @Test
    void aCloseThatReturnsInTimeIsLeftAlone() {
        AtomicInteger fired = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        assertThat(ShutdownWatchdog.guard(closed::incrementAndGet, Duration.ofSeconds(5), fired::incrementAndGet))
                .isTrue();
        assertThat(closed).hasValue(1);
        assertThat(fired).hasValue(0);
    }

    @Test
    void aCloseThatHangsFiresTheWatchdog() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        // stands in for a close stuck in a library: it returns only once the watchdog has fired
        Runnable stuck = () -> {
            try {
                assertThat(fired.await(10, TimeUnit.SECONDS)).as("watchdog fired while close hung").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        boolean inTime = ShutdownWatchdog.guard(stuck, Duration.ofMillis(200), fired::countDown);
        assertThat(inTime).isFalse();
        assertThat(fired.getCount()).isZero();
    }
}
