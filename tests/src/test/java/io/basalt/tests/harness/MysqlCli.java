package io.basalt.tests.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code mysql} command-line client pointed at a server on 127.0.0.1, as a DBA would run it:
 * {@code mysql -h127.0.0.1 -P<port> -uroot}. Output is in batch mode (tab-separated, no boxes).
 */
public final class MysqlCli {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final String binary;
    private final int port;

    /** The {@code mysql} binary on the PATH (or {@code -Dbasalt.mysql.cli}), talking to {@code port}. */
    public MysqlCli(int port) {
        this(System.getProperty("basalt.mysql.cli", "mysql"), port);
    }

    public MysqlCli(String binary, int port) {
        this.binary = binary;
        this.port = port;
    }

    /** Runs {@code sql} with {@code -e} (several statements may be separated by ';'), no default database. */
    public CommandResult execute(String sql) {
        return execute(null, sql);
    }

    /** Runs {@code sql} with {@code -e} in {@code database} (none when null). */
    public CommandResult execute(String database, String sql) {
        List<String> args = new ArrayList<>(List.of("--batch", "-e", sql));
        if (database != null) {
            args.add(database);
        }
        return run(args, null, DEFAULT_TIMEOUT);
    }

    /** Feeds {@code script} to the client's standard input, as {@code mysql < script.sql} does. */
    public CommandResult script(String database, String script) {
        List<String> args = new ArrayList<>(List.of("--batch"));
        if (database != null) {
            args.add(database);
        }
        return run(args, script, DEFAULT_TIMEOUT);
    }

    /** Runs the client with the connection options followed by {@code args}. */
    public CommandResult run(List<String> args, String stdin, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(binary, "--no-defaults", "--protocol=TCP", "-h127.0.0.1", "-P" + port, "-uroot"));
        command.addAll(args);
        return CommandRunner.run(command, stdin, timeout);
    }
}
