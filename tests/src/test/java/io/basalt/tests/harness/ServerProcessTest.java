package io.basalt.tests.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process lifecycle of the harness, exercised on {@link FakeServerMain} so it runs without Basalt. */
class ServerProcessTest {

    @TempDir
    Path dir;

    private ServerProcess fake(String mode, int port, Duration startTimeout, Duration stopTimeout, String... more) throws Exception {
        String classes = Path.of(FakeServerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> command = new java.util.ArrayList<>(List.of(ServerProcess.javaBinary(), "-Xmx32m", "-cp", classes,
                FakeServerMain.class.getName(), Integer.toString(port), mode));
        command.addAll(List.of(more));
        return new ServerProcess("fake", command, dir.resolve("logs/fake.log"), () -> accepts(port), startTimeout, stopTimeout);
    }

    private static boolean accepts(int port) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return s.getInputStream().read() == '!';
        }
    }

    @Test
    void startWaitsForReadinessAndStopSendsSigterm() throws Exception {
        int port = Ports.freePort();
        try (ServerProcess p = fake("serve", port, Duration.ofSeconds(30), Duration.ofSeconds(30))) {
            p.start();
            assertThat(p.isAlive()).isTrue();
            assertThat(accepts(port)).isTrue();
            assertThat(ProcessHandle.of(p.pid())).isPresent();
            assertThat(p.exitCode()).isEmpty();

            int code = p.stop();

            assertThat(code).isEqualTo(ServerProcess.SIGTERM_EXIT);
            assertThat(p.isAlive()).isFalse();
            assertThat(p.exitCode()).hasValue(ServerProcess.SIGTERM_EXIT);
            assertThat(Files.readString(p.logFile())).contains("fake server listening on " + port)
                    .contains("fake server shutdown hook ran");
        }
    }

    @Test
    void kill9SendsSigkillSoNoShutdownHookRunsAndRestartKeepsTheCommand() throws Exception {
        int port = Ports.freePort();
        try (ServerProcess p = fake("serve", port, Duration.ofSeconds(30), Duration.ofSeconds(30))) {
            p.start();
            long firstPid = p.pid();

            int code = p.kill9();

            assertThat(code).isEqualTo(ServerProcess.SIGKILL_EXIT);
            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(Files.readString(p.logFile())).doesNotContain("shutdown hook ran");

            p.restart();

            assertThat(p.pid()).isNotEqualTo(firstPid);
            assertThat(accepts(port)).isTrue();
            assertThat(Files.readString(p.logFile())).contains("start #1").contains("start #2");
        }
    }

    @Test
    void stopEscalatesToSigkillWhenSigtermIsNotEnough() throws Exception {
        int port = Ports.freePort();
        try (ServerProcess p = fake("ignore-term", port, Duration.ofSeconds(30), Duration.ofSeconds(2))) {
            p.start();

            int code = p.stop();

            assertThat(code).isEqualTo(ServerProcess.SIGKILL_EXIT);
            assertThat(p.logTail(5)).contains("sending SIGKILL");
        }
    }

    @Test
    void startFailsFastWithTheLogTailWhenTheProcessExits() throws Exception {
        ServerProcess p = fake("exit", Ports.freePort(), Duration.ofSeconds(60), Duration.ofSeconds(5), "3");
        long start = System.nanoTime();

        assertThatThrownBy(p::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code 3 before it was ready")
                .hasMessageContaining("fake server giving up")
                .hasMessageContaining(p.logFile().toString());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void startGivesUpAfterTheTimeoutAndKillsTheProcess() throws Exception {
        ServerProcess p = fake("never-ready", Ports.freePort(), Duration.ofSeconds(3), Duration.ofSeconds(5));

        assertThatThrownBy(p::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was not ready after PT3S")
                .hasMessageContaining("fake server pid");
        assertThat(p.isAlive()).isFalse();
        assertThat(p.exitCode()).hasValue(ServerProcess.SIGKILL_EXIT);
    }
}
