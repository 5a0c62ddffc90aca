package io.basalt.tests.slt;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs sqllogictest scripts against a MySQL-protocol server over JDBC, one statement at a time on one
 * connection per file, each file in a database of its own that is created before and dropped after.
 */
public final class SltRunner implements AutoCloseable {

    /** The engine name that {@code skipif}/{@code onlyif} guards are evaluated against. */
    public static final String ENGINE = "mysql";

    /** Opens a connection to the server, with {@code database} as its default database (null for none). */
    @FunctionalInterface
    public interface Connector {
        Connection connect(String database) throws SQLException;
    }

    private final Connector connector;
    private final Duration queryTimeout;
    private final int keepFailures;
    private final ExecutorService abortExecutor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "slt-network-timeout");
        t.setDaemon(true);
        return t;
    });
    private Connection admin;

    /**
     * @param connector opens connections to the server under test
     * @param queryTimeout per-record limit; the connection is also given a network timeout a little longer
     * @param keepFailures how many failures per file to keep with their details
     */
    public SltRunner(Connector connector, Duration queryTimeout, int keepFailures) {
        this.connector = requireNonNull(connector, "connector");
        this.queryTimeout = requireNonNull(queryTimeout, "queryTimeout");
        this.keepFailures = keepFailures;
    }

    /** Runs one script file; {@code name} is its path relative to the corpus root. */
    public FileResult run(String name, Path file, Duration budget) throws IOException {
        return run(name, SltParser.parse(file), budget);
    }

    /** Runs parsed records as the file {@code name}, with no time budget beyond the per-record timeout. */
    public FileResult run(String name, List<SltRecord> records) {
        return run(name, records, Duration.ofDays(365));
    }

    /**
     * Runs parsed records as the file {@code name}. Records still waiting when {@code budget} has run out are
     * counted as failed, so that a server that is slow everywhere cannot stall the suite.
     */
    public FileResult run(String name, List<SltRecord> records, Duration budget) {
        long start = System.nanoTime();
        String database = databaseName(name);
        FileRun run = new FileRun(records, start + budget.toNanos());
        try {
            adminExecute("DROP DATABASE IF EXISTS " + database);
        } catch (SQLException e) {
            // a leftover from an interrupted run is rare; CREATE DATABASE below says whether it matters
        }
        try {
            adminExecute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            run.abort(0, "cannot create database " + database + ": " + e.getMessage());
            return run.result(name, start);
        }
        try {
            run.execute(database);
        } finally {
            try {
                adminExecute("DROP DATABASE IF EXISTS " + database);
            } catch (SQLException e) {
                // the next run of this file drops it first; nothing to do about it here
            }
        }
        return run.result(name, start);
    }

    /** The database a file runs in: {@code slt_} plus its path, in identifier characters. */
    static String databaseName(String name) {
        String id = "slt_" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return id.length() <= 64 ? id : id.substring(0, 64);
    }

    private void adminExecute(String sql) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try {
                if (admin == null || admin.isClosed()) {
                    admin = connector.connect(null);
                }
                try (Statement s = admin.createStatement()) {
                    s.setQueryTimeout(timeoutSeconds());
                    s.execute(sql);
                }
                return;
            } catch (SQLException e) {
                closeQuietly(admin);
                admin = null;
                if (attempt >= 1) {
                    throw e;
                }
            }
        }
    }

    private int timeoutSeconds() {
        return (int) Math.max(1, queryTimeout.toSeconds());
    }

    @Override
    public void close() {
        closeQuietly(admin);
        admin = null;
        abortExecutor.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            // closing a broken connection may fail; it is gone either way
        }
    }

    /** The state of one file's run: its connection, hash threshold, labels and counts. */
    private final class FileRun {
        private final List<SltRecord> records;
        private final List<RecordFailure> failures = new ArrayList<>();
        private final Map<String, String> labelHashes = new HashMap<>();
        private int total;
        private int passed;
        private int failed;
        private int skipped;
        private int hashThreshold;
        private Connection conn;
        private Statement stmt;
        private String database;

        private final long deadlineNanos;

        FileRun(List<SltRecord> records, long deadlineNanos) {
            this.records = records;
            this.deadlineNanos = deadlineNanos;
        }

        void execute(String database) {
            this.database = database;
            try {
                for (int i = 0; i < records.size(); i++) {
                    SltRecord record = records.get(i);
                    boolean applies = record.appliesTo(ENGINE);
                    if (record instanceof SltRecord.Halt) {
                        if (applies) {
                            return;
                        }
                        continue;
                    }
                    if (record instanceof SltRecord.HashThreshold h) {
                        if (applies) {
                            hashThreshold = h.threshold();
                        }
                        continue;
                    }
                    total++;
                    if (!applies) {
                        skipped++;
                        continue;
                    }
                    if (System.nanoTime() - deadlineNanos > 0) {
                        total--;
                        abort(i, "the file's time budget ran out before this record");
                        return;
                    }
                    if (stmt == null) {
                        try {
                            open();
                        } catch (SQLException e) {
                            total--;
                            abort(i, "cannot connect to database " + database + ": " + e.getMessage());
                            return;
                        }
                    }
                    if (record instanceof SltRecord.Statement s) {
                        runStatement(s);
                    } else if (record instanceof SltRecord.Query q) {
                        runQuery(q);
                    }
                }
            } finally {
                closeQuietly(stmt);
                closeQuietly(conn);
            }
        }

        private void open() throws SQLException {
            closeQuietly(stmt);
            closeQuietly(conn);
            stmt = null;
            conn = connector.connect(database);
            conn.setNetworkTimeout(abortExecutor, (int) queryTimeout.plusSeconds(15).toMillis());
            stmt = conn.createStatement();
            stmt.setQueryTimeout(timeoutSeconds());
        }

        private void runStatement(SltRecord.Statement s) {
            try {
                stmt.execute(s.sql());
                if (s.expectError()) {
                    fail(s.line(), s.sql(), "error", "ok", null);
                } else {
                    passed++;
                }
            } catch (SQLException e) {
                if (s.expectError()) {
                    passed++;
                } else {
                    fail(s.line(), s.sql(), "ok", null, describe(e));
                }
                recoverConnection(e);
            }
        }

        private void runQuery(SltRecord.Query q) {
            List<List<String>> rows = new ArrayList<>();
            try {
                if (!stmt.execute(q.sql())) {
                    fail(q.line(), q.sql(), String.join("\n", q.expected()), null, "the query returned no result set");
                    return;
                }
                try (ResultSet rs = stmt.getResultSet()) {
                    ResultSetMetaData md = rs.getMetaData();
                    int columns = md.getColumnCount();
                    if (columns != q.types().length()) {
                        fail(q.line(), q.sql(), String.join("\n", q.expected()), null,
                                "the query returned " + columns + " columns; its type string '" + q.types()
                                        + "' has " + q.types().length());
                        return;
                    }
                    while (rs.next()) {
                        List<String> row = new ArrayList<>(columns);
                        for (int c = 1; c <= columns; c++) {
                            row.add(ValueFormatter.format(rs.getString(c), q.types().charAt(c - 1)));
                        }
                        rows.add(row);
                    }
                }
            } catch (SQLException e) {
                fail(q.line(), q.sql(), String.join("\n", q.expected()), null, describe(e));
                recoverConnection(e);
                return;
            }
            List<String> values = q.sortMode().apply(rows);
            Optional<String> mismatch = ResultCheck.mismatch(values, q.expected(), hashThreshold);
            if (mismatch.isPresent()) {
                fail(q.line(), q.sql(), String.join("\n", q.expected()), mismatch.get(), null);
                return;
            }
            if (q.hasLabel()) {
                String hash = ResultCheck.hashLine(values);
                String earlier = labelHashes.putIfAbsent(q.label(), hash);
                if (earlier != null && !earlier.equals(hash)) {
                    fail(q.line(), q.sql(), earlier + " (label " + q.label() + ")", hash, null);
                    return;
                }
            }
            passed++;
        }

        /** After an error that may have broken the connection, check it and reconnect if it is gone. */
        private void recoverConnection(SQLException e) {
            String state = e.getSQLState();
            boolean suspicious = e instanceof SQLTimeoutException || (state != null && state.startsWith("08"));
            try {
                if (!conn.isClosed() && (!suspicious || conn.isValid(5))) {
                    return;
                }
            } catch (SQLException ignored) {
                // treat as broken
            }
            closeQuietly(stmt);
            closeQuietly(conn);
            stmt = null;
            conn = null;
            // the next record reconnects (and aborts the file if it cannot)
        }

        private void fail(int line, String sql, String expected, String actual, String error) {
            failed++;
            if (failures.size() < keepFailures) {
                failures.add(new RecordFailure(line, sql, expected, actual, error));
            }
        }

        /** Counts every remaining runnable record from {@code from} on as failed, with one failure saying why. */
        void abort(int from, String reason) {
            boolean reported = false;
            for (int i = from; i < records.size(); i++) {
                SltRecord r = records.get(i);
                boolean applies = r.appliesTo(ENGINE);
                if (r instanceof SltRecord.Halt) {
                    if (applies) {
                        break;
                    }
                    continue;
                }
                if (r instanceof SltRecord.HashThreshold) {
                    continue;
                }
                total++;
                if (!applies) {
                    skipped++;
                } else if (!reported) {
                    String sql = r instanceof SltRecord.Statement s ? s.sql() : ((SltRecord.Query) r).sql();
                    fail(r.line(), sql, "(not run)", null, reason);
                    reported = true;
                } else {
                    failed++;
                }
            }
        }

        FileResult result(String name, long startNanos) {
            return new FileResult(name, total, passed, failed, skipped, failures,
                    Duration.ofNanos(System.nanoTime() - startNanos));
        }
    }

    private static String describe(SQLException e) {
        return e.getClass().getSimpleName() + " [" + e.getSQLState() + "/" + e.getErrorCode() + "]: " + e.getMessage();
    }

}
