package io.basalt.server;

import io.basalt.consensus.RaftConfig;
import io.basalt.consensus.RaftNode;
import io.basalt.mysql.server.AuthPlugin;
import io.basalt.mysql.server.MysqlServer;
import io.basalt.mysql.server.TlsSettings;
import io.basalt.mysql.server.MysqlServerConfig;
import io.basalt.server.catalog.FrontendDef;
import io.basalt.server.cluster.ClusterService;
import io.basalt.server.cluster.FrontendTable;
import io.basalt.server.cluster.NodeFacts;
import io.basalt.server.command.Command;
import io.basalt.server.config.ConfigKeys;
import io.basalt.server.config.NodeConfig;
import io.basalt.server.http.HttpEndpoints;
import io.basalt.server.session.SessionManager;
import io.basalt.server.session.SessionRegistry;
import io.basalt.server.session.SessionServices;
import io.basalt.server.session.SystemVariables;
import io.basalt.server.state.DatabaseState;
import io.basalt.storage.StorageOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Basalt node: the replicated state behind a Raft group member, and the MySQL, Flight SQL and
 * HTTP faces in front of it. Starts in dependency order and stops in reverse.
 */
public final class BasaltNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BasaltNode.class);
    public static final String VERSION = "0.1.0";
    public static final String SERVER_VERSION = "8.0.33-basalt-" + VERSION;
    private static final String RAFT_GROUP = "basalt";

    private final NodeConfig config;
    private final Path dataDir;
    private final long startedAt = System.currentTimeMillis();
    private BufferAllocator allocator;
    private DatabaseState state;
    private RaftNode raft;
    private ClusterService cluster;
    private FrontendDef selfDef;
    private java.util.concurrent.ExecutorService background;
    private volatile boolean started;
    private volatile boolean caughtUp;
    private volatile boolean closing;
    private MysqlServer mysql;
    private FlightFace flight;
    private HttpEndpoints http;
    private SessionRegistry registry;

    public BasaltNode(NodeConfig config, Path dataDir) {
        this.config = config;
        this.dataDir = dataDir;
    }

    public void start() throws IOException, InterruptedException {
        applyLogLevel(config.get(ConfigKeys.LOG_LEVEL));
        config.onChange(ConfigKeys.LOG_LEVEL, (k, v) -> applyLogLevel((String) v));
        Files.createDirectories(dataDir);
        String host = config.get(ConfigKeys.HOST);
        String bind = config.get(ConfigKeys.BIND_ADDRESS);
        String self = host + ":" + config.get(ConfigKeys.EDIT_LOG_PORT);
        List<String> initialPeers = initialPeers(self);
        boolean singleNode = initialPeers.equals(List.of(self));
        allocator = new RootAllocator(config.get(ConfigKeys.QUERY_MEMORY_LIMIT_BYTES));
        StorageOptions storageOptions = StorageOptions.defaults().toBuilder()
                .flushRows(config.get(ConfigKeys.STORAGE_FLUSH_ROWS)).build();
        state = DatabaseState.open(dataDir.resolve("state"), allocator, storageOptions, SERVER_VERSION);
        RaftConfig raftConfig = RaftConfig.of(dataDir.resolve("raft"), RAFT_GROUP, self, initialPeers)
                .withElectionTimeoutMs(config.get(ConfigKeys.RAFT_ELECTION_TIMEOUT_MS))
                .withSnapshotIntervalSecs(config.get(ConfigKeys.RAFT_SNAPSHOT_INTERVAL_SECS))
                .withSnapshotLogEntries(config.get(ConfigKeys.RAFT_SNAPSHOT_LOG_ENTRIES))
                .withSnapshotLogBytes(config.get(ConfigKeys.RAFT_SNAPSHOT_LOG_BYTES));
        raft = RaftNode.start(raftConfig, state);
        selfDef = new FrontendDef(self, host, config.get(ConfigKeys.HTTP_PORT), config.get(ConfigKeys.QUERY_PORT),
                config.get(ConfigKeys.ARROW_FLIGHT_PORT), VERSION, startedAt);
        FrontendTable frontendTable = new FrontendTable(raft, state, this::facts);
        cluster = new ClusterService(raft, state, config, frontendTable);
        if (singleNode && raft.peers().equals(List.of(self))) {
            // A one-node cluster serves as soon as it has replayed its log: a committed barrier proves that.
            if (!raft.awaitLeader(Duration.ofSeconds(60))) {
                throw new IllegalStateException("no Raft leader elected within 60 s");
            }
            cluster.propose(new Command.Noop(), null);
            caughtUp = true;
        }

        SystemVariables.setNodeValue("port", (long) config.get(ConfigKeys.QUERY_PORT));
        SystemVariables.setGlobal("require_secure_transport", config.get(ConfigKeys.REQUIRE_SECURE_TRANSPORT) ? 1L : 0L);
        config.onChange(ConfigKeys.REQUIRE_SECURE_TRANSPORT,
                (k, v) -> SystemVariables.setGlobal("require_secure_transport", (Boolean) v ? 1L : 0L));
        SystemVariables.setNodeValue("datadir", dataDir.toString());
        SystemVariables.setNodeValue("version", SERVER_VERSION);
        SystemVariables.setNodeValue("max_allowed_packet", config.get(ConfigKeys.MAX_ALLOWED_PACKET));
        TlsSettings tls = tlsSettings();
        SystemVariables.setNodeValue("have_ssl", tls.enabled() ? "YES" : "DISABLED");
        SystemVariables.setNodeValue("have_openssl", tls.enabled() ? "YES" : "DISABLED");
        SystemVariables.setNodeValue("default_authentication_plugin", authPlugin().pluginName());
        registry = new SessionRegistry();
        SessionServices services = new SessionServices(state, cluster, registry, config, allocator, SERVER_VERSION,
                cluster);
        SessionManager sessions = new SessionManager(services);
        mysql = new MysqlServer(MysqlServerConfig.defaults()
                .withBindHost(bind)
                .withPort(config.get(ConfigKeys.QUERY_PORT))
                .withMaxAllowedPacket((int) Math.min(Integer.MAX_VALUE, config.get(ConfigKeys.MAX_ALLOWED_PACKET)))
                .withServerVersion(SERVER_VERSION)
                .withDefaultAuthPlugin(authPlugin())
                .withTls(tls)
                .withCompression(config.get(ConfigKeys.MYSQL_COMPRESSION)), sessions);
        mysql.start();
        flight = FlightFace.start(config, sessions, allocator, VERSION);
        http = new HttpEndpoints(bind, config.get(ConfigKeys.HTTP_PORT), this::isReady, this::metrics,
                () -> facts().toJson());
        if (config.get(ConfigKeys.DEBUG_FAULT_INJECTION)) {
            LOG.warn("fault injection is enabled on the HTTP port (debug_fault_injection); never in production");
            http.post("/debug/faults/isolate", params -> {
                raft.faults().isolateFrom(params.getOrDefault("peer", ""));
                return "isolated from " + raft.faults().isolatedPeers() + "\n";
            });
            http.post("/debug/faults/heal", params -> {
                raft.faults().reconnectAll();
                return "healed\n";
            });
        }
        http.start();
        started = true;
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "basalt-cluster-join");
            t.setDaemon(true);
            return t;
        });
        background.submit(this::joinCluster);
        LOG.info("Basalt {} up: MySQL on {}:{}, Flight SQL on {}:{}, HTTP on {}:{}, Raft on {} (members {}; data in {})",
                VERSION, bind, mysql.port(), bind, flight.port(), bind, http.port(), self,
                raft.peers().isEmpty() ? "none yet, waiting to be added" : String.join(",", raft.peers()), dataDir);
    }

    private AuthPlugin authPlugin() {
        String name = config.get(ConfigKeys.DEFAULT_AUTH_PLUGIN);
        AuthPlugin plugin = AuthPlugin.byName(name);
        if (plugin != AuthPlugin.CACHING_SHA2_PASSWORD && plugin != AuthPlugin.MYSQL_NATIVE_PASSWORD) {
            throw new IllegalArgumentException("default_authentication_plugin must be caching_sha2_password or "
                    + "mysql_native_password, not '" + name + "'");
        }
        return plugin;
    }

    private TlsSettings tlsSettings() {
        String mode = config.get(ConfigKeys.TLS).trim().toLowerCase(java.util.Locale.ROOT);
        return switch (mode) {
            case "off", "" -> TlsSettings.disabled();
            case "self-signed" -> TlsSettings.selfSigned(dataDir.resolve("tls"));
            case "pem" -> {
                String cert = config.get(ConfigKeys.SSL_CERT);
                String key = config.get(ConfigKeys.SSL_KEY);
                if (cert.isBlank() || key.isBlank()) {
                    throw new IllegalArgumentException("mysql_tls = pem needs ssl_cert and ssl_key");
                }
                yield TlsSettings.pemFiles(Path.of(cert), Path.of(key));
            }
            default -> throw new IllegalArgumentException("mysql_tls must be off, self-signed or pem, not '" + mode + "'");
        };
    }

    /** The configuration a new Raft group starts with: --peers, nothing with --join, else this node alone. */
    private List<String> initialPeers(String self) {
        String peers = config.get(ConfigKeys.PEERS).trim();
        String join = config.get(ConfigKeys.JOIN).trim();
        if (!peers.isEmpty() && !join.isEmpty()) {
            throw new IllegalArgumentException("use either --peers (a new cluster) or --join (an existing one), not both");
        }
        if (!join.isEmpty()) {
            if (join.equals(self)) {
                throw new IllegalArgumentException("--join names this node itself (" + self + "); name a running member");
            }
            return List.of();
        }
        if (peers.isEmpty()) {
            return List.of(self);
        }
        List<String> list = new ArrayList<>();
        for (String p : peers.split(",")) {
            if (!p.isBlank() && !list.contains(p.trim())) {
                list.add(p.trim());
            }
        }
        if (!list.contains(self)) {
            throw new IllegalArgumentException("--peers " + peers + " does not include this node's own Raft address "
                    + self + " (--host and --raft-port)");
        }
        return list;
    }

    /**
     * Catches up with the cluster, then records how to reach this node in the replicated registry
     * (SHOW FRONTENDS). A node started with --join waits here until a member adds it.
     */
    private void joinCluster() {
        while (!closing) {
            try {
                if (!caughtUp) {
                    if (raft.leaderAddress().isEmpty()) {
                        Thread.sleep(200);
                        continue;
                    }
                    raft.readIndex().get(30, TimeUnit.SECONDS);
                    caughtUp = true;
                    LOG.info("caught up with the cluster at index {} (leader {})", raft.appliedIndex(),
                            raft.leaderAddress().orElse("?"));
                }
                if (!selfDef.equals(state.frontends().get(selfDef.raftAddress()))) {
                    cluster.propose(new Command.RegisterFrontend(selfDef), null);
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.debug("not joined yet: {}", e.toString());
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Whether this node serves: it has replayed the log up to what the cluster had committed when
     * it started, and is the leader or hears from one (a node cut off from the majority is not
     * ready: it cannot take writes, and its reads may be stale).
     */
    boolean isReady() {
        if (!started || !caughtUp || raft == null) {
            return false;
        }
        if (raft.isLeader()) {
            return true;
        }
        long contact = raft.lastLeaderContactMillis().orElse(0);
        return raft.leaderAddress().isPresent()
                && System.currentTimeMillis() - contact < 2L * config.get(ConfigKeys.RAFT_ELECTION_TIMEOUT_MS);
    }

    private NodeFacts facts() {
        String role = raft.isLeader() ? "LEADER" : raft.leaderAddress().isPresent() ? "FOLLOWER" : "NONE";
        return new NodeFacts(selfDef.raftAddress(), role, raft.leaderAddress().orElse(""), raft.term(),
                raft.appliedIndex(), raft.lastLogIndex(), isReady(), mysql == null ? selfDef.queryPort() : mysql.port(),
                http == null ? selfDef.httpPort() : http.port(), flight == null ? selfDef.flightPort() : flight.port(),
                VERSION, startedAt,
                registry == null ? 0 : registry.size());
    }

    private static void applyLogLevel(String level) {
        ch.qos.logback.classic.Level l = ch.qos.logback.classic.Level.toLevel(level, null);
        if (l == null) {
            throw new IllegalArgumentException("unknown log level '" + level + "'");
        }
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(l);
    }

    public int mysqlPort() {
        return mysql.port();
    }

    private String metrics() {
        Runtime rt = Runtime.getRuntime();
        StringBuilder sb = new StringBuilder();
        metric(sb, "basalt_up", "gauge", "1 while the node runs", 1);
        metric(sb, "basalt_ready", "gauge", "1 when the node serves reads and writes", isReady() ? 1 : 0);
        metric(sb, "basalt_raft_members", "gauge", "Voting members in the Raft configuration", raft.peers().size());
        metric(sb, "basalt_connections", "gauge", "Open client sessions (MySQL and Flight SQL)", registry == null ? 0 : registry.size());
        metric(sb, "basalt_raft_is_leader", "gauge", "1 when this node leads its Raft group", raft.isLeader() ? 1 : 0);
        metric(sb, "basalt_raft_applied_index", "gauge", "Last Raft log index applied to the state", raft.appliedIndex());
        metric(sb, "basalt_raft_last_log_index", "gauge", "Last Raft log index on this node", raft.lastLogIndex());
        metric(sb, "basalt_raft_first_log_index", "gauge", "First Raft log index still kept (older ones are in the snapshot)",
                raft.firstLogIndex());
        metric(sb, "basalt_raft_last_snapshot_index", "gauge", "Log index covered by the latest snapshot",
                raft.lastSnapshotIndex());
        metric(sb, "basalt_raft_term", "gauge", "Current Raft term", raft.term());
        metric(sb, "basalt_databases", "gauge", "Databases in the catalog", state.catalog().databases().size());
        metric(sb, "basalt_arrow_allocated_bytes", "gauge", "Arrow memory held by queries and storage",
                allocator.getAllocatedMemory());
        metric(sb, "jvm_memory_used_bytes", "gauge", "JVM heap in use", rt.totalMemory() - rt.freeMemory());
        metric(sb, "jvm_memory_max_bytes", "gauge", "JVM maximum heap", rt.maxMemory());
        return sb.toString();
    }

    private static void metric(StringBuilder sb, String name, String type, String help, long value) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        sb.append(name).append(' ').append(value).append('\n');
    }

    /** Stops accepting clients, then shuts the Raft member and the state down. */
    @Override
    public void close() {
        started = false;
        closing = true;
        LOG.info("Basalt shutting down");
        if (background != null) {
            background.shutdownNow();
        }
        closeQuietly(http);
        closeQuietly(flight);
        closeQuietly(mysql);
        if (raft != null) {
            try {
                // A snapshot on the way out makes the next start replay less of the log.
                raft.snapshot().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("no snapshot taken at shutdown: {}", e.toString());
            }
        }
        closeQuietly(cluster);
        closeQuietly(raft);
        closeQuietly(state);
        closeQuietly(allocator);
        LOG.info("Basalt stopped");
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("error while stopping {}: {}", c.getClass().getSimpleName(), e.toString());
        }
    }
}
