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

/** Runs a MySQL command-line program ({@code mysql}, {@code mysqladmin}, {@code sysbench}) against a test server. */
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
        throw new AssertionError(name + " must be installed (apt-get install mariadb-client sysbench)");
    }

    /** Runs the program against 127.0.0.1:{@code port} with no option files, then {@code args}. */
    Run run(int port, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("--no-defaults", "-h127.0.0.1", "-P" + port));
        command.addAll(List.of(args));
        return runRaw(command.toArray(String[]::new));
    }

    /** Runs the program with exactly {@code args}. */
    Run runRaw(String... args) throws IOException, InterruptedException {
        return runIn(null, args);
    }

    /** Runs the program with exactly {@code args} in {@code directory} (null: the current one). */
    Run runIn(Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("mysql", ".out");
        Path stderr = Files.createTempFile("mysql", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            Process process = builder.start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("client finished").isTrue();
            // Lenient decoding: binary column values are not valid UTF-8.
            return new Run(process.exitValue(), new String(Files.readAllBytes(stdout), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
