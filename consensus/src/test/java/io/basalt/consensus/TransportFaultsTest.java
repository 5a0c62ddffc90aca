package io.basalt.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.alipay.sofa.jraft.ReplicatorGroup;
import com.alipay.sofa.jraft.error.RemotingException;
import com.alipay.sofa.jraft.option.RpcOptions;
import com.alipay.sofa.jraft.rpc.InvokeCallback;
import com.alipay.sofa.jraft.rpc.InvokeContext;
import com.alipay.sofa.jraft.rpc.RpcClient;
import com.alipay.sofa.jraft.rpc.RpcContext;
import com.alipay.sofa.jraft.rpc.RpcProcessor;
import com.alipay.sofa.jraft.rpc.RpcRequests.AppendEntriesRequest;
import com.alipay.sofa.jraft.rpc.RpcRequests.GetFileRequest;
import com.alipay.sofa.jraft.rpc.RpcRequests.InstallSnapshotRequest;
import com.alipay.sofa.jraft.rpc.RpcRequests.PingRequest;
import com.alipay.sofa.jraft.rpc.RpcRequests.ReadIndexRequest;
import com.alipay.sofa.jraft.rpc.RpcRequests.RequestVoteRequest;
import com.alipay.sofa.jraft.rpc.RpcRequests.TimeoutNowRequest;
import com.alipay.sofa.jraft.rpc.RpcServer;
import com.alipay.sofa.jraft.rpc.impl.ConnectionClosedEventListener;
import com.alipay.sofa.jraft.util.Endpoint;
import com.alipay.sofa.jraft.util.RpcFactoryHelper;

/** The fault hooks on their own: the RPC client wrapper, the server gate and the fault set. */
class TransportFaultsTest {

    private static final String SELF = "127.0.0.1:7001";
    private static final String CUT = "127.0.0.1:7002";
    private static final String OTHER = "127.0.0.1:7003";

    private final TransportFaults faults = new TransportFaults("test/" + SELF, PeerAddress.parse(SELF));

    @Test
    void jraftUsesBasaltsRpcFactory() {
        assertThat(RpcFactoryHelper.rpcFactory()).isInstanceOf(BasaltRaftRpcFactory.class);
    }

    @Test
    void faultSetIsValidatedAndReportedSorted() {
        assertThatThrownBy(() -> faults.isolateFrom(CUT)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(BasaltRaftRpcFactory.class.getName());
        faults.outboundHooked();
        assertThatThrownBy(() -> faults.isolateFrom(SELF)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.isolateFrom("nonsense")).isInstanceOf(IllegalArgumentException.class);
        assertThat(faults.active()).isFalse();

        faults.isolateFrom(OTHER);
        faults.isolateFrom(CUT);
        faults.isolateFrom(CUT);
        assertThat(faults.isolatedPeers()).containsExactly(CUT, OTHER);
        assertThat(faults.active()).isTrue();
        faults.reconnect(OTHER);
        faults.reconnect(OTHER);
        assertThat(faults.isolatedPeers()).containsExactly(CUT);
        faults.reconnectAll();
        assertThat(faults.isolatedPeers()).isEmpty();
        assertThat(faults.active()).isFalse();
    }

    @Test
    void clientFailsFastToIsolatedPeersAndPassesTheRestThrough() throws Exception {
        RecordingClient bolt = new RecordingClient();
        NodeRpcBinding binding = new NodeRpcBinding(faults);
        IsolatingRpcClient client = new IsolatingRpcClient(bolt, binding);
        Endpoint cut = PeerAddress.parse(CUT).toEndpoint();
        Endpoint other = PeerAddress.parse(OTHER).toEndpoint();
        faults.isolateFrom(CUT);

        assertThat(client.checkConnection(cut)).isFalse();
        assertThat(client.checkConnection(cut, true)).isFalse();
        assertThat(client.checkConnection(other, true)).isTrue();
        assertThatThrownBy(() -> client.invokeAsync(cut, PingRequest.getDefaultInstance(), null, 1000))
                .isInstanceOf(RemotingException.class).hasMessageContaining(CUT);
        assertThatThrownBy(() -> client.invokeSync(cut, PingRequest.getDefaultInstance(), 1000))
                .isInstanceOf(RemotingException.class);
        client.invokeAsync(other, PingRequest.getDefaultInstance(), null, 1000);
        assertThat(client.invokeSync(other, PingRequest.getDefaultInstance(), 1000)).isEqualTo("ok");
        assertThat(bolt.sentTo).containsExactly(other, other);

        faults.reconnect(CUT);
        assertThat(client.checkConnection(cut)).isTrue();
        client.invokeAsync(cut, PingRequest.getDefaultInstance(), null, 1000);
        assertThat(bolt.sentTo).containsExactly(other, other, cut);
    }

    @Test
    void gateDropsEveryPeerRequestFromAnIsolatedSender() {
        RecordingServer bolt = new RecordingServer();
        LeaderContact contact = new LeaderContact();
        GatedRpcServer server = new GatedRpcServer(bolt, faults, contact);
        List<Object> handled = new ArrayList<>();
        for (Class<?> type : List.of(AppendEntriesRequest.class, RequestVoteRequest.class,
                InstallSnapshotRequest.class, TimeoutNowRequest.class, ReadIndexRequest.class,
                GetFileRequest.class, PingRequest.class)) {
            server.registerProcessor(new RecordingProcessor(type.getName(), handled));
        }
        // Ping names no sender and is registered as jraft built it.
        assertThat(bolt.processors.get(PingRequest.class.getName())).isInstanceOf(RecordingProcessor.class);

        // jraft's client on this node offered snapshot reader 42 to the isolated peer, 43 to another.
        IsolatingRpcClient client = new IsolatingRpcClient(new RecordingClient(), new NodeRpcBinding(faults));
        offerSnapshot(client, CUT, 42);
        offerSnapshot(client, OTHER, 43);
        faults.isolateFrom(CUT);

        List<Object> fromCut = requestsFrom(CUT, 42);
        List<Object> fromOther = requestsFrom(OTHER, 43);
        fromCut.forEach(request -> deliver(bolt, request));
        assertThat(handled).isEmpty();
        assertThat(contact.lastMillis()).isEmpty();

        fromOther.forEach(request -> deliver(bolt, request));
        assertThat(handled).containsExactlyElementsOf(fromOther);
        assertThat(contact.lastSender()).contains(OTHER);
        assertThat(contact.lastMillis()).isPresent();

        handled.clear();
        faults.reconnectAll();
        fromCut.forEach(request -> deliver(bolt, request));
        assertThat(handled).containsExactlyElementsOf(fromCut);
        assertThat(contact.lastSender()).contains(CUT);
    }

    private static void offerSnapshot(IsolatingRpcClient client, String peer, long readerId) {
        try {
            client.invokeAsync(PeerAddress.parse(peer).toEndpoint(), InstallSnapshotRequest.newBuilder()
                    .setServerId(SELF).setPeerId(peer).setUri("remote://" + SELF + "/" + readerId).buildPartial(),
                    null, 1000);
        } catch (InterruptedException | RemotingException e) {
            throw new AssertionError(e);
        }
    }

    /** One request of each peer-to-peer type, as {@code sender} would send them to this node. */
    private static List<Object> requestsFrom(String sender, long readerId) {
        return List.of(
                AppendEntriesRequest.newBuilder().setServerId(sender).setPeerId(SELF).buildPartial(),
                RequestVoteRequest.newBuilder().setServerId(sender).setPeerId(SELF).buildPartial(),
                InstallSnapshotRequest.newBuilder().setServerId(sender).setPeerId(SELF).buildPartial(),
                TimeoutNowRequest.newBuilder().setServerId(sender).setPeerId(SELF).buildPartial(),
                ReadIndexRequest.newBuilder().setServerId(sender).setPeerId(SELF).buildPartial(),
                GetFileRequest.newBuilder().setReaderId(readerId).setFilename("data").buildPartial());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void deliver(RecordingServer server, Object request) {
        RpcProcessor processor = server.processors.get(request.getClass().getName());
        processor.handleRequest(null, request);
    }

    private static final class RecordingProcessor implements RpcProcessor<Object> {

        private final String interest;
        private final List<Object> handled;

        RecordingProcessor(String interest, List<Object> handled) {
            this.interest = interest;
            this.handled = handled;
        }

        @Override
        public void handleRequest(RpcContext ctx, Object request) {
            handled.add(request);
        }

        @Override
        public String interest() {
            return interest;
        }
    }

    private static final class RecordingServer implements RpcServer {

        final Map<String, RpcProcessor<?>> processors = new HashMap<>();

        @Override
        public void registerConnectionClosedEventListener(ConnectionClosedEventListener listener) {}

        @Override
        public void registerProcessor(RpcProcessor<?> processor) {
            processors.put(processor.interest(), processor);
        }

        @Override
        public int boundPort() {
            return 0;
        }

        @Override
        public boolean isStarted() {
            return true;
        }

        @Override
        public boolean init(Void options) {
            return true;
        }

        @Override
        public void shutdown() {}
    }

    private static final class RecordingClient implements RpcClient {

        final List<Endpoint> sentTo = new ArrayList<>();

        @Override
        public boolean checkConnection(Endpoint endpoint) {
            return true;
        }

        @Override
        public boolean checkConnection(Endpoint endpoint, boolean createIfAbsent) {
            return true;
        }

        @Override
        public void closeConnection(Endpoint endpoint) {}

        @Override
        public void registerConnectEventListener(ReplicatorGroup replicatorGroup) {}

        @Override
        public Object invokeSync(Endpoint endpoint, Object request, InvokeContext ctx, long timeoutMs) {
            sentTo.add(endpoint);
            return "ok";
        }

        @Override
        public void invokeAsync(Endpoint endpoint, Object request, InvokeContext ctx, InvokeCallback callback,
                long timeoutMs) {
            sentTo.add(endpoint);
        }

        @Override
        public boolean init(RpcOptions options) {
            return true;
        }

        @Override
        public void shutdown() {}
    }
}
