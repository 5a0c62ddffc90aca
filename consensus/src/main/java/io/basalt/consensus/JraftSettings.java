package io.basalt.consensus;

import java.nio.file.Path;

import com.alipay.sofa.jraft.JRaftServiceFactory;
import com.alipay.sofa.jraft.StateMachine;
import com.alipay.sofa.jraft.conf.Configuration;
import com.alipay.sofa.jraft.option.NodeOptions;
import com.alipay.sofa.jraft.option.RaftOptions;
import com.alipay.sofa.jraft.rpc.RaftRpcServerFactory;
import com.alipay.sofa.jraft.rpc.RpcServer;
import com.alipay.sofa.jraft.rpc.impl.BoltRpcServer;

/** The jraft and sofa-bolt settings Basalt runs with, and why they differ from the defaults. */
final class JraftSettings {

    private JraftSettings() {}

    /**
     * JVM-wide switches read by bolt, sofa-common-tools and protobuf. Must run before their classes
     * load; an operator's explicit {@code -D} settings win.
     */
    static void applySystemProperties() {
        // jraft's replication pipeline needs bolt to dispatch message lists on the IO thread; jraft
        // sets this itself, with a WARN, when the first node starts.
        System.getProperties().putIfAbsent("bolt.rpc.dispatch-msg-list-in-default-executor", "false");
        // Bolt logs through sofa-common-tools, whose logback adapter predates logback 1.5 and prints
        // a NoSuchMethodError to stderr before falling back to plain SLF4J. Go straight to SLF4J
        // (loggers "com.alipay.sofa.common.log" for bolt, "com.alipay.sofa.jraft") and keep it quiet.
        System.getProperties().putIfAbsent("sofa.middleware.log.disable", "true");
        System.getProperties().putIfAbsent("sofa.middleware.log.internal.level", "ERROR");
        // jraft 1.4.1's generated protobuf classes predate protobuf 22; protobuf 4.x warns on stderr
        // the first time one is used unless told the old gencode is accepted. Effective only if
        // nothing loaded protobuf before, so the start script passes it too.
        System.getProperties().putIfAbsent("com.google.protobuf.use_unsafe_pre22_gencode", "true");
    }

    /**
     * A Raft RPC server bound to {@code self} only (jraft's own factory binds the wildcard address),
     * with jraft's peer request processors behind the node's fault gate.
     */
    static RpcServer rpcServer(PeerAddress self, TransportFaults faults, LeaderContact leaderContact) {
        RpcServer bolt = new BoltRpcServer(new com.alipay.remoting.rpc.RpcServer(self.host(), self.port(), true));
        RpcServer server = new GatedRpcServer(bolt, faults, leaderContact);
        RaftRpcServerFactory.addRaftRequestProcessors(server);
        return server;
    }

    static NodeOptions nodeOptions(RaftConfig config, StateMachine fsm, JRaftServiceFactory serviceFactory,
            NodeRpcBinding rpcBinding) {
        Path dataDir = config.dataDir();
        // Carries the binding to BasaltRaftRpcFactory when jraft creates the node's RPC client.
        NodeOptions options = new NodeRpcBinding.Options(rpcBinding);
        options.setElectionTimeoutMs(config.electionTimeoutMs());
        options.setSnapshotIntervalSecs(config.snapshotIntervalSecs());
        options.setLogUri(dataDir.resolve("log").toString());
        options.setRaftMetaUri(dataDir.resolve("meta").toString());
        options.setSnapshotUri(dataDir.resolve("snapshot").toString());
        Configuration initial = new Configuration();
        for (String peer : config.initialPeers()) {
            initial.addPeer(PeerAddress.parse(peer).toPeerId());
        }
        // Used only when the node has no log and no snapshot yet.
        options.setInitialConf(initial);
        options.setFsm(fsm);
        options.setServiceFactory(serviceFactory);
        // Metrics collection off (the default, stated): nothing reads it yet; /metrics will export
        // what it needs.
        options.setEnableMetrics(false);

        RaftOptions raft = new RaftOptions();
        // Raft's safety needs the vote to be durable before it is granted; jraft defaults to not
        // fsyncing the meta file (term, votedFor). Log entries are fsynced (sync, the default).
        raft.setSyncMeta(true);
        raft.setSync(true);
        // Detect torn or corrupted log entries instead of applying them.
        raft.setEnableLogEntryChecksum(true);
        // RocksDB statistics in the log store cost CPU on every write and are shown only by jraft's
        // describe signal handler.
        raft.setOpenStatistics(false);
        // The random extra election delay scales with the timeout (jraft's default is a fixed 1 s).
        raft.setMaxElectionDelayMs(config.electionTimeoutMs());
        options.setRaftOptions(raft);
        return options;
    }
}
