package io.basalt.tests.flight;

import io.basalt.tests.harness.BasaltProcess;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.Text;

/** A FlightSqlClient logged in to a Basalt server with basic credentials, and its bearer token. */
final class FlightLogin implements AutoCloseable {
    final BufferAllocator allocator = new RootAllocator();
    final FlightClient client;
    final FlightSqlClient sql;
    final CallOption token;

    private FlightLogin(String host, int port, String user, String password) {
        client = FlightClient.builder(allocator, Location.forGrpcInsecure(host, port)).build();
        try {
            token = client.authenticateBasicToken(user, password).orElseThrow();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        sql = new FlightSqlClient(client);
    }

    static FlightLogin root(BasaltProcess basalt) {
        return as(basalt, "root", "");
    }

    static FlightLogin as(BasaltProcess basalt, String user, String password) {
        return new FlightLogin("127.0.0.1", basalt.flightPort(), user, password);
    }

    /** Every row of every endpoint, values as Arrow's getObject gives them (Text as String). */
    List<List<Object>> rows(FlightInfo info) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (var endpoint : info.getEndpoints()) {
            try (FlightStream s = sql.getStream(endpoint.getTicket(), token)) {
                while (s.next()) {
                    VectorSchemaRoot root = s.getRoot();
                    for (int r = 0; r < root.getRowCount(); r++) {
                        List<Object> row = new ArrayList<>();
                        for (FieldVector v : root.getFieldVectors()) {
                            Object o = v.getObject(r);
                            row.add(o instanceof Text t ? t.toString() : o);
                        }
                        rows.add(row);
                    }
                }
            }
        }
        return rows;
    }

    List<List<Object>> query(String sqlText) throws Exception {
        return rows(sql.execute(sqlText, token));
    }

    @Override
    public void close() {
        try {
            if (client != null) {
                client.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        allocator.close();
    }
}
