package io.basalt.server.config;

import java.util.List;

/** Every configuration key Basalt has. basalt.conf, the command line and ADMIN SHOW FRONTEND CONFIG list these. */
public final class ConfigKeys {
    private ConfigKeys() {}

    public static final ConfigKey<String> DATA_DIR = ConfigKey.stringKey("data_dir", "--data-dir", "data", false,
            "Directory holding the Raft log, snapshots and table data (relative to the Basalt home)");
    public static final ConfigKey<String> BIND_ADDRESS = ConfigKey.stringKey("bind_address", "--bind-address",
            "127.0.0.1", false, "Address every port listens on; 0.0.0.0 for all interfaces");
    public static final ConfigKey<Integer> QUERY_PORT = ConfigKey.intKey("query_port", "--mysql-port", 9030, false,
            "MySQL protocol port");
    public static final ConfigKey<Integer> HTTP_PORT = ConfigKey.intKey("http_port", "--http-port", 8030, false,
            "HTTP port: /metrics, /health, /health/live, /health/ready, /api");
    public static final ConfigKey<Integer> ARROW_FLIGHT_PORT = ConfigKey.intKey("arrow_flight_port", "--flight-port",
            9408, false, "Arrow Flight SQL port");
    public static final ConfigKey<Integer> EDIT_LOG_PORT = ConfigKey.intKey("edit_log_port", "--raft-port", 9010, false,
            "Raft peer port");
    public static final ConfigKey<String> HOST = ConfigKey.stringKey("host", "--host", "127.0.0.1", false,
            "Address other Raft members use to reach this node");
    public static final ConfigKey<Integer> RAFT_ELECTION_TIMEOUT_MS = ConfigKey.intKey("raft_election_timeout_ms",
            "--raft-election-timeout-ms", 1000, false, "Raft election timeout in milliseconds");
    public static final ConfigKey<Integer> RAFT_SNAPSHOT_INTERVAL_SECS = ConfigKey.intKey("raft_snapshot_interval_secs",
            "--raft-snapshot-interval-secs", 300, false, "Take a Raft snapshot at least this often (seconds, 0 = never by time)");
    public static final ConfigKey<Long> RAFT_SNAPSHOT_LOG_ENTRIES = ConfigKey.longKey("raft_snapshot_log_entries",
            "--raft-snapshot-log-entries", 20_000, false, "Take a Raft snapshot after this many log entries (0 = never by count)");
    public static final ConfigKey<Integer> WRITE_TIMEOUT_SECONDS = ConfigKey.intKey("write_timeout_seconds",
            "--write-timeout-seconds", 30, true, "How long a write waits to be committed before it fails");
    public static final ConfigKey<Long> MAX_ALLOWED_PACKET = ConfigKey.longKey("max_allowed_packet", "--max-allowed-packet",
            64L * 1024 * 1024, false, "Largest MySQL protocol packet (bytes) a client may send");
    public static final ConfigKey<Integer> QE_MAX_CONNECTION = ConfigKey.intKey("qe_max_connection", "--max-connections",
            1024, true, "Most MySQL connections this node accepts");
    public static final ConfigKey<Long> QUERY_MEMORY_LIMIT_BYTES = ConfigKey.longKey("query_memory_limit_bytes",
            "--query-memory-limit-bytes", 8L * 1024 * 1024 * 1024, false, "Arrow memory all queries of this node may hold");
    public static final ConfigKey<Integer> STORAGE_FLUSH_ROWS = ConfigKey.intKey("storage_flush_rows",
            "--storage-flush-rows", 512 * 1024, false, "Rows a table's write buffer holds before it becomes a Parquet segment");
    public static final ConfigKey<String> LOG_LEVEL = ConfigKey.stringKey("sys_log_level", "--log-level", "INFO", true,
            "Log level of the server log (ERROR, WARN, INFO, DEBUG)");

    /** All keys, in the order they are documented. */
    public static final List<ConfigKey<?>> ALL = List.of(DATA_DIR, BIND_ADDRESS, QUERY_PORT, HTTP_PORT,
            ARROW_FLIGHT_PORT, EDIT_LOG_PORT, HOST, RAFT_ELECTION_TIMEOUT_MS, RAFT_SNAPSHOT_INTERVAL_SECS,
            RAFT_SNAPSHOT_LOG_ENTRIES, WRITE_TIMEOUT_SECONDS, MAX_ALLOWED_PACKET, QE_MAX_CONNECTION,
            QUERY_MEMORY_LIMIT_BYTES, STORAGE_FLUSH_ROWS, LOG_LEVEL);
}
