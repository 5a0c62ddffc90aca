package io.basalt.tests.harness;

import java.time.Duration;
import java.util.List;

/**
 * What a command-line client run produced.
 *
 * @param command the command line
 * @param exitCode the exit code; -1 when it timed out and was killed
 * @param stdout standard output, UTF-8
 * @param stderr standard error, UTF-8
 * @param timedOut whether the timeout ran out first
 * @param elapsed wall time
 */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr, boolean timedOut,
                            Duration elapsed) {

    public CommandResult {
        command = List.copyOf(command);
    }

    /** Exited with code 0 within the timeout. */
    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** Everything about the run, for assertion messages. */
    public String describe() {
        return String.join(" ", command) + "\nexit " + (timedOut ? "(timed out)" : exitCode) + " after " + elapsed
                + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
}
