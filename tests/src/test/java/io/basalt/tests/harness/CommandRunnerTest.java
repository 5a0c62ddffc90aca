package io.basalt.tests.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandRunnerTest {

    @Test
    void capturesStdoutStderrAndExitCode() {
        CommandResult r = CommandRunner.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), Duration.ofSeconds(30));

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdout()).isEqualTo("out\n");
        assertThat(r.stderr()).isEqualTo("err\n");
        assertThat(r.timedOut()).isFalse();
        assertThat(r.succeeded()).isFalse();
        assertThat(r.describe()).contains("exit 3").contains("out").contains("err");
    }

    @Test
    void feedsStandardInput() {
        CommandResult r = CommandRunner.run(List.of("tr", "a-z", "A-Z"), "select 1;\n", Duration.ofSeconds(30));

        assertThat(r.succeeded()).isTrue();
        assertThat(r.stdout()).isEqualTo("SELECT 1;\n");
    }

    @Test
    void killsTheCommandAndItsChildrenAtTheTimeout() {
        CommandResult r = CommandRunner.run(List.of("sh", "-c", "sleep 60 & sleep 60; wait"), Duration.ofMillis(500));

        assertThat(r.timedOut()).isTrue();
        assertThat(r.exitCode()).isEqualTo(-1);
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(20));
    }
}
