package io.basalt.consensus;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Completes futures on the node's callback executor rather than on jraft's threads, so that code a
 * caller chains onto a future never runs on (and stalls) the state-machine or RPC threads.
 */
final class Completions {

    private final Executor executor;

    Completions(Executor executor) {
        this.executor = executor;
    }

    <T> void complete(CompletableFuture<T> future, T value) {
        run(() -> future.complete(value));
    }

    void fail(CompletableFuture<?> future, Throwable error) {
        run(() -> future.completeExceptionally(error));
    }

    private void run(Runnable completion) {
        try {
            executor.execute(completion);
        } catch (RejectedExecutionException closing) {
            // The node is closing: complete here rather than leave the future hanging.
            completion.run();
        }
    }
}
