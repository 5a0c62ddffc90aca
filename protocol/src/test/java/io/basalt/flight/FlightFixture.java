package io.basalt.flight;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightClientMiddleware;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.grpc.CredentialCallOption;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * A Flight SQL server over {@link FakeSessionFactory} on a free port, with clients that close with
 * it. The server's allocator is a child of {@link #serverRoot}, so tests can watch its memory.
 */
final class FlightFixture implements AutoCloseable {
    final RootAllocator serverRoot = new RootAllocator();
    final RootAllocator clientRoot = new RootAllocator();
    final FakeSessionFactory factory = new FakeSessionFactory(serverRoot);
    final FlightSqlServer server;
    private final List<AutoCloseable> clients = new ArrayList<>();

    FlightFixture() throws Exception {
        this(FlightSqlConfig.defaults().withPort(0));
    }

    FlightFixture(FlightSqlConfig config) throws Exception {
        server = new FlightSqlServer(config, factory, serverRoot);
        server.start();
    }

    Location location() {
        return Location.forGrpcInsecure("127.0.0.1", server.port());
    }

    /** A client not yet authenticated, with the given middleware. */
    FlightClient rawClient(FlightClientMiddleware.Factory... middleware) {
        FlightClient.Builder b = FlightClient.builder(clientRoot, location());
        for (FlightClientMiddleware.Factory m : middleware) {
            b.intercept(m);
        }
        FlightClient c = b.build();
        clients.add(0, c);
        return c;
    }

    /** A logged-in client: the FlightSqlClient and the bearer option each call must pass. */
    Login login(String user, String password, FlightClientMiddleware.Factory... middleware) {
        FlightClient c = rawClient(middleware);
        CredentialCallOption token = c.authenticateBasicToken(user, password).orElseThrow();
        return new Login(new FlightSqlClient(c), token, factory.last());
    }

    Login login() {
        return login("u", "secret");
    }

    BufferAllocator clientAllocator() {
        return clientRoot;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : clients) {
            c.close();
        }
        server.close();
        clientRoot.close();
        serverRoot.close();
    }

    /** A logged-in client with its session on the server. */
    record Login(FlightSqlClient sql, CallOption token, FakeSession session) {}
}
