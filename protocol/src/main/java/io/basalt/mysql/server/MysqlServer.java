package io.basalt.mysql.server;

import static java.util.Objects.requireNonNull;

import io.basalt.mysql.codec.Capabilities;
import io.basalt.session.SessionFactory;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MySQL wire-protocol listener: accepts clients (the {@code mysql} CLI, Connector/J, other MySQL
 * drivers), authenticates them through the {@link SessionFactory} and runs their commands on the
 * {@link io.basalt.session.Session} it opens. It speaks protocol 41 with caching_sha2_password,
 * mysql_native_password and (over TLS) mysql_clear_password, optional TLS and zlib compression,
 * text result sets streamed from Arrow batches, server-side prepared statements with binary rows
 * and cursors, multi-statements and CLIENT_DEPRECATE_EOF; it knows nothing of SQL, users or
 * catalogs.
 *
 * <p>Network I/O runs on Netty event loops (epoll where available, NIO otherwise); session calls run
 * on a separate pool of {@link MysqlServerConfig#workerThreads()} threads, one command at a time
 * per connection. Result rows are written as batches arrive and streaming pauses while a client
 * does not read, so a large result holds at most about one batch per connection in memory.
 *
 * <pre>{@code
 * MysqlServer server = new MysqlServer(MysqlServerConfig.defaults().withPort(9030)
 *         .withTls(TlsSettings.pemFiles(Path.of("server-cert.pem"), Path.of("server-key.pem"))), sessionFactory);
 * server.start();
 * ...
 * server.close();
 * }</pre>
 */
public final class MysqlServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MysqlServer.class);
    // Writes above the high mark make the channel unwritable and pause result streaming; it resumes
    // below the low mark.
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);
    private static final long SHUTDOWN_WAIT_SECONDS = 10;

    private final MysqlServerConfig config;
    private final SessionFactory sessions;
    private final ChannelGroup channels = new DefaultChannelGroup("mysql-clients", GlobalEventExecutor.INSTANCE);
    private final OpenConnections connections = new OpenConnections();
    private EventLoopGroup ioGroup;
    private ExecutorService workers;
    private ExecutorService cancels;
    private Channel serverChannel;
    private boolean closed;

    /**
     * @param config listener settings
     * @param sessions authenticates clients and opens their sessions
     */
    public MysqlServer(MysqlServerConfig config, SessionFactory sessions) {
        this.config = requireNonNull(config, "config");
        this.sessions = requireNonNull(sessions, "sessions");
    }

    /**
     * Binds the listening socket and starts accepting clients.
     *
     * @throws IOException when the address cannot be bound
     * @throws IllegalStateException when called twice or after {@link #close()}
     */
    public synchronized void start() throws IOException {
        if (serverChannel != null || closed) {
            throw new IllegalStateException("MySQL server already started or closed");
        }
        SslContext tls = TlsContexts.build(config.tls());
        int capabilities = Capabilities.SERVER | (tls != null ? Capabilities.SSL : 0)
                | (config.compression() ? Capabilities.COMPRESS : 0);
        Transport transport = Transport.detect();
        ioGroup = new MultiThreadIoEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("basalt-mysql-io", true),
                transport.ioHandlerFactory());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(config.workerThreads(), config.workerThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new DefaultThreadFactory("basalt-mysql-worker", true));
        pool.allowCoreThreadTimeOut(true);
        workers = pool;
        cancels = Executors.newSingleThreadExecutor(new DefaultThreadFactory("basalt-mysql-cancel", true));
        ServerContext context = new ServerContext(config, sessions, workers, cancels,
                new ServerStatistics(connections::count), connections, capabilities, tls, new AuthRsaKey());

        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(ioGroup)
                .channel(transport.serverChannelClass())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new MysqlChannelInitializer(context, channels));
        ChannelFuture bound = bootstrap.bind(config.bindHost(), config.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutdownExecutors();
            throw new IOException("Cannot listen for MySQL clients on " + config.bindHost() + ":" + config.port(), bound.cause());
        }
        serverChannel = bound.channel();
        LOG.info("MySQL protocol listening on {}:{} ({}, max_allowed_packet {}, {}, TLS {}, compression {})",
                config.bindHost(), port(), transport.name(), config.maxAllowedPacket(),
                config.defaultAuthPlugin().pluginName(), tls != null ? "on" : "off", config.compression() ? "on" : "off");
    }

    /**
     * The port actually bound, which differs from the configured one when that was 0.
     *
     * @throws IllegalStateException before {@link #start()}
     */
    public int port() {
        Channel channel = serverChannel;
        if (channel == null) {
            throw new IllegalStateException("MySQL server not started");
        }
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /**
     * Stops accepting clients, closes every connection (cancelling running statements and closing
     * their sessions) and releases all threads. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
            channels.close().awaitUninterruptibly();
            awaitSessionsClosed();
        }
        shutdownExecutors();
        if (serverChannel != null) {
            LOG.info("MySQL protocol listener on {}:{} closed", config.bindHost(), port());
        }
    }

    // A closed channel's cleanup (cancel, close result, close session) runs on the workers after
    // its close future completed, so the workers must outlive it.
    private void awaitSessionsClosed() {
        try {
            if (!connections.awaitNone(TimeUnit.SECONDS.toMillis(SHUTDOWN_WAIT_SECONDS))) {
                LOG.warn("{} MySQL sessions still open after {} s; shutting down anyway", connections.count(),
                        SHUTDOWN_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // Workers go first so sessions are closed while the event loops can still flush; then I/O.
    private void shutdownExecutors() {
        if (workers != null) {
            workers.shutdown();
            cancels.shutdown();
            try {
                if (!workers.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("MySQL worker threads did not finish within {} s; interrupting them", SHUTDOWN_WAIT_SECONDS);
                    workers.shutdownNow();
                }
            } catch (InterruptedException e) {
                workers.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        if (ioGroup != null) {
            ioGroup.shutdownGracefully(0, SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
