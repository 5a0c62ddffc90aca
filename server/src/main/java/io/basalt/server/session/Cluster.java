package io.basalt.server.session;

import java.util.List;

/**
 * The node's cluster, as admin SQL and reads see it: membership changes, the leader, and the read
 * barrier for linearizable reads. Every method may block and throws
 * {@link io.basalt.error.BasaltException} (CLUSTER_UNAVAILABLE) when the cluster cannot do it now.
 */
public interface Cluster {

    /**
     * Returns once this node has applied every write committed before the call (Raft read index,
     * confirmed with a quorum through the leader).
     */
    void awaitLinearizableRead();

    /** ALTER SYSTEM ADD FOLLOWER: adds a voting member, which catches up (or installs a snapshot) first. */
    void addFollower(String raftAddress);

    /** ALTER SYSTEM DROP FOLLOWER: removes a voting member. */
    void dropFollower(String raftAddress);

    /** ALTER SYSTEM TRANSFER LEADER TO: hands leadership to a member. */
    void transferLeader(String raftAddress);

    /** Rows of SHOW FRONTENDS, in {@link ShowStatements#frontendColumns()} order. */
    List<Object[]> frontends();

    /** A one-node cluster that never changes: for embedded use and tests. */
    static Cluster single(java.util.function.Supplier<List<Object[]>> frontends) {
        return new Cluster() {
            @Override
            public void awaitLinearizableRead() {}

            @Override
            public void addFollower(String raftAddress) {
                throw new io.basalt.error.BasaltException(io.basalt.error.ErrorCode.NOT_SUPPORTED,
                        "This node does not run a Raft cluster");
            }

            @Override
            public void dropFollower(String raftAddress) {
                addFollower(raftAddress);
            }

            @Override
            public void transferLeader(String raftAddress) {
                addFollower(raftAddress);
            }

            @Override
            public List<Object[]> frontends() {
                return frontends.get();
            }
        };
    }
}
