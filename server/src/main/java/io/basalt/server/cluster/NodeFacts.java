package io.basalt.server.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What a node says about itself on {@code GET /api}: its role and Raft position, and how to reach
 * it. Members read each other's facts for SHOW FRONTENDS.
 *
 * @param raftAddress host:port of the node's Raft port
 * @param role LEADER, FOLLOWER, or CANDIDATE/NONE while it knows no leader
 * @param leader the leader it follows, or "" when it knows none
 * @param term its current Raft term
 * @param appliedIndex last Raft log index applied to its state
 * @param lastLogIndex last Raft log index it holds
 * @param ready whether it serves reads and writes (see /health/ready)
 * @param queryPort MySQL port
 * @param httpPort HTTP port
 * @param flightPort Flight SQL port
 * @param version Basalt version
 * @param startedAt process start, epoch millis
 * @param connections open MySQL sessions
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NodeFacts(
        @JsonProperty("raft_address") String raftAddress,
        @JsonProperty("role") String role,
        @JsonProperty("leader") String leader,
        @JsonProperty("term") long term,
        @JsonProperty("applied_index") long appliedIndex,
        @JsonProperty("last_log_index") long lastLogIndex,
        @JsonProperty("ready") boolean ready,
        @JsonProperty("query_port") int queryPort,
        @JsonProperty("http_port") int httpPort,
        @JsonProperty("flight_port") int flightPort,
        @JsonProperty("version") String version,
        @JsonProperty("started_at") long startedAt,
        @JsonProperty("connections") int connections) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static NodeFacts parse(String json) {
        try {
            return JSON.readValue(json, NodeFacts.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
