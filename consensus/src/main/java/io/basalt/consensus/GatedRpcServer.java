package io.basalt.consensus;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.alipay.sofa.jraft.rpc.RpcContext;
import com.alipay.sofa.jraft.rpc.RpcProcessor;
import com.alipay.sofa.jraft.rpc.RpcRequests.AppendEntriesRequest;
import com.alipay.sofa.jraft.rpc.RpcRequests.GetFileRequest;
import com.alipay.sofa.jraft.rpc.RpcRequests.InstallSnapshotRequest;
import com.alipay.sofa.jraft.rpc.RpcRequests.ReadIndexRequest;
import com.alipay.sofa.jraft.rpc.RpcRequests.RequestVoteRequest;
import com.alipay.sofa.jraft.rpc.RpcRequests.TimeoutNowRequest;
import com.alipay.sofa.jraft.rpc.RpcServer;
import com.alipay.sofa.jraft.rpc.impl.ConnectionClosedEventListener;

/**
 * One node's Raft RPC server with a gate in front of jraft's processors for peer-to-peer requests.
 * The gate drops, unanswered, a request whose sender this node is isolated from (see
 * {@link TransportFaults}), and notes each AppendEntries that passes in {@link LeaderContact}. Each
 * request type names its sender in its own field; GetFile names only the snapshot reader, which the
 * node's RPC client mapped to the peer it offered the snapshot to. Other processors (Ping, CLI) are
 * registered unchanged. Everything else is passed to bolt's server as is.
 */
final class GatedRpcServer implements RpcServer {

    private final RpcServer delegate;
    private final TransportFaults faults;
    private final LeaderContact leaderContact;

    GatedRpcServer(RpcServer delegate, TransportFaults faults, LeaderContact leaderContact) {
        this.delegate = delegate;
        this.faults = faults;
        this.leaderContact = leaderContact;
    }

    @Override
    public boolean init(Void options) {
        return delegate.init(options);
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public void registerConnectionClosedEventListener(ConnectionClosedEventListener listener) {
        delegate.registerConnectionClosedEventListener(listener);
    }

    @Override
    public void registerProcessor(RpcProcessor<?> processor) {
        delegate.registerProcessor(gate(processor));
    }

    @Override
    public int boundPort() {
        return delegate.boundPort();
    }

    @Override
    public boolean isStarted() {
        return delegate.isStarted();
    }

    private RpcProcessor<?> gate(RpcProcessor<?> processor) {
        String interest = processor.interest();
        if (AppendEntriesRequest.class.getName().equals(interest)) {
            return new Gate<>(cast(processor), (AppendEntriesRequest r) -> faults.isIsolatedFromSender(r.getServerId()),
                    r -> leaderContact.heard(r.getServerId()));
        }
        if (RequestVoteRequest.class.getName().equals(interest)) {
            return new Gate<>(cast(processor), (RequestVoteRequest r) -> faults.isIsolatedFromSender(r.getServerId()),
                    null);
        }
        if (InstallSnapshotRequest.class.getName().equals(interest)) {
            return new Gate<>(cast(processor),
                    (InstallSnapshotRequest r) -> faults.isIsolatedFromSender(r.getServerId()), null);
        }
        if (TimeoutNowRequest.class.getName().equals(interest)) {
            return new Gate<>(cast(processor), (TimeoutNowRequest r) -> faults.isIsolatedFromSender(r.getServerId()),
                    null);
        }
        if (ReadIndexRequest.class.getName().equals(interest)) {
            // A follower forwarding a read names itself as serverId.
            return new Gate<>(cast(processor), (ReadIndexRequest r) -> faults.isIsolatedFromSender(r.getServerId()),
                    null);
        }
        if (GetFileRequest.class.getName().equals(interest)) {
            return new Gate<>(cast(processor), (GetFileRequest r) -> faults.isIsolatedFromReader(r.getReaderId()),
                    null);
        }
        return processor;
    }

    @SuppressWarnings("unchecked")
    private static <T> RpcProcessor<T> cast(RpcProcessor<?> processor) {
        // Safe: bolt routes to a processor only requests of the class it names in interest().
        return (RpcProcessor<T>) processor;
    }

    /** A processor that drops requests from isolated senders and hands the rest to jraft's. */
    private final class Gate<T> implements RpcProcessor<T> {

        private final RpcProcessor<T> delegate;
        private final Predicate<T> fromIsolatedPeer;
        private final Consumer<T> onAccepted;

        Gate(RpcProcessor<T> delegate, Predicate<T> fromIsolatedPeer, Consumer<T> onAccepted) {
            this.delegate = delegate;
            this.fromIsolatedPeer = fromIsolatedPeer;
            this.onAccepted = onAccepted;
        }

        @Override
        public void handleRequest(RpcContext ctx, T request) {
            if (faults.active() && fromIsolatedPeer.test(request)) {
                // Dropped unanswered, like a packet on a cut link; the sender's RPC times out.
                return;
            }
            if (onAccepted != null) {
                onAccepted.accept(request);
            }
            delegate.handleRequest(ctx, request);
        }

        @Override
        public String interest() {
            return delegate.interest();
        }

        @Override
        public Executor executor() {
            return delegate.executor();
        }

        @Override
        public ExecutorSelector executorSelector() {
            return delegate.executorSelector();
        }
    }
}
