package io.basalt.tests.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.BasaltServerExtension;
import io.basalt.tests.harness.CommandResult;
import io.basalt.tests.harness.CommandRunner;
import io.basalt.tests.harness.RepoLayout;
import io.basalt.tests.harness.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Its jar alone on a class path is enough to connect": a separate JVM whose class path is the
 * shaded jar and nothing else finds the driver through DriverManager (ServiceLoader) and queries
 * a server, as a BI tool would.
 */
@ExtendWith(BasaltServerExtension.class)
class BasaltJdbcStandaloneJarTest {

    private static CommandResult probe(BasaltProcess basalt, String... jvmOptions) {
        Path probe = RepoLayout.root().resolve("tests/src/test/resources/jdbc/BiToolProbe.java");
        List<String> command = new java.util.ArrayList<>(List.of(ServerProcess.javaBinary()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", BasaltJdbcJar.path().toString(), probe.toString(),
                "jdbc:basalt://127.0.0.1:" + basalt.flightPort() + "/?user=root&password="));
        return CommandRunner.run(command, Duration.ofSeconds(120));
    }

    @Test
    void driverManagerFindsTheDriverInTheJarAlone(BasaltProcess basalt) {
        CommandResult r = probe(basalt, "--add-opens=java.base/java.nio=ALL-UNNAMED");
        assertThat(r.succeeded()).as(r.describe()).isTrue();
        assertThat(r.stdout().lines().filter(l -> l.startsWith("driver "))).as(r.describe())
                .containsExactly("driver io.basalt.jdbc.BasaltDriver");
        assertThat(r.stdout()).as(r.describe()).contains("product Basalt via Basalt JDBC Driver",
                "schema information_schema", "answer 42");
    }

    /** Arrow needs java.nio opened; without it the driver says so when connecting, not deep in a query. */
    @Test
    void withoutTheJvmOptionTheErrorSaysWhatToAdd(BasaltProcess basalt) {
        CommandResult r = probe(basalt);
        assertThat(r.succeeded()).as(r.describe()).isFalse();
        assertThat(r.stderr()).as(r.describe()).contains("java.sql.SQLException: The Basalt JDBC driver needs the JVM "
                + "option --add-opens=java.base/java.nio=ALL-UNNAMED");
    }
}
