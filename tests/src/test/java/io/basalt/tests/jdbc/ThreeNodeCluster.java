package io.basalt.tests.jdbc;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Three Basalt nodes on 127.0.0.1 forming one Raft group: Raft ports chosen up front and given to
 * each node as {@code --raft-port} and {@code --peers}. The nodes start in parallel (a node of a
 * new group needs the others to elect a leader).
 */
final class ThreeNodeCluster implements AutoCloseable {
    private static final Pattern ROLE = Pattern.compile("\"role\"\\s*:\\s*\"([A-Z]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final List<BasaltProcess> nodes;
    private final List<Integer> raftPorts;

    private ThreeNodeCluster(List<BasaltProcess> nodes, List<Integer> raftPorts) {
        this.nodes = List.copyOf(nodes);
        this.raftPorts = List.copyOf(raftPorts);
    }

    static ThreeNodeCluster start(String name) throws Exception {
        List<Integer> raftPorts = List.of(Ports.freePort(), Ports.freePort(), Ports.freePort());
        StringBuilder peers = new StringBuilder();
        for (int p : raftPorts) {
            peers.append(peers.length() == 0 ? "" : ",").append("127.0.0.1:").append(p);
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<BasaltProcess>> starting = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                List<String> args = List.of("--raft-port", Integer.toString(raftPorts.get(i)), "--peers", peers.toString(),
                        "--debug-fault-injection", "true");
                String nodeName = name + "-n" + i;
                starting.add(pool.submit(() -> BasaltProcess.start(nodeName, null, args, List.of("-Xmx1g"))));
            }
            List<BasaltProcess> nodes = new ArrayList<>();
            Exception failure = null;
            for (Future<BasaltProcess> f : starting) {
                try {
                    nodes.add(f.get());
                } catch (Exception e) {
                    failure = failure == null ? e : failure;
                }
            }
            ThreeNodeCluster cluster = new ThreeNodeCluster(nodes, raftPorts);
            if (failure != null) {
                cluster.close();
                throw failure;
            }
            cluster.awaitLeader(Duration.ofSeconds(60));
            return cluster;
        } finally {
            pool.shutdown();
        }
    }

    List<BasaltProcess> nodes() {
        return nodes;
    }

    BasaltProcess node(int i) {
        return nodes.get(i);
    }

    /** A Basalt JDBC URL naming the nodes in the given order. */
    String jdbcUrl(String database, BasaltProcess... order) {
        StringBuilder sb = new StringBuilder("jdbc:basalt://");
        for (int i = 0; i < order.length; i++) {
            sb.append(i == 0 ? "" : ",").append("127.0.0.1:").append(order[i].flightPort());
        }
        return sb.append('/').append(database == null ? "" : database).append("?user=root&password=").toString();
    }

    /** Cuts the node's Raft traffic with every other member (the node's fault-injection endpoint). */
    void isolate(BasaltProcess node) throws Exception {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) != node) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort()
                        + "/debug/faults/isolate?peer=127.0.0.1:" + raftPorts.get(i)))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new AssertionError("isolate failed: " + r.statusCode() + " " + r.body());
                }
            }
        }
    }

    /** The node whose MySQL port is {@code port}. */
    BasaltProcess byMysqlPort(int port) {
        return nodes.stream().filter(n -> n.mysqlPort() == port).findFirst()
                .orElseThrow(() -> new AssertionError("no node has MySQL port " + port));
    }

    /** What a live node says its role is ({@code GET /api}); empty for a dead node. */
    static Optional<String> role(BasaltProcess node) {
        if (!node.isAlive()) {
            return Optional.empty();
        }
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort()
                    + "/api")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = ROLE.matcher(r.body());
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /**
     * The leader, once a live node says it is, every other live node follows one and (when
     * {@code registered}) SHOW FRONTENDS on it lists every member.
     */
    BasaltProcess awaitLeader(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            BasaltProcess leader = null;
            boolean othersFollow = true;
            for (BasaltProcess n : nodes) {
                Optional<String> role = role(n);
                if (role.filter("LEADER"::equals).isPresent()) {
                    leader = leader == null ? n : leader;
                } else if (n.isAlive() && role.filter("FOLLOWER"::equals).isEmpty()) {
                    othersFollow = false;
                }
            }
            if (leader != null && othersFollow && allRegistered(leader)) {
                return leader;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no Raft leader within " + timeout + ": "
                + nodes.stream().map(n -> n.name() + "=" + role(n).orElse("down")).toList());
    }

    private static boolean allRegistered(BasaltProcess leader) {
        try (var c = leader.connect(); var s = c.createStatement(); var rs = s.executeQuery("SHOW FRONTENDS")) {
            int registered = 0;
            while (rs.next()) {
                if (!rs.getString("RpcPort").isEmpty()) {
                    registered++;
                }
            }
            return registered == 3;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        for (BasaltProcess n : nodes) {
            n.close();
        }
    }
}
