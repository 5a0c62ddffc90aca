package io.basalt.mysql.server;

/**
 * A command that stopped half-way because the client is not reading fast enough (the channel is
 * not writable); it continues when the channel drains.
 */
interface PendingCommand {

    /**
     * Continues the command.
     *
     * @return true when it finished, false when it is waiting for the channel again
     */
    boolean resume();

    /** Releases what the command holds without finishing it; the client is gone. */
    void abort();
}
