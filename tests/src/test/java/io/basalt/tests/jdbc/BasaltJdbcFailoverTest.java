package io.basalt.tests.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.tests.harness.BasaltProcess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Basalt JDBC driver on a three-node cluster: the node a session reads from is killed with
 * SIGKILL mid-session and the next SELECT (a plain statement and a prepared one) succeeds on
 * another node; writes go to the Raft leader, also after it was killed and another was elected,
 * and what they wrote is read back.
 */
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
}
