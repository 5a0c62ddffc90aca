package io.basalt.consensus;

import com.alipay.sofa.jraft.option.RpcOptions;
import com.alipay.sofa.jraft.rpc.RpcClient;
import com.alipay.sofa.jraft.rpc.impl.BoltRaftRpcFactory;
import com.alipay.sofa.jraft.util.SPI;

/**
 * jraft's bolt RPC factory, with each {@link RaftNode}'s RPC client wrapped so that its
 * {@link TransportFaults} can cut outgoing traffic. Not an API: jraft finds it through
 * {@code META-INF/services/com.alipay.sofa.jraft.rpc.RaftRpcFactory} and prefers it over its own
 * bolt factory by priority; it must therefore stay public with a public no-argument constructor.
 * Clients created for anything other than a RaftNode (e.g. jraft's CLI service) are plain bolt
 * clients. A fat jar must merge service files, or jraft falls back to its own factory and
 * {@link TransportFaults#isolateFrom} refuses to run.
 */
@SPI(priority = 100)
public final class BasaltRaftRpcFactory extends BoltRaftRpcFactory {

    /** Called by jraft's service loader. */
    public BasaltRaftRpcFactory() {}

    @Override
    public ConfigHelper<RpcClient> defaultJRaftClientConfigHelper(RpcOptions options) {
        if (options instanceof NodeRpcBinding.Options bound) {
            return bound.binding();
        }
        return super.defaultJRaftClientConfigHelper(options);
    }

    @Override
    public RpcClient createRpcClient(ConfigHelper<RpcClient> helper) {
        if (helper instanceof NodeRpcBinding binding) {
            return new IsolatingRpcClient(super.createRpcClient(null), binding);
        }
        return super.createRpcClient(helper);
    }
}
