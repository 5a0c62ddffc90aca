package io.basalt.tests.harness;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A server started as a child process and owned by the test: its output goes to a log file, {@link #start()}
 * returns once the readiness probe passes (or fails fast with the log's tail if the process exits), and
 * {@link #stop()}, {@link #kill9()} and {@link #start()} again give restart with the same command.
 *
 * <p>On Linux, {@link Process#destroy()} sends SIGTERM and {@link Process#destroyForcibly()} SIGKILL
 * (ServerProcessTest checks this through the exit codes 143 and 137).
 */
public final class ServerProcess implements AutoCloseable {

    /** Exit code of a process ended by SIGTERM that did not choose its own exit code (128 + 15). */
    public static final int SIGTERM_EXIT = 143;
    /** Exit code of a process ended by SIGKILL (128 + 9). */
    public static final int SIGKILL_EXIT = 137;

    private static final Duration PROBE_INTERVAL = Duration.ofMillis(200);
    /** Log lines quoted in failure messages are cut here: a class-path command line can be many kilobytes. */
    private static final int MAX_LINE = 1000;

    private final String name;
    private final List<String> command;
    private final Path logFile;
    private final ReadinessProbe probe;
    private final Duration startTimeout;
    private final Duration stopTimeout;
    private Process process;
    private int starts;

    /**
     * @param name a short name for messages
     * @param command the command line, run from the log file's directory
     * @param logFile stdout and stderr of every start are appended here
     * @param probe passes once the server serves
     * @param startTimeout how long {@link #start()} waits for the probe
     * @param stopTimeout how long {@link #stop()} waits after SIGTERM before it sends SIGKILL
     */
    public ServerProcess(String name, List<String> command, Path logFile, ReadinessProbe probe,
                         Duration startTimeout, Duration stopTimeout) {
        this.name = requireNonNull(name, "name");
        this.command = List.copyOf(command);
        this.logFile = logFile.toAbsolutePath();
        this.probe = requireNonNull(probe, "probe");
        this.startTimeout = requireNonNull(startTimeout, "startTimeout");
        this.stopTimeout = requireNonNull(stopTimeout, "stopTimeout");
    }

    /** Starts the process and waits until it is ready. Fails with the log's tail if it exits or times out. */
    public synchronized void start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running as pid " + process.pid());
        }
        starts++;
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "=== " + Instant.now() + " start #" + starts + ": " + String.join(" ", command)
                    + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(logFile.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
        }
        ChildProcesses.register(process);
        awaitReady();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        String lastProblem = "the probe never ran";
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") exited with code "
                        + process.exitValue() + " before it was ready; log " + logFile + ":\n" + logTail(40));
            }
            try {
                if (probe.ready()) {
                    return;
                }
                lastProblem = "the probe said not ready";
            } catch (Exception e) {
                lastProblem = e.toString();
            }
            if (System.nanoTime() > deadline) {
                long pid = process.pid();
                kill9();
                throw new IllegalStateException(name + " (pid " + pid + ") was not ready after " + startTimeout
                        + " (" + lastProblem + "); killed it; log " + logFile + ":\n" + logTail(40));
            }
            sleep(PROBE_INTERVAL);
        }
    }

    /** SIGTERM, then SIGKILL if the process has not exited within the stop timeout. Returns the exit code. */
    public synchronized int stop() {
        if (process == null) {
            return -1;
        }
        process.destroy();
        try {
            if (!process.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                appendToLog("=== did not exit " + stopTimeout + " after SIGTERM; sending SIGKILL");
                return kill9();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return kill9();
        }
        ChildProcesses.unregister(process);
        return process.exitValue();
    }

    /** SIGKILL (no shutdown hooks, no flush) and wait for the process to be gone. Returns the exit code. */
    public synchronized int kill9() {
        if (process == null) {
            return -1;
        }
        process.destroyForcibly();
        boolean interrupted = false;
        while (true) {
            try {
                process.waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        ChildProcesses.unregister(process);
        return process.exitValue();
    }

    /** Stops (SIGTERM) if running, then starts again with the same command. */
    public synchronized void restart() {
        if (isAlive()) {
            stop();
        }
        start();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The pid of the current (or last) process. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return process.pid();
    }

    /** The exit code of the last process, or empty while it runs (or before the first start). */
    public synchronized OptionalInt exitCode() {
        return process == null || process.isAlive() ? OptionalInt.empty()
                : OptionalInt.of(process.exitValue());
    }

    public Path logFile() {
        return logFile;
    }

    public List<String> command() {
        return command;
    }

    /** The last {@code lines} lines of the log file. */
    public String logTail(int lines) {
        try {
            if (!Files.exists(logFile)) {
                return "(no log file)";
            }
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
                    .map(l -> l.length() <= MAX_LINE ? l : l.substring(0, MAX_LINE) + " ...(" + l.length() + " chars)")
                    .collect(Collectors.joining(System.lineSeparator()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read log: " + e + ")";
        }
    }

    private void appendToLog(String line) {
        try {
            Files.writeString(logFile, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log is a convenience; losing one line of it is not worth failing the test
        }
    }

    /** Stops the process if it runs. */
    @Override
    public void close() {
        if (isAlive()) {
            stop();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a server", e);
        }
    }

    /** The command line of the running JVM's {@code java} binary, for starting child JVMs. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
