package io.basalt.mysql.server;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: each connection gets one, so its
 * commands never overlap while connections still share the pool's threads.
 */
final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor pool;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    /** Queues {@code task}; tasks that cannot run because the pool shut down are dropped. */
    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                pool.execute(this::drain);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
                tasks.clear();
                LOG.debug("Dropping connection tasks: worker pool is shut down");
            }
        }
    }

    private void drain() {
        try {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                try {
                    task.run();
                } catch (RuntimeException | AssertionError | StackOverflowError e) {
                    LOG.warn("Connection task failed", e);
                }
            }
        } finally {
            scheduled.set(false);
            // A task added after the last poll but before the flag was cleared must not be stranded.
            if (!tasks.isEmpty()) {
                schedule();
            }
        }
    }
}
