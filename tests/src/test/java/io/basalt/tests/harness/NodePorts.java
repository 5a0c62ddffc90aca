package io.basalt.tests.harness;

/**
 * The four ports one Basalt node listens on, all on 127.0.0.1. A cluster allocates them before it starts
 * any node, because every node must be told every member's Raft address ({@code --peers}).
 *
 * @param mysql the MySQL protocol port ({@code --mysql-port})
 * @param http the HTTP port: /api, /health/ready, /metrics, /debug/faults ({@code --http-port})
 * @param flight the Arrow Flight port ({@code --flight-port})
 * @param raft the Raft peer port ({@code --raft-port})
 */
public record NodePorts(int mysql, int http, int flight, int raft) {

    /** Four ports that were free a moment ago, never handed out before in this JVM. */
    public static NodePorts allocate() {
        return new NodePorts(Ports.freePort(), Ports.freePort(), Ports.freePort(), Ports.freePort());
    }

    /** The node's Raft address as members name it: {@code 127.0.0.1:<raft>}. */
    public String raftAddress() {
        return "127.0.0.1:" + raft;
    }
}
