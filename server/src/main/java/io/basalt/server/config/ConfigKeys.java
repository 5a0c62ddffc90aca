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
    public static final ConfigKey<String> ARROW_FLIGHT_TLS_CERT = ConfigKey.stringKey("arrow_flight_tls_cert",
            "--flight-tls-cert", "", false, "PEM certificate chain for TLS on the Flight SQL port (with the key; empty: no TLS)");
    public static final ConfigKey<String> ARROW_FLIGHT_TLS_KEY = ConfigKey.stringKey("arrow_flight_tls_key",
            "--flight-tls-key", "", false, "PEM private key for TLS on the Flight SQL port");
    public static final ConfigKey<Integer> EDIT_LOG_PORT = ConfigKey.intKey("edit_log_port", "--raft-port", 9010, false,
            "Raft peer port");
    public static final ConfigKey<String> HOST = ConfigKey.stringKey("host", "--host", "127.0.0.1", false,
            "Address other Raft members use to reach this node");
    public static final ConfigKey<String> PEERS = ConfigKey.stringKey("peers", "--peers", "", false,
            "Raft addresses (host:raft_port, comma separated) of the members a new cluster starts with; this node "
                    + "must be one of them. Empty: a one-node cluster, or --join");
    public static final ConfigKey<String> JOIN = ConfigKey.stringKey("join", "--join", "", false,
            "Raft address of a member of a running cluster: start empty and wait to be added with ALTER SYSTEM ADD "
                    + "FOLLOWER");
    public static final ConfigKey<Integer> WRITE_LEADER_WAIT_MS = ConfigKey.intKey("write_leader_wait_ms",
            "--write-leader-wait-ms", 5000, true,
            "How long a write waits for a Raft leader (during an election, or when cut off) before it fails");
    public static final ConfigKey<Integer> MEMBERSHIP_TIMEOUT_SECONDS = ConfigKey.intKey("membership_timeout_seconds",
            "--membership-timeout-seconds", 600, true,
            "How long ALTER SYSTEM ADD/DROP FOLLOWER may take (a new member first catches up or installs a snapshot)");
    public static final ConfigKey<Boolean> DEBUG_FAULT_INJECTION = ConfigKey.boolKey("debug_fault_injection",
            "--debug-fault-injection", false, false,
            "Testing only: lets POST /debug/faults/isolate?peer=host:port and /debug/faults/heal cut this node's Raft "
                    + "traffic");
    public static final ConfigKey<Integer> RAFT_ELECTION_TIMEOUT_MS = ConfigKey.intKey("raft_election_timeout_ms",
            "--raft-election-timeout-ms", 1000, false, "Raft election timeout in milliseconds");
    public static final ConfigKey<Integer> RAFT_SNAPSHOT_INTERVAL_SECS = ConfigKey.intKey("raft_snapshot_interval_secs",
            "--raft-snapshot-interval-secs", 300, false, "Take a Raft snapshot at least this often (seconds, 0 = never by time)");
    public static final ConfigKey<Long> RAFT_SNAPSHOT_LOG_ENTRIES = ConfigKey.longKey("raft_snapshot_log_entries",
            "--raft-snapshot-log-entries", 20_000, false, "Take a Raft snapshot after this many log entries (0 = never by count)");
    public static final ConfigKey<Long> RAFT_SNAPSHOT_LOG_BYTES = ConfigKey.longKey("raft_snapshot_log_bytes",
            "--raft-snapshot-log-bytes", 512L * 1024 * 1024, false,
            "Take a Raft snapshot once the writes applied since the last one add up to this many bytes (0 = never by size)");
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
    public static final ConfigKey<Boolean> REQUIRE_SECURE_TRANSPORT = ConfigKey.boolKey("require_secure_transport",
            "--require-secure-transport", false, true, "Refuse MySQL connections that do not use TLS");
    public static final ConfigKey<String> DEFAULT_AUTH_PLUGIN = ConfigKey.stringKey("default_authentication_plugin",
            "--default-auth-plugin", "mysql_native_password", false,
            "Authentication plugin the MySQL handshake offers first: mysql_native_password (works with every client "
                    + "over plain TCP) or caching_sha2_password (MySQL 8's default; full authentication needs TLS or "
                    + "the client's RSA key exchange)");
    public static final ConfigKey<String> TLS = ConfigKey.stringKey("mysql_tls", "--mysql-tls", "off", false,
            "TLS on the MySQL port: off, self-signed (a certificate generated at start, its PEM written to the data "
                    + "directory), or pem (ssl_cert and ssl_key)");
    public static final ConfigKey<String> SSL_CERT = ConfigKey.stringKey("ssl_cert", "--ssl-cert", "", false,
            "PEM certificate chain for TLS on the MySQL port (mysql_tls = pem)");
    public static final ConfigKey<String> SSL_KEY = ConfigKey.stringKey("ssl_key", "--ssl-key", "", false,
            "PEM private key (PKCS#8) for TLS on the MySQL port (mysql_tls = pem)");
    public static final ConfigKey<Boolean> MYSQL_COMPRESSION = ConfigKey.boolKey("mysql_compression",
            "--mysql-compression", true, false, "Offer the compressed protocol (CLIENT_COMPRESS, zlib) to MySQL clients");
    public static final ConfigKey<Integer> MAX_PREPARED_STMT_COUNT = ConfigKey.intKey("max_prepared_stmt_count",
            "--max-prepared-stmt-count", 16382, true,
            "Most prepared statements open on this node at once, over all sessions (MySQL and Flight SQL); beyond it "
                    + "preparing fails with error 1461");
    public static final ConfigKey<Integer> SHUTDOWN_TIMEOUT_SECONDS = ConfigKey.intKey("shutdown_timeout_seconds",
            "--shutdown-timeout-seconds", 60, true,
            "How long a stop on SIGTERM may take; after it the process logs its threads and ends anyway (acknowledged "
                    + "writes are in the Raft log and replayed at the next start)");
    public static final ConfigKey<String> LOG_LEVEL = ConfigKey.stringKey("sys_log_level", "--log-level", "INFO", true,
            "Log level of the server log (ERROR, WARN, INFO, DEBUG)");

    /** All keys, in the order they are documented. */
    public static final List<ConfigKey<?>> ALL = List.of(DATA_DIR, BIND_ADDRESS, QUERY_PORT, HTTP_PORT,
            ARROW_FLIGHT_PORT, ARROW_FLIGHT_TLS_CERT, ARROW_FLIGHT_TLS_KEY, EDIT_LOG_PORT, HOST, PEERS, JOIN, RAFT_ELECTION_TIMEOUT_MS, RAFT_SNAPSHOT_INTERVAL_SECS,
            RAFT_SNAPSHOT_LOG_ENTRIES, RAFT_SNAPSHOT_LOG_BYTES, WRITE_TIMEOUT_SECONDS, WRITE_LEADER_WAIT_MS, MEMBERSHIP_TIMEOUT_SECONDS,
            DEBUG_FAULT_INJECTION, MAX_ALLOWED_PACKET, QE_MAX_CONNECTION,
            QUERY_MEMORY_LIMIT_BYTES, STORAGE_FLUSH_ROWS, REQUIRE_SECURE_TRANSPORT, DEFAULT_AUTH_PLUGIN, TLS, SSL_CERT, SSL_KEY,
            MYSQL_COMPRESSION, MAX_PREPARED_STMT_COUNT, SHUTDOWN_TIMEOUT_SECONDS, LOG_LEVEL);
}
