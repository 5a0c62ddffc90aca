package io.basalt.server;

import io.basalt.consensus.CommitFailedException;
import io.basalt.consensus.NotLeaderException;
import io.basalt.consensus.RaftNode;
import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.command.Command;
import io.basalt.server.command.CommandCodec;
import io.basalt.server.config.ConfigKeys;
import io.basalt.server.config.NodeConfig;
import io.basalt.server.session.Proposer;
import io.basalt.server.state.ApplyResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Commits commands through the Raft group and waits until this node has applied them, so the
 * client's OK means committed on a quorum and visible to its next statement.
 */
final class RaftProposer implements Proposer {
    private final RaftNode raft;
    private final NodeConfig config;

    RaftProposer(RaftNode raft, NodeConfig config) {
        this.raft = raft;
        this.config = config;
    }

    @Override
    public ApplyResult propose(Command command, byte[] payload) {
        byte[] bytes = CommandCodec.encode(command, payload);
        int timeout = config.get(ConfigKeys.WRITE_TIMEOUT_SECONDS);
        CompletableFuture<Object> f = raft.propose(bytes);
        try {
            Object r = f.get(timeout, TimeUnit.SECONDS);
            return r instanceof ApplyResult ar ? ar : ApplyResult.OK;
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        } catch (TimeoutException e) {
            throw BasaltException.of(ErrorCode.CLUSTER_UNAVAILABLE,
                    "The write was not committed within %d seconds; its outcome is unknown (leader: %s)", timeout,
                    raft.leaderAddress().orElse("none"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BasaltException(ErrorCode.QUERY_INTERRUPTED, "Query execution was interrupted");
        }
    }

    private BasaltException translate(Throwable t) {
        if (t instanceof BasaltException b) {
            return b;
        }
        if (t instanceof NotLeaderException n) {
            return BasaltException.of(ErrorCode.CLUSTER_UNAVAILABLE,
                    "This node is not the Raft leader and cannot accept writes (leader: %s)",
                    n.leaderAddress().orElse("unknown"));
        }
        if (t instanceof CommitFailedException c) {
            return BasaltException.of(ErrorCode.CLUSTER_UNAVAILABLE, "The write could not be committed%s: %s",
                    c.outcomeUnknown() ? " and its outcome is unknown" : "", c.getMessage());
        }
        return new BasaltException(ErrorCode.INTERNAL, "Write failed: " + t, t);
    }
}
