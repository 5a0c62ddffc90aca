package io.basalt.server;

import io.basalt.flight.FlightSqlConfig;
import io.basalt.flight.FlightSqlServer;
import io.basalt.server.config.ConfigKeys;
import io.basalt.server.config.NodeConfig;
import io.basalt.session.SessionFactory;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The node's Arrow Flight SQL face: a {@link FlightSqlServer} on {@code bind_address} and
 * {@code arrow_flight_port}, serving the node's sessions. Wiring only; the service is in
 * {@code io.basalt.flight}.
 */
public final class FlightFace implements AutoCloseable {
    private final FlightSqlServer server;

    private FlightFace(FlightSqlServer server) {
        this.server = server;
    }

    /**
     * Starts serving.
     *
     * @param allocator the node's allocator; the Flight server takes a child of it, so session
     *     results can be handed over without copying
     */
    public static FlightFace start(NodeConfig config, SessionFactory sessions, BufferAllocator allocator,
            String version) throws IOException {
        FlightSqlConfig c = FlightSqlConfig.defaults()
                .withBindHost(config.get(ConfigKeys.BIND_ADDRESS))
                .withPort(config.get(ConfigKeys.ARROW_FLIGHT_PORT))
                .withServerVersion(version)
                .withMaxConnections(config.get(ConfigKeys.QE_MAX_CONNECTION));
        String cert = text(config.get(ConfigKeys.ARROW_FLIGHT_TLS_CERT));
        String key = text(config.get(ConfigKeys.ARROW_FLIGHT_TLS_KEY));
        if (cert != null && key != null) {
            c = c.withTls(Path.of(cert), Path.of(key));
        }
        FlightSqlServer server = new FlightSqlServer(c, sessions, allocator);
        server.start();
        return new FlightFace(server);
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
