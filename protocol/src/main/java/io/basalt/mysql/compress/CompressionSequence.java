package io.basalt.mysql.compress;

/**
 * The sequence id of the compressed protocol, which counts compressed packets independently of
 * the ids of the packets inside them. Like mysqld, the server continues from the id of the last
 * compressed packet it received, so every command restarts the count. Used only on the channel's
 * event loop.
 */
public final class CompressionSequence {
    private int next;

    /** Notes a received compressed packet: the next one sent carries the id after it. */
    public void received(int sequenceId) {
        next = (sequenceId + 1) & 0xFF;
    }

    /** The id for the next compressed packet sent. */
    public int next() {
        int id = next;
        next = (next + 1) & 0xFF;
        return id;
    }
}
