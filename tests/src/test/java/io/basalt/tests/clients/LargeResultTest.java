package io.basalt.tests.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.tests.harness.BasaltProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Results stream batch by batch: a 10,000,000-row SELECT read by Connector/J in streaming mode
 * completes on a server limited to a 256 MiB heap (the rows as Java objects would need several
 * times that), and KILL QUERY, KILL and a client vanishing mid-result each stop the query and give
 * its memory back.
 */
class LargeResultTest {

    /** Ten rows joined with themselves seven times: 10,000,000 rows, none of them stored. */
    private static final String TEN_MILLION = "SELECT a.n + 10*b.n + 100*c.n + 1000*d.n + 10000*e.n + 100000*f.n "
            + "+ 1000000*g.n AS id, CONCAT('row-', a.n, b.n, c.n) AS s "
            + "FROM ten a, ten b, ten c, ten d, ten e, ten f, ten g";
    private static final long ROWS = 10_000_000L;
    private static final long HEAP_LIMIT = 256L << 20;

    private static BasaltProcess basalt;

    @BeforeAll
    static void start() throws SQLException {
        basalt = BasaltProcess.start("large-result", null, List.of(), List.of("-Xmx256m"));
        try (Connection c = basalt.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE big");
            s.execute("CREATE TABLE big.ten (n INT NOT NULL)");
            s.execute("INSERT INTO big.ten VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)");
        }
    }

    @AfterAll
    static void stop() {
        if (basalt != null) {
            basalt.close();
        }
    }

    private static Connection connectorJ() throws SQLException {
        return DriverManager.getConnection(basalt.mysqlJdbcUrl("big"));
    }

    @Test
    void tenMillionRowsStreamToConnectorJWithABoundedHeap() throws Exception {
        AtomicLong maxHeap = new AtomicLong();
        CompletableFuture<Void> sampler = sampleHeap(maxHeap);
        long rows = 0;
        long sum = 0;
        try (Connection c = connectorJ(); Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(Integer.MIN_VALUE); // Connector/J's row-by-row streaming mode
            try (ResultSet rs = s.executeQuery(TEN_MILLION)) {
                while (rs.next()) {
                    rows++;
                    sum += rs.getLong(1);
                    if (rows % 1_000_003 == 0) {
                        assertThat(rs.getString(2)).startsWith("row-");
                    }
                }
            }
        } finally {
            sampler.cancel(true);
        }
        assertThat(rows).isEqualTo(ROWS);
        assertThat(sum).isEqualTo(ROWS * (ROWS - 1) / 2);
        long peak = Math.max(maxHeap.get(), metric("jvm_memory_used_bytes"));
        System.out.printf("LargeResultTest: streamed %,d rows; server heap peak seen %,d bytes (limit %,d)%n",
                rows, peak, HEAP_LIMIT);
        assertThat(peak).isLessThanOrEqualTo(HEAP_LIMIT);
        assertThat(metric("jvm_memory_max_bytes")).isLessThanOrEqualTo(HEAP_LIMIT);
        assertThat(basalt.isAlive()).isTrue();
    }

    @Test
    void killQueryStopsTheStatementAndKeepsTheConnection() throws Exception {
        try (Connection victim = connectorJ(); Connection admin = connectorJ()) {
            long id = connectionId(victim);
            Statement s = victim.createStatement();
            s.setFetchSize(Integer.MIN_VALUE);
            ResultSet rs = s.executeQuery(TEN_MILLION);
            assertThat(rs.next()).isTrue();
            try (Statement a = admin.createStatement()) {
                a.execute("KILL QUERY " + id);
            }
            assertThatThrownBy(() -> {
                while (rs.next()) {
                    // drain until the server reports the interruption
                }
            }).isInstanceOf(SQLException.class).hasMessageContaining("interrupted");
            closeQuietly(rs, s);
            try (Statement again = victim.createStatement(); ResultSet one = again.executeQuery("SELECT 41 + 1")) {
                assertThat(one.next()).isTrue();
                assertThat(one.getInt(1)).isEqualTo(42);
            }
        }
        awaitQueriesGone();
    }

    @Test
    void killConnectionEndsTheSession() throws Exception {
        try (Connection victim = connectorJ(); Connection admin = connectorJ()) {
            long id = connectionId(victim);
            Statement s = victim.createStatement();
            s.setFetchSize(Integer.MIN_VALUE);
            ResultSet rs = s.executeQuery(TEN_MILLION);
            assertThat(rs.next()).isTrue();
            try (Statement a = admin.createStatement()) {
                a.execute("KILL " + id);
            }
            assertThatThrownBy(() -> {
                while (rs.next()) {
                    // drain until the connection drops
                }
            }).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> victim.createStatement().executeQuery("SELECT 1"))
                    .isInstanceOf(SQLException.class);
            // The server ends the session as its connection closes, which may trail the client's error.
            io.basalt.tests.harness.Await.untilTrue("connection " + id + " gone from the process list",
                    java.time.Duration.ofSeconds(10), () -> !processIds(admin).contains(id));
        }
        awaitQueriesGone();
    }

    @Test
    void aClientThatDisappearsMidResultStopsItsQuery() throws Exception {
        long baseline = metric("basalt_arrow_allocated_bytes");
        Connection victim = connectorJ();
        long id = connectionId(victim);
        Statement s = victim.createStatement();
        s.setFetchSize(Integer.MIN_VALUE);
        ResultSet rs = s.executeQuery(TEN_MILLION);
        for (int i = 0; i < 1000; i++) {
            assertThat(rs.next()).isTrue();
        }
        // Drop the socket without a COM_QUIT, as a crashed client would.
        victim.abort(Runnable::run);
        try (Connection admin = connectorJ()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (processIds(admin).contains(id) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(processIds(admin)).doesNotContain(id);
        }
        awaitQueriesGone();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (metric("basalt_arrow_allocated_bytes") > baseline && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(metric("basalt_arrow_allocated_bytes")).isLessThanOrEqualTo(baseline);
    }

    private static long connectionId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Long> processIds(Connection c) throws SQLException {
        List<Long> ids = new java.util.ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW PROCESSLIST")) {
            while (rs.next()) {
                ids.add(rs.getLong("Id"));
            }
        }
        return ids;
    }

    /** Waits until no session runs the big query any more. */
    private static void awaitQueriesGone() throws Exception {
        try (Connection admin = connectorJ()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                boolean running = false;
                try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("SHOW FULL PROCESSLIST")) {
                    while (rs.next()) {
                        String info = rs.getString("Info");
                        running |= info != null && info.contains("ten g");
                    }
                }
                if (!running) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("the killed query is still in SHOW PROCESSLIST after 30 s");
        }
    }

    private static CompletableFuture<Void> sampleHeap(AtomicLong max) {
        return CompletableFuture.runAsync(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    max.accumulateAndGet(metric("jvm_memory_used_bytes"), Math::max);
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    return;
                }
            }
        });
    }

    private static long metric(String name) throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + basalt.httpPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (String line : r.body().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Long.parseLong(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError("metric " + name + " missing");
    }

    private static void closeQuietly(AutoCloseable... resources) {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                // the statement was interrupted; closing may report it again
            }
        }
    }
}
