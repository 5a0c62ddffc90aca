package io.basalt.server.catalog;

import static java.util.Objects.requireNonNull;

/**
 * How to reach one cluster member, as it registered itself when it started: SHOW FRONTENDS lists
 * these for the members of the current Raft configuration.
 *
 * @param raftAddress host:port of its Raft (edit log) port, the member's identity
 * @param host the host other members and clients use
 * @param httpPort HTTP port
 * @param queryPort MySQL port
 * @param flightPort Arrow Flight SQL port
 * @param version Basalt version it runs
 * @param startedAt when the process started, epoch millis
 */
public record FrontendDef(String raftAddress, String host, int httpPort, int queryPort, int flightPort,
        String version, long startedAt) {
    public FrontendDef {
        requireNonNull(raftAddress, "raftAddress");
        requireNonNull(host, "host");
    }
}
