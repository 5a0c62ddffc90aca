package io.basalt.consensus;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.alipay.sofa.jraft.Closure;
import com.alipay.sofa.jraft.Status;

/**
 * The jraft closure behind one {@link RaftNode#propose} future. The state-machine thread records
 * apply's outcome with {@link #applied} and then runs the closure with an OK status; jraft runs it
 * with an error status when the entry could not be committed on this node.
 */
final class ProposalClosure implements Closure {

    private final CompletableFuture<Object> future;
    private final Completions completions;
    private final Supplier<Optional<String>> leader;
    // Written and read on the state-machine thread (applied, then run); the executor hand-off
    // publishes them to the completing thread.
    private Object result;
    private RuntimeException failure;

    ProposalClosure(CompletableFuture<Object> future, Completions completions, Supplier<Optional<String>> leader) {
        this.future = future;
        this.completions = completions;
        this.leader = leader;
    }

    void applied(Object result, RuntimeException failure) {
        this.result = result;
        this.failure = failure;
    }

    @Override
    public void run(Status status) {
        if (!status.isOk()) {
            completions.fail(future, Failures.ofProposal(status, leader.get()));
        } else if (failure != null) {
            completions.fail(future, failure);
        } else {
            completions.complete(future, result);
        }
    }
}
