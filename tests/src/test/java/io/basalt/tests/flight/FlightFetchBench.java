package io.basalt.tests.flight;

import java.util.Locale;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.flight.sql.FlightSqlClient.ExecuteIngestOptions;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions.TableExistsOption;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions.TableNotExistOption;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Bench hook: fetches N rows of (BIGINT, INT, DOUBLE, VARCHAR(20)) from a running server through
 * Flight SQL and prints the rate. By default it first (re)loads the table with N generated rows by
 * bulk ingest; {@code --no-load} fetches what is there.
 *
 * <pre>
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -cp TEST_CLASSPATH io.basalt.tests.flight.FlightFetchBench \
 *     --port 9408 --rows 10000000 [--host 127.0.0.1] [--user root] [--password ''] \
 *     [--table bench.flight_rows] [--no-load] [--repeat 3]
 * </pre>
 *
 * Prints one line per fetch: {@code fetch rows=N seconds=S rows_per_s=R mb_per_s=M}.
 */
public final class FlightFetchBench {
    private FlightFetchBench() {}

    /** What one fetch measured. */
    record Result(long rows, long bytes, double seconds) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "fetch rows=%d seconds=%.3f rows_per_s=%.0f mb_per_s=%.1f", rows,
                    seconds, rows / seconds, bytes / seconds / 1e6);
        }
    }

    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = 9408;
        String user = "root";
        String password = "";
        String table = "bench.flight_rows";
        long rows = 1_000_000;
        boolean load = true;
        int repeat = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--user" -> user = args[++i];
                case "--password" -> password = args[++i];
                case "--table" -> table = args[++i];
                case "--rows" -> rows = Long.parseLong(args[++i].replace("_", ""));
                case "--no-load" -> load = false;
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (RootAllocator allocator = new RootAllocator();
                FlightClient client = FlightClient.builder(allocator, Location.forGrpcInsecure(host, port)).build()) {
            CallOption token = client.authenticateBasicToken(user, password).orElseThrow();
            FlightSqlClient sql = new FlightSqlClient(client);
            if (load) {
                load(sql, token, allocator, table, rows);
            }
            for (int r = 0; r < repeat; r++) {
                System.out.println(fetch(sql, token, table, rows));
            }
        }
    }

    /** Recreates {@code db.table} as (id BIGINT, v INT, d DOUBLE, s VARCHAR(20)) holding {@code rows} rows. */
    static void load(FlightSqlClient sql, CallOption token, RootAllocator allocator, String table, long rows)
            throws Exception {
        String db = table.substring(0, table.indexOf('.'));
        String name = table.substring(table.indexOf('.') + 1);
        sql.executeUpdate("CREATE DATABASE IF NOT EXISTS " + db, token);
        sql.executeUpdate("DROP TABLE IF EXISTS " + table, token);
        sql.executeUpdate("CREATE TABLE " + table + " (id BIGINT NOT NULL, v INT, d DOUBLE, s VARCHAR(20))", token);
        try (GeneratedBatches data = new GeneratedBatches(allocator, rows, 65_536)) {
            sql.executeIngest(data, new ExecuteIngestOptions(name, TableDefinitionOptions.newBuilder()
                    .setIfNotExist(TableNotExistOption.TABLE_NOT_EXIST_OPTION_FAIL)
                    .setIfExists(TableExistsOption.TABLE_EXISTS_OPTION_APPEND).build(), null, db, null), token);
        }
    }

    /** Reads {@code rows} rows of the table once, counting rows and Arrow bytes received. */
    static Result fetch(FlightSqlClient sql, CallOption token, String table, long rows) throws Exception {
        long start = System.nanoTime();
        FlightInfo info = sql.execute("SELECT id, v, d, s FROM " + table + " LIMIT " + rows, token);
        long count = 0;
        long bytes = 0;
        for (FlightEndpoint e : info.getEndpoints()) {
            try (FlightStream stream = sql.getStream(e.getTicket(), token)) {
                while (stream.next()) {
                    VectorSchemaRoot root = stream.getRoot();
                    count += root.getRowCount();
                    for (FieldVector v : root.getFieldVectors()) {
                        bytes += v.getBufferSize();
                    }
                }
            }
        }
        return new Result(count, bytes, (System.nanoTime() - start) / 1e9);
    }
}
