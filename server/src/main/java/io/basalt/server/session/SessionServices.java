package io.basalt.server.session;

import io.basalt.server.config.NodeConfig;
import io.basalt.server.state.DatabaseState;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What sessions need from the node, passed in once: the replicated state, the way to commit
 * commands, the session registry, configuration, memory, and node status for admin SQL.
 *
 * @param cluster membership, leader and read barrier
 */
public record SessionServices(DatabaseState state, Proposer proposer, SessionRegistry registry, NodeConfig config,
        BufferAllocator allocator, String serverVersion, Cluster cluster) {}
