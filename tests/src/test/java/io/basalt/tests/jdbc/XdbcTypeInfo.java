package io.basalt.tests.jdbc;

import io.basalt.tests.harness.BasaltProcess;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** The server's CommandGetXdbcTypeInfo rows, fetched with FlightSqlClient, in the form the driver test compares. */
final class XdbcTypeInfo {
    private XdbcTypeInfo() {}

    static List<String> rows(BasaltProcess basalt) throws Exception {
        List<String> out = new ArrayList<>();
        try (RootAllocator allocator = new RootAllocator();
                FlightClient client = FlightClient.builder(allocator,
                        Location.forGrpcInsecure("127.0.0.1", basalt.flightPort())).build()) {
            CallOption token = client.authenticateBasicToken("root", "").orElseThrow();
            FlightSqlClient sql = new FlightSqlClient(client);
            FlightInfo info = sql.getXdbcTypeInfo(token);
            for (FlightEndpoint e : info.getEndpoints()) {
                try (FlightStream s = sql.getStream(e.getTicket(), token)) {
                    while (s.next()) {
                        VectorSchemaRoot root = s.getRoot();
                        for (int r = 0; r < root.getRowCount(); r++) {
                            out.add(text(root, "type_name", r) + ":" + text(root, "data_type", r) + ":"
                                    + text(root, "column_size", r) + ":" + text(root, "literal_prefix", r) + ":"
                                    + text(root, "nullable", r) + ":" + text(root, "searchable", r) + ":"
                                    + text(root, "minimum_scale", r) + ":" + text(root, "maximum_scale", r) + ":"
                                    + text(root, "num_prec_radix", r));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String text(VectorSchemaRoot root, String column, int row) {
        Object o = root.getVector(column).getObject(row);
        return o == null ? "null" : o.toString();
    }
}
