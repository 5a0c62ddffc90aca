package io.basalt.consensus;

import com.alipay.sofa.jraft.ReplicatorGroup;
import com.alipay.sofa.jraft.option.NodeOptions;
import com.alipay.sofa.jraft.rpc.RaftRpcFactory;
import com.alipay.sofa.jraft.rpc.RpcClient;

/**
 * Links one node to the jraft RPC client jraft creates for it. jraft builds that client inside
 * {@code NodeImpl.init} through the JVM-wide {@link RaftRpcFactory}, passing the node's
 * {@link NodeOptions} to {@link RaftRpcFactory#defaultJRaftClientConfigHelper}; {@link Options} carries
 * this binding there, and {@link BasaltRaftRpcFactory} returns it as the config helper so that the
 * client it creates knows its node's {@link TransportFaults}. In return the client records the node's
 * replicator group, which jraft hands to the client and exposes nowhere else.
 */
final class NodeRpcBinding implements RaftRpcFactory.ConfigHelper<RpcClient> {

    private final TransportFaults faults;
    private volatile ReplicatorGroup replicators;

    NodeRpcBinding(TransportFaults faults) {
        this.faults = faults;
    }

    TransportFaults faults() {
        return faults;
    }

    /** The node's replicator group once jraft created its RPC client; {@code null} before or without it. */
    ReplicatorGroup replicators() {
        return replicators;
    }

    void replicators(ReplicatorGroup group) {
        this.replicators = group;
    }

    @Override
    public void config(RpcClient client) {
        // Nothing to configure on bolt's client; the binding only travels with the call.
    }

    /** jraft's node options carrying a binding to the RPC factory. */
    static final class Options extends NodeOptions {

        private final NodeRpcBinding binding;

        Options(NodeRpcBinding binding) {
            this.binding = binding;
        }

        NodeRpcBinding binding() {
            return binding;
        }
    }
}
