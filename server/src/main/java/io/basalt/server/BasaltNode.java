package io.basalt.server;

import io.basalt.consensus.RaftConfig;
import io.basalt.consensus.RaftNode;
import io.basalt.mysql.server.MysqlServer;
import io.basalt.mysql.server.MysqlServerConfig;
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
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
    private MysqlServer mysql;
    private FlightFace flight;
    private HttpEndpoints http;
    private SessionRegistry registry;
    private volatile boolean ready;

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
        allocator = new RootAllocator(config.get(ConfigKeys.QUERY_MEMORY_LIMIT_BYTES));
        StorageOptions storageOptions = StorageOptions.defaults().toBuilder()
                .flushRows(config.get(ConfigKeys.STORAGE_FLUSH_ROWS)).build();
        state = DatabaseState.open(dataDir.resolve("state"), allocator, storageOptions, SERVER_VERSION);
        String self = host + ":" + config.get(ConfigKeys.EDIT_LOG_PORT);
        RaftConfig raftConfig = RaftConfig.of(dataDir.resolve("raft"), RAFT_GROUP, self, List.of(self))
                .withElectionTimeoutMs(config.get(ConfigKeys.RAFT_ELECTION_TIMEOUT_MS))
                .withSnapshotIntervalSecs(config.get(ConfigKeys.RAFT_SNAPSHOT_INTERVAL_SECS))
                .withSnapshotLogEntries(config.get(ConfigKeys.RAFT_SNAPSHOT_LOG_ENTRIES));
        raft = RaftNode.start(raftConfig, state);
        if (!raft.awaitLeader(Duration.ofSeconds(60))) {
            throw new IllegalStateException("no Raft leader elected within 60 s");
        }
        // A committed no-op makes sure the whole log is applied before clients read.
        new RaftProposer(raft, config).propose(new io.basalt.server.command.Command.Noop(), null);

        SystemVariables.setNodeValue("port", (long) config.get(ConfigKeys.QUERY_PORT));
        SystemVariables.setNodeValue("datadir", dataDir.toString());
        SystemVariables.setNodeValue("version", SERVER_VERSION);
        SystemVariables.setNodeValue("max_allowed_packet", config.get(ConfigKeys.MAX_ALLOWED_PACKET));
        registry = new SessionRegistry();
        SessionServices services = new SessionServices(state, new RaftProposer(raft, config), registry, config,
                allocator, SERVER_VERSION, this::frontends);
        SessionManager sessions = new SessionManager(services);
        mysql = new MysqlServer(MysqlServerConfig.defaults()
                .withBindHost(bind)
                .withPort(config.get(ConfigKeys.QUERY_PORT))
                .withMaxAllowedPacket((int) Math.min(Integer.MAX_VALUE, config.get(ConfigKeys.MAX_ALLOWED_PACKET)))
                .withServerVersion(SERVER_VERSION), sessions);
        mysql.start();
        flight = FlightFace.start(config, sessions, allocator, VERSION);
        http = new HttpEndpoints(bind, config.get(ConfigKeys.HTTP_PORT), () -> ready && raft.isLeader(),
                this::metrics, this::api);
        http.start();
        ready = true;
        LOG.info("Basalt {} ready: MySQL on {}:{}, Flight SQL on {}:{}, HTTP on {}:{}, Raft on {} (data in {})",
                VERSION, bind, mysql.port(), bind, flight.port(), bind, http.port(), self, dataDir);
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

    private List<Object[]> frontends() {
        List<Object[]> rows = new ArrayList<>();
        String host = config.get(ConfigKeys.HOST);
        LocalDateTime start = LocalDateTime.ofInstant(Instant.ofEpochMilli(startedAt), ZoneId.systemDefault()).withNano(0);
        rows.add(new Object[] {host + "_" + config.get(ConfigKeys.EDIT_LOG_PORT), host,
                String.valueOf(config.get(ConfigKeys.EDIT_LOG_PORT)), String.valueOf(config.get(ConfigKeys.HTTP_PORT)),
                String.valueOf(config.get(ConfigKeys.QUERY_PORT)), String.valueOf(config.get(ConfigKeys.ARROW_FLIGHT_PORT)),
                raft.isLeader() ? "LEADER" : "FOLLOWER", "1", "true", "true", String.valueOf(state.appliedIndex()),
                LocalDateTime.now().withNano(0).toString().replace('T', ' '), "true", "",
                start.toString().replace('T', ' '), VERSION, "0"});
        return rows;
    }

    private String metrics() {
        Runtime rt = Runtime.getRuntime();
        StringBuilder sb = new StringBuilder();
        metric(sb, "basalt_up", "gauge", "1 while the node runs", 1);
        metric(sb, "basalt_ready", "gauge", "1 when the node serves reads and writes", ready && raft.isLeader() ? 1 : 0);
        metric(sb, "basalt_connections", "gauge", "Open MySQL sessions", registry == null ? 0 : registry.size());
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

    private String api() {
        return "{\"version\":\"" + VERSION + "\",\"role\":\"" + (raft.isLeader() ? "LEADER" : "FOLLOWER")
                + "\",\"query_port\":" + mysql.port() + ",\"http_port\":" + http.port() + ",\"applied_index\":"
                + raft.appliedIndex() + ",\"connections\":" + registry.size() + "}";
    }

    /** Stops accepting clients, then shuts the Raft member and the state down. */
    @Override
    public void close() {
        ready = false;
        LOG.info("Basalt shutting down");
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
