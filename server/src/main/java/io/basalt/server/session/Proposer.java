package io.basalt.server.session;

import io.basalt.server.command.Command;
import io.basalt.server.state.ApplyResult;

/** Commits a command through Raft and returns its result once applied on this node. */
public interface Proposer {
    /**
     * @param payload binary payload (Arrow IPC rows) or null
     * @throws io.basalt.error.BasaltException the command's own failure, or CLUSTER_UNAVAILABLE
     *     when it could not be committed
     */
    ApplyResult propose(Command command, byte[] payload);
}
