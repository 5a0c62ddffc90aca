package io.basalt.server.cluster;

import io.basalt.consensus.PeerStatus;
import io.basalt.consensus.RaftNode;
import io.basalt.server.catalog.FrontendDef;
import io.basalt.server.state.DatabaseState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * SHOW FRONTENDS / SHOW PROC '/frontends': one row per member of the current Raft configuration,
 * in StarRocks' column layout plus ReplicationLag. How to reach a member comes from its
 * registration ({@link FrontendDef}, replicated); whether it is alive, its role and how far it has
 * applied the log come from asking it ({@code GET /api}, half a second at most), and on the leader
 * also from Raft's own view of each follower.
 */
public final class FrontendTable {
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);

    private final RaftNode raft;
    private final DatabaseState state;
    private final Supplier<NodeFacts> self;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

    public FrontendTable(RaftNode raft, DatabaseState state, Supplier<NodeFacts> self) {
        this.raft = raft;
        this.state = state;
        this.self = self;
    }

    List<Object[]> rows() {
        NodeFacts mine = self.get();
        List<String> members = raft.peers();
        Map<String, FrontendDef> registered = state.frontends();
        Map<String, PeerStatus> raftView = new HashMap<>();
        for (PeerStatus p : raft.peerStatus()) {
            raftView.put(p.address(), p);
        }
        Map<String, CompletableFuture<Object>> probes = new HashMap<>();
        for (String m : members) {
            FrontendDef def = registered.get(m);
            if (!m.equals(mine.raftAddress()) && def != null) {
                probes.put(m, probe(def));
            }
        }
        Map<String, Object> answers = new HashMap<>();
        for (Map.Entry<String, CompletableFuture<Object>> e : probes.entrySet()) {
            answers.put(e.getKey(), e.getValue().join());
        }
        answers.put(mine.raftAddress(), mine);
        long leaderApplied = -1;
        for (Object a : answers.values()) {
            if (a instanceof NodeFacts f && "LEADER".equals(f.role())) {
                leaderApplied = f.appliedIndex();
            }
        }
        String now = text(System.currentTimeMillis());
        List<Object[]> rows = new ArrayList<>();
        for (String m : members) {
            FrontendDef def = registered.get(m);
            Object answer = answers.get(m);
            NodeFacts facts = answer instanceof NodeFacts f ? f : null;
            PeerStatus ps = raftView.get(m);
            String host = def != null ? def.host() : m.substring(0, m.lastIndexOf(':'));
            String raftPort = m.substring(m.lastIndexOf(':') + 1);
            String role = facts != null ? facts.role()
                    : raft.leaderAddress().filter(m::equals).isPresent() ? "LEADER" : "FOLLOWER";
            boolean alive = facts != null || ps != null && ps.alive() && !ps.self();
            String applied = facts != null ? Long.toString(facts.appliedIndex())
                    : ps != null && ps.matchIndex().isPresent() ? Long.toString(ps.matchIndex().getAsLong()) : "";
            String lag;
            if (ps != null && ps.lag().isPresent()) {
                lag = Long.toString(ps.lag().getAsLong());
            } else if (facts != null && leaderApplied >= 0) {
                lag = Long.toString(Math.max(0, leaderApplied - facts.appliedIndex()));
            } else {
                lag = "";
            }
            String heartbeat = facts != null ? now
                    : ps != null && ps.lastContactMillis().isPresent() ? text(ps.lastContactMillis().getAsLong()) : "";
            String error = facts != null ? "" : answer instanceof Throwable t ? "unreachable: " + describe(t)
                    : def == null ? "not registered yet" : "";
            rows.add(new Object[] {host + "_" + raftPort, host, raftPort,
                def != null ? Integer.toString(def.httpPort()) : "",
                def != null ? Integer.toString(def.queryPort()) : "",
                def != null ? Integer.toString(def.flightPort()) : "",
                role, "1", "true", Boolean.toString(alive), applied, heartbeat, "true", error,
                def != null ? text(def.startedAt()) : "", def != null ? def.version() : "", lag});
        }
        return rows;
    }

    private CompletableFuture<Object> probe(FrontendDef def) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + def.host() + ":" + def.httpPort() + "/api"))
                .timeout(PROBE_TIMEOUT).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .<Object>thenApply(r -> NodeFacts.parse(r.body()))
                .exceptionally(t -> t.getCause() != null ? t.getCause() : t);
    }

    private static String describe(Throwable t) {
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    private static String text(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneId.systemDefault()).withNano(0).toString()
                .replace('T', ' ');
    }
}
