package io.basalt.flight;

import static java.util.Objects.requireNonNull;

import io.basalt.session.SessionFactory;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Arrow Flight SQL listener: serves Flight SQL clients (Arrow's JDBC driver, ADBC,
 * FlightSqlClient) over gRPC on Netty, authenticating them and running their statements through
 * the {@link SessionFactory}'s sessions. It knows nothing of SQL, users or catalogs beyond that.
 *
 * <p>It owns one allocator, a child of the one given, for everything it sends and receives; batches
 * of the sessions' results are transferred into it, so the sessions' allocators must share its root.
 *
 * <pre>{@code
 * FlightSqlServer server = new FlightSqlServer(FlightSqlConfig.defaults().withPort(9408), sessionFactory, allocator);
 * server.start();
 * ...
 * server.close();
 * }</pre>
 */
public final class FlightSqlServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlightSqlServer.class);
    private static final long SHUTDOWN_WAIT_SECONDS = 10;
    /**
     * How long to wait, after the calls ended, for gRPC to release the batches it sent: the
     * transport lets go of a message's buffers when its write completes on the event loop, which
     * can be after the client has read it and the call has ended.
     */
    private static final long RELEASE_WAIT_MILLIS = 5_000;

    private final FlightSqlConfig config;
    private final SessionFactory factory;
    private final BufferAllocator parentAllocator;
    private BufferAllocator allocator;
    private FlightSessions sessions;
    private ExecutorService executor;
    private FlightServer server;

    public FlightSqlServer(FlightSqlConfig config, SessionFactory factory, BufferAllocator parentAllocator) {
        this.config = requireNonNull(config, "config");
        this.factory = requireNonNull(factory, "factory");
        this.parentAllocator = requireNonNull(parentAllocator, "parentAllocator");
    }

    /** Binds the port and starts serving. */
    public void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        allocator = parentAllocator.newChildAllocator("flight-sql", 0, Long.MAX_VALUE);
        sessions = new FlightSessions(factory, config.sessionIdleTimeout());
        executor = Executors.newCachedThreadPool(new NamedThreads());
        Location location = config.tls() ? Location.forGrpcTls(config.bindHost(), config.port())
                : Location.forGrpcInsecure(config.bindHost(), config.port());
        Consumer<NettyServerBuilder> grpc = b -> b.addStreamTracerFactory(new PeerAddressTracer());
        FlightServer.Builder builder = FlightServer.builder(allocator, location,
                        new BasaltFlightSqlProducer(sessions, config, allocator))
                .executor(executor)
                .middleware(SessionAuthMiddleware.KEY, new SessionAuthMiddleware.Factory(sessions, config.tls()))
                .transportHint("grpc.builderConsumer", grpc);
        try {
            if (config.tls()) {
                try (InputStream cert = Files.newInputStream(config.tlsCertificateChain());
                        InputStream key = Files.newInputStream(config.tlsPrivateKey())) {
                    builder.useTls(cert, key);
                    server = builder.build();
                }
            } else {
                server = builder.build();
            }
            server.start();
        } catch (IOException | RuntimeException e) {
            release();
            throw e;
        }
        LOG.info("Flight SQL listening on {}:{}{}", config.bindHost(), server.getPort(), config.tls() ? " (TLS)" : "");
    }

    /** The bound port (the real one when configured with 0). */
    public int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getPort();
    }

    /** Open Flight sessions. */
    public int sessionCount() {
        return sessions == null ? 0 : sessions.size();
    }

    /** Stops accepting calls, ends running ones, closes every session and releases the allocator. */
    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            // Ending the sessions makes running streams stop at their next batch, so the calls end.
            sessions.close();
            try {
                if (!server.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    server.close();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        release();
        LOG.info("Flight SQL stopped");
    }

    private void release() {
        if (sessions != null) {
            sessions.close();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
        if (allocator != null) {
            awaitReleased(allocator);
            try {
                allocator.close();
            } catch (IllegalStateException e) {
                // Batches still in flight on aborted calls; the parent reports them at its close too.
                LOG.warn("Flight SQL memory still allocated at shutdown: {}", e.getMessage());
            }
        }
        server = null;
        sessions = null;
        executor = null;
        allocator = null;
    }

    private static void awaitReleased(BufferAllocator allocator) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RELEASE_WAIT_MILLIS);
        while (allocator.getAllocatedMemory() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Daemon threads named for thread dumps. */
    private static final class NamedThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "flight-sql-" + next.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
