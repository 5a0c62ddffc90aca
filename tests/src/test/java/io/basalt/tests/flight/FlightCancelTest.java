package io.basalt.tests.flight;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.BasaltServerExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.sql.FlightSqlClient.ExecuteIngestOptions;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions.TableExistsOption;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions.TableNotExistOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that stops reading a large result, by cancelling, disconnecting or CancelFlightInfo,
 * frees the query: the node's Arrow memory (/metrics basalt_arrow_allocated_bytes) returns to
 * what it was before the query.
 */
@ExtendWith(BasaltServerExtension.class)
class FlightCancelTest {
    /** 3000 x 3000 rows through a cross join: far more than a client reads before it gives up. */
    private static final String LARGE = "SELECT a.id, b.id, a.s FROM fcx.t a CROSS JOIN fcx.t b";

    @BeforeAll
    static void data(BasaltProcess basalt) throws Exception {
        try (FlightLogin f = FlightLogin.root(basalt); GeneratedBatches rows = new GeneratedBatches(f.allocator, 3000, 3000)) {
            f.sql.executeUpdate("CREATE DATABASE fcx", f.token);
            f.sql.executeIngest(rows, new ExecuteIngestOptions("t", TableDefinitionOptions.newBuilder()
                    .setIfNotExist(TableNotExistOption.TABLE_NOT_EXIST_OPTION_CREATE)
                    .setIfExists(TableExistsOption.TABLE_EXISTS_OPTION_FAIL).build(), null, "fcx", null), f.token);
            // A full pass once, so lazily built state (caches, segments) is in the baseline.
            f.query("SELECT COUNT(*) FROM fcx.t");
        }
    }

    @Test
    void cancellingMidStreamFreesTheQuery(BasaltProcess basalt) throws Exception {
        long baseline = allocatedBytes(basalt);
        try (FlightLogin f = FlightLogin.root(basalt)) {
            FlightInfo info = f.sql.execute(LARGE, f.token);
            FlightStream stream = f.sql.getStream(info.getEndpoints().get(0).getTicket(), f.token);
            assertThat(stream.next()).isTrue();
            assertThat(stream.next()).isTrue();
            assertThat(allocatedBytes(basalt)).isGreaterThan(baseline);

            stream.cancel("enough", null);
            stream.close();

            awaitAllocatedBytes(basalt, baseline);
        }
    }

    @Test
    void aClientKilledMidStreamFreesTheQuery(BasaltProcess basalt) throws Exception {
        long baseline = allocatedBytes(basalt);
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process client = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", classPath, StreamingClientMain.class.getName(),
                Integer.toString(basalt.flightPort()), LARGE).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals(StreamingClientMain.READY)) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("client output: %s", seen).isEqualTo(StreamingClientMain.READY);

            // SIGKILL: the connection drops under the open call, as when a client crashes.
            client.destroyForcibly();
            assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();

            awaitAllocatedBytes(basalt, baseline);
        } finally {
            client.destroyForcibly();
        }
    }

    @Test
    void cancelFlightInfoFreesAnUnfetchedResult(BasaltProcess basalt) throws Exception {
        long baseline = allocatedBytes(basalt);
        try (FlightLogin f = FlightLogin.root(basalt)) {
            FlightInfo info = f.sql.execute(LARGE, f.token);

            CancelStatus status = f.sql.cancelFlightInfo(new CancelFlightInfoRequest(info), f.token).getStatus();

            assertThat(status).isEqualTo(CancelStatus.CANCELLED);
            awaitAllocatedBytes(basalt, baseline);
        }
    }

    private static void awaitAllocatedBytes(BasaltProcess basalt, long baseline) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long now = allocatedBytes(basalt);
        while (now > baseline && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = allocatedBytes(basalt);
        }
        assertThat(now).as("basalt_arrow_allocated_bytes after the client left").isLessThanOrEqualTo(baseline);
    }

    static long allocatedBytes(BasaltProcess basalt) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + basalt.httpPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body().lines().filter(l -> l.startsWith("basalt_arrow_allocated_bytes "))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(' ') + 1).trim())).findFirst().orElseThrow();
    }
}
