package io.basalt.consensus;

import static java.util.Objects.requireNonNull;

import com.alipay.sofa.jraft.option.RpcOptions;
import com.alipay.sofa.jraft.rpc.InvokeCallback;
import com.alipay.sofa.jraft.rpc.RpcClient;
import com.alipay.sofa.jraft.rpc.RpcContext;
import com.alipay.sofa.jraft.rpc.RpcProcessor;
import com.alipay.sofa.jraft.rpc.impl.BoltRpcClient;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request/response calls from a member to the current leader over the Raft port, for work only the
 * leader can do (proposing a client's write, changing the membership). The bytes are opaque here:
 * the caller defines what a request means and the handler the leader installed answers it.
 *
 * <p>Calls travel on the same port and under the same trust as Raft's own traffic, and obey
 * {@link TransportFaults}: a node isolated from the leader fails the call at once, and a leader
 * isolated from the caller drops it unanswered (the caller's timeout ends it).
 */
public final class LeaderForwarding {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderForwarding.class);

    /** A forwarded request. Public with a no-argument constructor for bolt's Hessian serializer. */
    public static final class Request implements Serializable {
        private static final long serialVersionUID = 1L;
        String sender;
        byte[] body;

        public Request() {}

        Request(String sender, byte[] body) {
            this.sender = sender;
            this.body = body;
        }
    }

    /** The leader's answer: the handler's bytes, or why there are none. */
    public static final class Response implements Serializable {
        private static final long serialVersionUID = 1L;
        byte[] body;
        String error;
        String leader;

        public Response() {}
    }

    private final String self;
    private final TransportFaults faults;
    private final Supplier<Optional<String>> leader;
    private final Supplier<Boolean> isLeader;
    private final Executor executor;
    private volatile Function<byte[], CompletableFuture<byte[]>> handler;
    private volatile RpcClient client;

    LeaderForwarding(String self, TransportFaults faults, Supplier<Optional<String>> leader,
            Supplier<Boolean> isLeader, Executor executor) {
        this.self = self;
        this.faults = faults;
        this.leader = leader;
        this.isLeader = isLeader;
        this.executor = executor;
    }

    /**
     * Installs what this node answers when it leads. The handler runs on the node's callback threads
     * and may block; a failed future is reported to the caller as a {@link ConsensusException}.
     */
    public void handle(Function<byte[], CompletableFuture<byte[]>> handler) {
        this.handler = requireNonNull(handler, "handler");
    }

    /**
     * Sends {@code body} to the leader this node currently knows and returns its handler's answer.
     * Fails with {@link NotLeaderException} when no leader is known or the receiver no longer leads
     * (nothing was done; safe to retry), and with {@link ConsensusException} when the call failed or
     * timed out (the outcome is unknown).
     *
     * @param body the request
     * @param timeout how long to wait for the answer
     * @return the leader's answer
     */
    public CompletableFuture<byte[]> toLeader(byte[] body, Duration timeout) {
        Optional<String> target = leader.get();
        if (target.isEmpty()) {
            return CompletableFuture.failedFuture(new NotLeaderException(Optional.empty(),
                    "no leader is known to " + self));
        }
        PeerAddress address = PeerAddress.parse(target.get());
        if (faults.isIsolatedFrom(address.toEndpoint())) {
            return CompletableFuture.failedFuture(new ConsensusException("EHOSTDOWN",
                    "leader " + target.get() + " is unreachable from " + self));
        }
        CompletableFuture<byte[]> future = new CompletableFuture<>();
        try {
            client().invokeAsync(address.toEndpoint(), new Request(self, body), new InvokeCallback() {
                @Override
                public void complete(Object result, Throwable err) {
                    if (err != null) {
                        future.completeExceptionally(failure(target.get(), err));
                    } else if (result instanceof Response r && r.error == null) {
                        future.complete(r.body);
                    } else if (result instanceof Response r && r.leader != null) {
                        future.completeExceptionally(new NotLeaderException(
                                r.leader.isEmpty() ? Optional.empty() : Optional.of(r.leader), r.error));
                    } else if (result instanceof Response r) {
                        future.completeExceptionally(new ConsensusException("EINTERNAL", r.error));
                    } else {
                        future.completeExceptionally(new ConsensusException("EINTERNAL",
                                "unexpected answer from " + target.get() + ": " + result));
                    }
                }

                @Override
                public Executor executor() {
                    return executor;
                }
            }, timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.completeExceptionally(new ConsensusException("EINTR", "interrupted while forwarding", e));
        } catch (Exception e) {
            future.completeExceptionally(failure(target.get(), e));
        }
        return future;
    }

    /**
     * EHOSTDOWN when no connection to the leader could be made (the request was never sent, so a
     * retry is safe); EINTERNAL otherwise (the leader may have received it).
     */
    private static ConsensusException failure(String leader, Throwable err) {
        boolean notSent = false;
        for (Throwable t = err; t != null && !notSent; t = t.getCause()) {
            // bolt reports a refused or unreachable connection only through this message
            notSent = t instanceof java.net.ConnectException
                    || t.getMessage() != null && t.getMessage().contains("Create connection failed");
        }
        return new ConsensusException(notSent ? "EHOSTDOWN" : "EINTERNAL",
                "forwarding to leader " + leader + " failed: " + err.getMessage(), err);
    }

    private RpcClient client() {
        RpcClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = new BoltRpcClient(new com.alipay.remoting.rpc.RpcClient());
                    c.init(new RpcOptions());
                    client = c;
                }
            }
        }
        return c;
    }

    void close() {
        RpcClient c = client;
        if (c != null) {
            c.shutdown();
        }
    }

    /** The leader side, registered on the node's Raft RPC server. */
    RpcProcessor<Request> processor() {
        return new RpcProcessor<>() {
            @Override
            public void handleRequest(RpcContext ctx, Request request) {
                if (request.sender != null && faults.isIsolatedFromSender(request.sender)) {
                    return; // dropped, as a cut network would
                }
                Response response = new Response();
                Function<byte[], CompletableFuture<byte[]>> h = handler;
                if (!isLeader.get() || h == null) {
                    response.error = self + " is not the leader";
                    response.leader = leader.get().orElse("");
                    ctx.sendResponse(response);
                    return;
                }
                CompletableFuture<byte[]> answer;
                try {
                    answer = h.apply(request.body);
                } catch (RuntimeException e) {
                    answer = CompletableFuture.failedFuture(e);
                }
                answer.whenComplete((body, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof java.util.concurrent.CompletionException
                                && error.getCause() != null ? error.getCause() : error;
                        if (cause instanceof NotLeaderException n) {
                            response.error = n.getMessage();
                            response.leader = n.leaderAddress().orElse("");
                        } else {
                            LOG.debug("forwarded request from {} failed", request.sender, cause);
                            response.error = String.valueOf(cause.getMessage());
                        }
                    } else {
                        response.body = body;
                    }
                    ctx.sendResponse(response);
                });
            }

            @Override
            public String interest() {
                return Request.class.getName();
            }

            @Override
            public Executor executor() {
                return executor;
            }
        };
    }
}
