package io.basalt.consensus;

import com.alipay.sofa.jraft.ReplicatorGroup;
import com.alipay.sofa.jraft.error.RemotingException;
import com.alipay.sofa.jraft.option.RpcOptions;
import com.alipay.sofa.jraft.rpc.InvokeCallback;
import com.alipay.sofa.jraft.rpc.InvokeContext;
import com.alipay.sofa.jraft.rpc.RpcClient;
import com.alipay.sofa.jraft.rpc.RpcRequests.InstallSnapshotRequest;
import com.alipay.sofa.jraft.util.Endpoint;

/**
 * One node's jraft RPC client: bolt's, except that peers the node is isolated from look unreachable.
 * {@code checkConnection} answers {@code false} for them, which jraft's client service treats as a
 * connection that cannot be made (it fails the request's closure at once with {@code EINTERNAL}), and
 * sends to them throw {@link RemotingException}, which jraft handles the same way. This is the path
 * jraft takes for a peer whose process is down, so replication, elections, read-index and snapshot
 * copies all back off and retry as they would then; a black hole would instead pin each request until
 * its RPC timeout (five minutes for InstallSnapshot) and delay recovery after the heal.
 */
final class IsolatingRpcClient implements RpcClient {

    private static final String REMOTE_URI_SCHEME = "remote://";

    private final RpcClient delegate;
    private final NodeRpcBinding binding;
    private final TransportFaults faults;

    IsolatingRpcClient(RpcClient delegate, NodeRpcBinding binding) {
        this.delegate = delegate;
        this.binding = binding;
        this.faults = binding.faults();
        faults.outboundHooked();
    }

    @Override
    public boolean init(RpcOptions options) {
        return delegate.init(options);
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public boolean checkConnection(Endpoint endpoint) {
        return !faults.isIsolatedFrom(endpoint) && delegate.checkConnection(endpoint);
    }

    @Override
    public boolean checkConnection(Endpoint endpoint, boolean createIfAbsent) {
        return !faults.isIsolatedFrom(endpoint) && delegate.checkConnection(endpoint, createIfAbsent);
    }

    @Override
    public void closeConnection(Endpoint endpoint) {
        delegate.closeConnection(endpoint);
    }

    @Override
    public void registerConnectEventListener(ReplicatorGroup replicatorGroup) {
        binding.replicators(replicatorGroup);
        delegate.registerConnectEventListener(replicatorGroup);
    }

    @Override
    public Object invokeSync(Endpoint endpoint, Object request, InvokeContext ctx, long timeoutMs)
            throws InterruptedException, RemotingException {
        if (faults.isIsolatedFrom(endpoint)) {
            throw unreachable(endpoint);
        }
        return delegate.invokeSync(endpoint, request, ctx, timeoutMs);
    }

    @Override
    public void invokeAsync(Endpoint endpoint, Object request, InvokeContext ctx, InvokeCallback callback,
            long timeoutMs) throws InterruptedException, RemotingException {
        if (faults.isIsolatedFrom(endpoint)) {
            throw unreachable(endpoint);
        }
        if (request instanceof InstallSnapshotRequest install) {
            noteSnapshotOffer(install, endpoint);
        }
        delegate.invokeAsync(endpoint, request, ctx, callback, timeoutMs);
    }

    /**
     * GetFile requests name only the snapshot reader they read, not their sender: remember which peer
     * each reader was offered to so the server side can refuse that peer's reads while isolated.
     */
    private void noteSnapshotOffer(InstallSnapshotRequest install, Endpoint peer) {
        String uri = install.getUri();
        int slash = uri.lastIndexOf('/');
        if (!uri.startsWith(REMOTE_URI_SCHEME) || slash < REMOTE_URI_SCHEME.length()) {
            return;
        }
        try {
            faults.snapshotOffered(Long.parseLong(uri.substring(slash + 1)), peer);
        } catch (NumberFormatException notAReader) {
            // A URI shape this jraft version does not produce; nothing to track.
        }
    }

    private RemotingException unreachable(Endpoint endpoint) {
        // No stack trace: jraft logs the message, and this is raised on every attempt while cut off.
        return new RemotingException("Raft traffic to " + endpoint + " is cut (fault injection)", null, false, false);
    }
}
