package io.basalt.consensus;

import com.alipay.sofa.jraft.entity.PeerId;
import com.alipay.sofa.jraft.util.Endpoint;

/** A peer's {@code host:port}, and its conversion to and from jraft's {@link PeerId}. */
record PeerAddress(String host, int port) {

    static PeerAddress parse(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("peer address must be host:port, got '" + address + "'");
        }
        String host = address.substring(0, colon);
        if (host.indexOf(':') >= 0 || host.isBlank()) {
            // jraft 1.4 splits peer ids on ':' and cannot carry IPv6 literals.
            throw new IllegalArgumentException("peer host must be a name or an IPv4 address, got '" + address + "'");
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("peer port is not a number in '" + address + "'", e);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("peer port out of range in '" + address + "'");
        }
        return new PeerAddress(host, port);
    }

    static PeerAddress of(PeerId peer) {
        return new PeerAddress(peer.getIp(), peer.getPort());
    }

    PeerId toPeerId() {
        return new PeerId(new Endpoint(host, port), 0);
    }

    Endpoint toEndpoint() {
        return new Endpoint(host, port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
