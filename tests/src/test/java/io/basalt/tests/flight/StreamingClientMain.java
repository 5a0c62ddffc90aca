package io.basalt.tests.flight;

import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.RootAllocator;

/**
 * A client process for {@link FlightCancelTest}: starts streaming a query, reads one batch, says
 * so on stdout and waits to be killed, so the server sees a connection drop mid-stream.
 * Arguments: port, SQL.
 */
public final class StreamingClientMain {
    static final String READY = "STREAMING";

    private StreamingClientMain() {}

    public static void main(String[] args) throws Exception {
        RootAllocator allocator = new RootAllocator();
        FlightClient client = FlightClient.builder(allocator,
                Location.forGrpcInsecure("127.0.0.1", Integer.parseInt(args[0]))).build();
        CallOption token = client.authenticateBasicToken("root", "").orElseThrow();
        FlightSqlClient sql = new FlightSqlClient(client);
        FlightInfo info = sql.execute(args[1], token);
        FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket(), token);
        if (!stream.next()) {
            throw new IllegalStateException("no rows");
        }
        System.out.println(READY);
        System.out.flush();
        // Bounded: the test kills this process long before.
        Thread.sleep(120_000);
    }
}
