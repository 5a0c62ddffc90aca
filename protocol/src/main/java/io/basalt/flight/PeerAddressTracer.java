package io.basalt.flight;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerStreamTracer;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Puts the client's address into a request header the authentication middleware reads. Flight
 * middleware sees headers only, and gRPC reveals the peer address in the call attributes, which a
 * stream tracer sees before any interceptor runs. A value the client sent under the same name is
 * removed first, so it cannot be forged.
 */
final class PeerAddressTracer extends ServerStreamTracer.Factory {
    /** The header carrying "host:port" of the peer. */
    static final String HEADER = "x-basalt-peer-address";
    private static final Metadata.Key<String> KEY = Metadata.Key.of(HEADER, Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public ServerStreamTracer newServerStreamTracer(String fullMethodName, Metadata headers) {
        headers.removeAll(KEY);
        return new ServerStreamTracer() {
            @Override
            public void serverCallStarted(ServerCallInfo<?, ?> callInfo) {
                SocketAddress a = callInfo.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
                headers.put(KEY, format(a));
            }
        };
    }

    static String format(SocketAddress a) {
        if (a instanceof InetSocketAddress i) {
            String host = i.getAddress() != null ? i.getAddress().getHostAddress() : i.getHostString();
            return host + ":" + i.getPort();
        }
        return a == null ? "unknown:0" : a + ":0";
    }
}
