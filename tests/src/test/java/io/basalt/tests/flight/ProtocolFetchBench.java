package io.basalt.tests.flight;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.jdbc.BasaltJdbcJar;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.RootAllocator;

/**
 * Fetches one N-row result of (BIGINT, INT, DOUBLE, VARCHAR(20)) from one server through three
 * clients and prints rows/s and MB/s for each, and the Flight/MySQL ratio:
 * <ul>
 *   <li>Flight SQL: FlightSqlClient, batches counted as they arrive (a columnar consumer);
 *   <li>MySQL protocol: Connector/J streaming ({@code setFetchSize(Integer.MIN_VALUE)}), every
 *       value read with getLong/getInt/getDouble/getString;
 *   <li>the Basalt JDBC driver (its shaded jar, in a class loader of its own), every value read
 *       the same way.
 * </ul>
 * MB/s is of the data itself (8 + 4 + 8 bytes and the string's bytes per row), the same figure for
 * all three; Flight's line also gives the Arrow buffer bytes it received.
 *
 * <pre>
 * bench/fetch-protocols.sh [--rows 10000000]      # starts its own server
 * java ... io.basalt.tests.flight.ProtocolFetchBench --rows N --flight-port P --mysql-port Q [--no-load] [--warmups W]
 * </pre>
 */
public final class ProtocolFetchBench {
    private static final String TABLE = "bench.fetch_rows";

    private ProtocolFetchBench() {}

    /** One client's fetch. */
    record Run(String client, long rows, long dataBytes, double seconds, String extra) {
        double rowsPerSecond() {
            return rows / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-12s rows=%d seconds=%.3f rows_per_s=%.0f mb_per_s=%.1f%s", client, rows,
                    seconds, rowsPerSecond(), dataBytes / seconds / 1e6, extra);
        }
    }

    public static void main(String[] args) throws Exception {
        long rows = 10_000_000;
        Integer flightPort = null;
        Integer mysqlPort = null;
        boolean load = true;
        int warmups = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i].replace("_", ""));
                case "--flight-port" -> flightPort = Integer.parseInt(args[++i]);
                case "--mysql-port" -> mysqlPort = Integer.parseInt(args[++i]);
                case "--no-load" -> load = false;
                case "--warmups" -> warmups = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        BasaltProcess own = null;
        if (flightPort == null || mysqlPort == null) {
            System.out.println("starting a Basalt node (log under tests/target/basalt-logs)");
            own = BasaltProcess.start("protocol-fetch-bench", null, List.of(), List.of("-Xmx8g"));
            flightPort = own.flightPort();
            mysqlPort = own.mysqlPort();
        }
        try {
            // Each client fetches `warmups` times to warm up both ends' JIT (and to let compaction
            // after the load settle), then once more for the figures.
            for (int w = 0; w < warmups; w++) {
                System.out.println("warm-up " + (w + 1) + ":");
                run(rows, flightPort, mysqlPort, load && w == 0);
            }
            System.out.println("measured:");
            run(rows, flightPort, mysqlPort, load && warmups == 0);
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }

    static List<Run> run(long rows, int flightPort, int mysqlPort, boolean load) throws Exception {
        long dataBytes = dataBytes(rows);
        List<Run> runs = new ArrayList<>();
        try (RootAllocator allocator = new RootAllocator();
                FlightClient client = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", flightPort))
                        .build()) {
            CallOption token = client.authenticateBasicToken("root", "").orElseThrow();
            FlightSqlClient sql = new FlightSqlClient(client);
            if (load) {
                long start = System.nanoTime();
                FlightFetchBench.load(sql, token, allocator, TABLE, rows);
                System.out.printf(Locale.ROOT, "loaded %d rows by bulk ingest in %.1f s%n", rows,
                        (System.nanoTime() - start) / 1e9);
            }
            FlightFetchBench.Result r = FlightFetchBench.fetch(sql, token, TABLE, rows);
            runs.add(new Run("flight-sql", r.rows(), dataBytes, r.seconds(),
                    String.format(Locale.ROOT, " arrow_mb=%.0f arrow_mb_per_s=%.1f", r.bytes() / 1e6,
                            r.bytes() / r.seconds() / 1e6)));
            System.out.println(runs.get(runs.size() - 1));
        }
        String query = "SELECT id, v, d, s FROM " + TABLE + " LIMIT " + rows;
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + mysqlPort
                + "/?user=root&useSSL=false&allowPublicKeyRetrieval=true");
                Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(Integer.MIN_VALUE);
            runs.add(readAll("mysql", s, query, dataBytes));
            System.out.println(runs.get(runs.size() - 1));
        }
        try (Connection c = BasaltJdbcJar.connect("jdbc:basalt://127.0.0.1:" + flightPort + "/?user=root&password=");
                Statement s = c.createStatement()) {
            runs.add(readAll("basalt-jdbc", s, query, dataBytes));
            System.out.println(runs.get(runs.size() - 1));
        }
        System.out.printf(Locale.ROOT, "flight/mysql rows_per_s ratio = %.2f; basalt-jdbc/mysql = %.2f%n",
                runs.get(0).rowsPerSecond() / runs.get(1).rowsPerSecond(),
                runs.get(2).rowsPerSecond() / runs.get(1).rowsPerSecond());
        return runs;
    }

    /** Reads every value of every row, as a JDBC application would. */
    static Run readAll(String client, Statement s, String query, long dataBytes) throws Exception {
        long start = System.nanoTime();
        long count = 0;
        long check = 0;
        try (ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                check += rs.getLong(1) + rs.getInt(2) + (long) rs.getDouble(3) + rs.getString(4).length();
                count++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(client, count, dataBytes, seconds, " check=" + check);
    }

    /** Bytes of data in the first {@code rows} rows GeneratedBatches makes: 20 fixed bytes and "row-" + i. */
    static long dataBytes(long rows) {
        long bytes = 0;
        for (long digits = 1, from = 0, to = 10; from < rows; digits++, from = to, to *= 10) {
            bytes += (Math.min(rows, to) - from) * (4 + digits);
        }
        return rows * 20 + bytes;
    }
}
