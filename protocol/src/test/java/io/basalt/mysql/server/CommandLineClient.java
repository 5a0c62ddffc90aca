package io.basalt.mysql.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a MySQL command-line program ({@code mysql}, {@code mysqladmin}) against a test server. */
final class CommandLineClient {
    /** Exit code and output of one run. */
    record Run(int exitCode, String stdout, String stderr) {}

    private final Path program;

    private CommandLineClient(Path program) {
        this.program = program;
    }

    /** The program called {@code name} on the PATH; fails the test when it is not installed. */
    static CommandLineClient find(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return new CommandLineClient(candidate);
            }
        }
        throw new AssertionError(name + " must be installed (apt-get install mariadb-client)");
    }

    /** Runs the program against 127.0.0.1:{@code port} with no option files, then {@code args}. */
    Run run(int port, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(program.toString(), "--no-defaults", "-h127.0.0.1", "-P" + port));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("mysql", ".out");
        Path stderr = Files.createTempFile("mysql", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("client finished").isTrue();
            // Lenient decoding: binary column values are not valid UTF-8.
            return new Run(process.exitValue(), new String(Files.readAllBytes(stdout), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
