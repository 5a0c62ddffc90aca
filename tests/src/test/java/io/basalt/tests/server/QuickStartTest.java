package io.basalt.tests.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.BasaltServerExtension;
import io.basalt.tests.harness.CommandResult;
import io.basalt.tests.harness.CommandRunner;
import io.basalt.tests.harness.MysqlCli;
import io.basalt.tests.harness.RepoLayout;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a new user does first: the README's mysql command, and bin/basalt --help. */
@ExtendWith(BasaltServerExtension.class)
class QuickStartTest {

    @Test
    void theReadmeCommandPrintsTheInsertedRow(BasaltProcess basalt) {
        CommandResult r = new MysqlCli(basalt.mysqlPort()).execute("CREATE DATABASE d; CREATE TABLE d.t(a INT, b VARCHAR(10)); "
                + "INSERT INTO d.t VALUES (1,'x'); SELECT * FROM d.t");

        assertThat(r.succeeded()).as(r.describe()).isTrue();
        assertThat(r.stdout().lines().toList()).as(r.describe()).containsExactly("a\tb", "1\tx");
    }

    @Test
    void helpDocumentsEveryOption() {
        CommandResult r = CommandRunner.run(List.of(RepoLayout.root().resolve("bin/basalt").toString(), "--help"),
                null, Duration.ofSeconds(120));

        assertThat(r.succeeded()).as(r.describe()).isTrue();
        assertThat(r.stdout()).contains("--data-dir", "--mysql-port", "--http-port", "--flight-port", "--raft-port",
                "--help", "--conf", "default: 9030", "default: 8030", "default: 9408", "default: 9010");
    }

    @Test
    void httpEndpointsAnswer(BasaltProcess basalt) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/health", "/health/live", "/health/ready")) {
            var response = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + basalt.httpPort() + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
        var metrics = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + basalt.httpPort() + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("basalt_up 1", "basalt_raft_is_leader 1", "# TYPE basalt_connections gauge");
    }
}
