package io.basalt.tests.harness;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a node says about itself on {@code GET /api}.
 *
 * @param raftAddress its Raft address, {@code host:port}
 * @param role LEADER, FOLLOWER, or NONE while it knows no leader
 * @param leader the Raft address of the leader it follows, "" when it knows none
 * @param term its current Raft term
 * @param appliedIndex the last Raft log index applied to its state
 * @param lastLogIndex the last Raft log index it holds
 * @param ready whether it has caught up and hears from a leader (as /health/ready)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NodeStatus(
        @JsonProperty("raft_address") String raftAddress,
        @JsonProperty("role") String role,
        @JsonProperty("leader") String leader,
        @JsonProperty("term") long term,
        @JsonProperty("applied_index") long appliedIndex,
        @JsonProperty("last_log_index") long lastLogIndex,
        @JsonProperty("ready") boolean ready) {

    public boolean isLeader() {
        return "LEADER".equals(role);
    }
}
