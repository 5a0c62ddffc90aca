package io.basalt.tests.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.tests.harness.BasaltProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Snapshots are taken as the log grows, the log is truncated behind them, and a restart loads the
 * snapshot and replays only the tail, with every table intact.
 */
class SnapshotRestartTest {

    private static long metric(BasaltProcess basalt, String name) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + basalt.httpPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^" + name + " (\\d+)$").matcher(body);
        assertThat(m.find()).as("metric %s in %s", name, body).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void snapshotsTruncateTheLogAndRestartRestoresEverything() throws Exception {
        try (BasaltProcess basalt = BasaltProcess.start("snapshot", null, List.of("--raft-snapshot-log-entries", "50"))) {
            try (Connection c = basalt.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE snap");
                s.execute("CREATE TABLE snap.t (id INT, v VARCHAR(10))");
                s.execute("CREATE TABLE snap.u (k INT PRIMARY KEY, n INT)");
                for (int i = 1; i <= 300; i++) {
                    s.execute("INSERT INTO snap.t VALUES (" + i + ", 'v" + i + "')");
                }
                s.execute("INSERT INTO snap.u VALUES (1, 10), (2, 20)");
                s.execute("UPDATE snap.u SET n = n + 1 WHERE k = 2");
                s.execute("DELETE FROM snap.t WHERE id > 250");
            }
            long deadline = System.currentTimeMillis() + 30_000;
            while (metric(basalt, "basalt_raft_first_log_index") <= 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertThat(metric(basalt, "basalt_raft_last_snapshot_index")).isGreaterThan(0);
            assertThat(metric(basalt, "basalt_raft_first_log_index")).as("log truncated behind the snapshot").isGreaterThan(1);

            basalt.kill9();
            basalt.restart();

            try (Connection c = basalt.connect("snap"); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(id), MAX(v) FROM t")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(250);
                    assertThat(rs.getLong(2)).isEqualTo(250L * 251 / 2);
                    assertThat(rs.getString(3)).isEqualTo("v99");
                }
                try (ResultSet rs = s.executeQuery("SELECT k, n FROM u ORDER BY k")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(2)).isEqualTo(10);
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(2)).isEqualTo(21);
                    assertThat(rs.next()).isFalse();
                }
            }
        }
    }
}
