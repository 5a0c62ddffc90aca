package io.basalt.session;

import static java.util.Objects.requireNonNull;

/**
 * Who is connecting: the protocol face, the peer address, the user name and the default database
 * the client asked for (null when none).
 *
 * @param connectionId id from {@link SessionFactory#nextConnectionId()}
 * @param protocol "mysql" or "flight"
 * @param remoteAddress peer address as "host:port"
 * @param user user name as sent by the client
 * @param database requested default database, or null
 * @param secureTransport true when the connection is encrypted (TLS)
 */
public record ClientInfo(
        long connectionId,
        String protocol,
        String remoteAddress,
        String user,
        String database,
        boolean secureTransport) {
    public ClientInfo {
        requireNonNull(protocol, "protocol");
        requireNonNull(remoteAddress, "remoteAddress");
        requireNonNull(user, "user");
    }

    /** The host part of {@link #remoteAddress()}. */
    public String remoteHost() {
        int colon = remoteAddress.lastIndexOf(':');
        return colon < 0 ? remoteAddress : remoteAddress.substring(0, colon);
    }
}
