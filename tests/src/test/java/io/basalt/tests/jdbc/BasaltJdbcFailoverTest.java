package io.basalt.tests.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.tests.harness.BasaltProcess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Basalt JDBC driver on a three-node cluster: the node a session reads from is killed with
 * SIGKILL mid-session and the next SELECT (a plain statement and a prepared one) succeeds on
 * another node; writes go to the Raft leader, also after it was killed and another was elected,
 * and what they wrote is read back; a write whose outcome is unknown is reported, not retried.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BasaltJdbcFailoverTest {
    private static ThreeNodeCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = ThreeNodeCluster.start("jdbc-failover");
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The MySQL port of the node that served the query: which node the session reads from. */
    private static int servingNode(Statement s) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT @@port")) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }

    /** Where the driver sends writes now ("host:port" of a Flight endpoint). */
    private static String writeNode(Connection c) throws Exception {
        return c.getClass().getMethod("writeNode").invoke(c).toString();
    }

    private static List<Long> ids(Statement s) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT id FROM t ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    @Test
    @Order(1)
    void readsSurviveTheirNodeAndWritesFollowTheLeader() throws Exception {
        BasaltProcess leader = cluster.awaitLeader(Duration.ofSeconds(30));
        List<BasaltProcess> followers = cluster.nodes().stream().filter(n -> n != leader).toList();
        BasaltProcess follower = followers.get(0);
        // A follower first in the URL: the session reads there and writes to the leader.
        String url = cluster.jdbcUrl("fo", follower, followers.get(1), leader);
        try (Connection admin = leader.connect(); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE fo");
            s.execute("CREATE TABLE fo.t (id BIGINT NOT NULL, v VARCHAR(20), PRIMARY KEY (id))");
            s.execute("INSERT INTO fo.t VALUES (1, 'one'), (2, 'two')");
        }

        try (Connection c = BasaltJdbcJar.connect(url); Statement s = c.createStatement();
                PreparedStatement byId = c.prepareStatement("SELECT v FROM t WHERE id = ?")) {
            assertThat(servingNode(s)).isEqualTo(follower.mysqlPort());
            assertThat(writeNode(c)).isEqualTo("127.0.0.1:" + leader.flightPort());
            assertThat(s.executeUpdate("INSERT INTO t VALUES (3, 'three')")).isEqualTo(1);
            byId.setLong(1, 3);
            try (ResultSet rs = byId.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("three");
            }

            // 1. The node this session reads from dies.
            follower.kill9();
            assertThat(ids(s)).containsExactly(1L, 2L, 3L);
            assertThat(cluster.byMysqlPort(servingNode(s))).isNotSameAs(follower);
            byId.setLong(1, 2);
            try (ResultSet rs = byId.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("two");
            }
            // The database from the URL was set again on the new node: "t" resolves without a prefix.
            assertThat(s.executeUpdate("INSERT INTO t VALUES (4, 'four')")).isEqualTo(1);
            assertThat(writeNode(c)).isEqualTo("127.0.0.1:" + leader.flightPort());
            assertThat(ids(s)).containsExactly(1L, 2L, 3L, 4L);

            // 2. The dead follower comes back (a majority is needed for what follows); then the leader dies.
            follower.start();
            cluster.awaitLeader(Duration.ofSeconds(60));
            leader.kill9();
            BasaltProcess newLeader = cluster.awaitLeader(Duration.ofSeconds(60));
            assertThat(newLeader).isNotSameAs(leader);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                insert.setLong(1, 5);
                insert.setString(2, "five");
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            assertThat(writeNode(c)).isEqualTo("127.0.0.1:" + newLeader.flightPort());
            assertThat(ids(s)).containsExactly(1L, 2L, 3L, 4L, 5L);
            byId.setLong(1, 5);
            try (ResultSet rs = byId.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("five");
            }
        }
        // The acknowledged writes are on the new leader, read through the MySQL protocol.
        BasaltProcess newLeader = cluster.awaitLeader(Duration.ofSeconds(30));
        try (Connection m = newLeader.connect("fo"); Statement s = m.createStatement()) {
            assertThat(ids(s)).containsExactly(1L, 2L, 3L, 4L, 5L);
        }
    }

    /**
     * A write whose leader is cut off from the others (it cannot commit) and then killed while the
     * write waits: its outcome is unknown, so the driver says so (SQLSTATE 08007) and does not send
     * it again; the next statements run on the nodes that are left.
     */
    @Test
    @Order(2)
    void aWriteWhoseOutcomeIsUnknownIsNotRetried() throws Exception {
        for (BasaltProcess n : cluster.nodes()) {
            if (!n.isAlive()) {
                n.start();
            }
        }
        BasaltProcess leader = cluster.awaitLeader(Duration.ofSeconds(60));
        BasaltProcess follower = cluster.nodes().stream().filter(n -> n != leader).findFirst().orElseThrow();
        String url = cluster.jdbcUrl("uk", follower, leader);
        try (Connection admin = leader.connect(); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE uk");
            s.execute("CREATE TABLE uk.log (id BIGINT, v VARCHAR(10))");
        }
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection c = BasaltJdbcJar.connect(url); Statement s = c.createStatement()) {
            assertThat(writeNode(c)).isEqualTo("127.0.0.1:" + leader.flightPort());
            cluster.isolate(leader);
            Future<Integer> write = pool.submit(() -> s.executeUpdate("INSERT INTO log VALUES (1, 'once')"));
            Thread.sleep(700);
            leader.kill9();
            assertThatThrownBy(() -> write.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).as(e.toString()).isEqualTo("08007");
                        assertThat(e.getMessage()).contains("outcome unknown", "not retried");
                    });
            cluster.awaitLeader(Duration.ofSeconds(60));
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM log")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isLessThanOrEqualTo(1);
            }
            assertThat(s.executeUpdate("INSERT INTO log VALUES (2, 'after')")).isEqualTo(1);
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM log WHERE id = 2")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
