package io.basalt.server.session;

/** When this node's process started (SHOW STATUS Uptime). */
final class NodeStart {
    private static final long START = System.currentTimeMillis();

    private NodeStart() {}

    static long millis() {
        return START;
    }
}
