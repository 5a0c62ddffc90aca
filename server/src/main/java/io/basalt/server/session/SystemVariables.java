package io.basalt.server.session;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.exec.value.MysqlValues;
import io.basalt.server.exec.value.Warnings;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MySQL system variables: each declared once with its kind, scope and default. Global values
 * live here (per node, as in MySQL); sessions copy them at connect and may override session
 * values. Clients read many of these on connect, so their values are MySQL's.
 */
public final class SystemVariables {
    /** How a variable's value is typed and shown. */
    public enum Kind { BOOL, INT, STRING }

    /** Where a variable may be set. */
    public enum Scope { GLOBAL, SESSION, BOTH }

    /**
     * A declared variable.
     *
     * @param readOnly cannot be SET at all
     */
    public record Definition(String name, Kind kind, Scope scope, Object defaultValue, boolean readOnly) {}

    private static final Map<String, Definition> DEFINITIONS = new LinkedHashMap<>();
    private static final Map<String, String> ALIASES = Map.of("tx_isolation", "transaction_isolation",
            "tx_read_only", "transaction_read_only", "storage_engine", "default_storage_engine");
    private static final Map<String, Object> GLOBALS = new ConcurrentHashMap<>();

    /** The SQL mode Basalt runs with (MySQL 8's default). */
    public static final String SQL_MODE = io.basalt.server.exec.StatementEnvironment.DEFAULT_SQL_MODE;

    /** String variables that take one of a fixed set of (upper-case) values. */
    private static final Map<String, List<String>> CHOICES = Map.of(
            "basalt_read_consistency", List.of("LOCAL", "LINEARIZABLE"));

    /** How a session's reads are ordered against the cluster's writes (see README, "Cluster"). */
    public static final String READ_CONSISTENCY = "basalt_read_consistency";

    private static void def(String name, Kind kind, Scope scope, Object value) {
        DEFINITIONS.put(name, new Definition(name, kind, scope, value, false));
    }

    private static void readOnly(String name, Kind kind, Object value) {
        DEFINITIONS.put(name, new Definition(name, kind, Scope.GLOBAL, value, true));
    }

    static {
        String tz = ZoneId.systemDefault().getDisplayName(TextStyle.SHORT, Locale.US);
        def("autocommit", Kind.BOOL, Scope.BOTH, 1L);
        def(READ_CONSISTENCY, Kind.STRING, Scope.BOTH, "LOCAL");
        def("auto_increment_increment", Kind.INT, Scope.BOTH, 1L);
        def("auto_increment_offset", Kind.INT, Scope.BOTH, 1L);
        def("big_tables", Kind.BOOL, Scope.BOTH, 0L);
        def("character_set_client", Kind.STRING, Scope.BOTH, "utf8mb4");
        def("character_set_connection", Kind.STRING, Scope.BOTH, "utf8mb4");
        def("character_set_database", Kind.STRING, Scope.BOTH, "utf8mb4");
        def("character_set_filesystem", Kind.STRING, Scope.BOTH, "binary");
        def("character_set_results", Kind.STRING, Scope.BOTH, "utf8mb4");
        def("character_set_server", Kind.STRING, Scope.BOTH, "utf8mb4");
        readOnly("character_set_system", Kind.STRING, "utf8mb3");
        readOnly("character_sets_dir", Kind.STRING, "");
        def("collation_connection", Kind.STRING, Scope.BOTH, "utf8mb4_general_ci");
        def("collation_database", Kind.STRING, Scope.BOTH, "utf8mb4_general_ci");
        def("collation_server", Kind.STRING, Scope.BOTH, "utf8mb4_general_ci");
        def("cte_max_recursion_depth", Kind.INT, Scope.BOTH, 1000L);
        def("default_storage_engine", Kind.STRING, Scope.BOTH, "Basalt");
        def("default_week_format", Kind.INT, Scope.BOTH, 0L);
        readOnly("default_authentication_plugin", Kind.STRING, "mysql_native_password");
        readOnly("div_precision_increment", Kind.INT, 4L);
        readOnly("explicit_defaults_for_timestamp", Kind.BOOL, 1L);
        def("foreign_key_checks", Kind.BOOL, Scope.BOTH, 1L);
        def("group_concat_max_len", Kind.INT, Scope.BOTH, 1024L);
        readOnly("have_query_cache", Kind.STRING, "NO");
        readOnly("have_ssl", Kind.STRING, "DISABLED");
        readOnly("have_openssl", Kind.STRING, "DISABLED");
        def("init_connect", Kind.STRING, Scope.GLOBAL, "");
        def("interactive_timeout", Kind.INT, Scope.BOTH, 28800L);
        readOnly("license", Kind.STRING, "Apache-2.0");
        readOnly("lower_case_table_names", Kind.INT, 2L);
        def("lock_wait_timeout", Kind.INT, Scope.BOTH, 31536000L);
        def("max_allowed_packet", Kind.INT, Scope.BOTH, 67108864L);
        def("max_connections", Kind.INT, Scope.GLOBAL, 1024L);
        def("max_execution_time", Kind.INT, Scope.BOTH, 0L);
        def("net_buffer_length", Kind.INT, Scope.BOTH, 16384L);
        def("net_read_timeout", Kind.INT, Scope.BOTH, 30L);
        def("net_write_timeout", Kind.INT, Scope.BOTH, 60L);
        readOnly("performance_schema", Kind.BOOL, 0L);
        readOnly("protocol_version", Kind.INT, 10L);
        readOnly("query_cache_size", Kind.INT, 0L);
        def("query_cache_type", Kind.STRING, Scope.BOTH, "OFF");
        def("require_secure_transport", Kind.BOOL, Scope.GLOBAL, 0L);
        def("session_track_schema", Kind.BOOL, Scope.BOTH, 1L);
        def("session_track_state_change", Kind.BOOL, Scope.BOTH, 0L);
        def("session_track_system_variables", Kind.STRING, Scope.BOTH, "time_zone,autocommit,character_set_client,character_set_results,character_set_connection");
        def("session_track_transaction_info", Kind.STRING, Scope.BOTH, "OFF");
        def("sql_auto_is_null", Kind.BOOL, Scope.BOTH, 0L);
        def("sql_mode", Kind.STRING, Scope.BOTH, SQL_MODE);
        def("sql_notes", Kind.BOOL, Scope.BOTH, 1L);
        def("sql_quote_show_create", Kind.BOOL, Scope.BOTH, 1L);
        def("sql_safe_updates", Kind.BOOL, Scope.BOTH, 0L);
        def("sql_select_limit", Kind.INT, Scope.BOTH, Long.MAX_VALUE);
        def("sql_warnings", Kind.BOOL, Scope.BOTH, 0L);
        def("sql_log_bin", Kind.BOOL, Scope.BOTH, 0L);
        readOnly("system_time_zone", Kind.STRING, tz);
        def("time_zone", Kind.STRING, Scope.BOTH, "SYSTEM");
        def("transaction_isolation", Kind.STRING, Scope.BOTH, "REPEATABLE-READ");
        def("transaction_read_only", Kind.BOOL, Scope.BOTH, 0L);
        def("unique_checks", Kind.BOOL, Scope.BOTH, 1L);
        readOnly("version", Kind.STRING, "8.0.33-basalt");
        readOnly("version_comment", Kind.STRING, "Basalt (Apache-2.0)");
        readOnly("version_compile_machine", Kind.STRING, "x86_64");
        readOnly("version_compile_os", Kind.STRING, "Linux");
        def("wait_timeout", Kind.INT, Scope.BOTH, 28800L);
        def("net_retry_count", Kind.INT, Scope.BOTH, 10L);
        def("innodb_lock_wait_timeout", Kind.INT, Scope.BOTH, 50L);
        def("optimizer_switch", Kind.STRING, Scope.BOTH, "");
        def("profiling", Kind.BOOL, Scope.BOTH, 0L);
        def("names", Kind.STRING, Scope.SESSION, "utf8mb4");
        def("last_insert_id", Kind.INT, Scope.SESSION, 0L);
        def("insert_id", Kind.INT, Scope.SESSION, 0L);
        def("identity", Kind.INT, Scope.SESSION, 0L);
        def("timestamp", Kind.INT, Scope.SESSION, 0L);
        readOnly("server_id", Kind.INT, 1L);
        readOnly("port", Kind.INT, 9030L);
        readOnly("hostname", Kind.STRING, "localhost");
        readOnly("datadir", Kind.STRING, "");
        readOnly("socket", Kind.STRING, "");
        readOnly("ssl_ca", Kind.STRING, "");
        readOnly("tls_version", Kind.STRING, "");
        readOnly("max_user_connections", Kind.INT, 0L);
        readOnly("thread_handling", Kind.STRING, "one-thread-per-connection");
        for (Definition d : DEFINITIONS.values()) {
            GLOBALS.put(d.name(), d.defaultValue());
        }
    }

    private SystemVariables() {}

    /** The definition of {@code name} (aliases resolved), or null. */
    public static Definition definition(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return DEFINITIONS.get(ALIASES.getOrDefault(n, n));
    }

    /** Sets read-only values that depend on the node (port, data directory, version). */
    public static void setNodeValue(String name, Object value) {
        GLOBALS.put(name, value);
    }

    /** Whether clients must connect over TLS (require_secure_transport). */
    public static boolean requireSecureTransport() {
        return Long.valueOf(1L).equals(GLOBALS.get("require_secure_transport"));
    }

    /** The built-in default of {@code name}, or null. */
    public static Object defaultValue(String name) {
        Definition d = definition(name);
        return d == null ? null : d.defaultValue();
    }

    /** Current global value. */
    public static Object global(String name) {
        Definition d = require(name);
        return GLOBALS.get(d.name());
    }

    /** A copy of all global values, as a new session starts with. */
    public static Map<String, Object> globalsSnapshot() {
        return new TreeMap<>(GLOBALS);
    }

    public static Map<String, Definition> definitions() {
        return Collections.unmodifiableMap(DEFINITIONS);
    }

    static Definition require(String name) {
        Definition d = definition(name);
        if (d == null) {
            throw BasaltException.of(ErrorCode.UNKNOWN_SYSTEM_VARIABLE, "Unknown system variable '%s'", name);
        }
        return d;
    }

    /** Sets the global value after checking and normalising it. */
    public static void setGlobal(String name, Object value) {
        Definition d = require(name);
        if (d.readOnly()) {
            throw BasaltException.of(ErrorCode.INCORRECT_GLOBAL_LOCAL_VAR, "Variable '%s' is a read only variable", d.name());
        }
        if (d.scope() == Scope.SESSION) {
            throw BasaltException.of(ErrorCode.INCORRECT_GLOBAL_LOCAL_VAR,
                    "Variable '%s' is a SESSION variable and can't be used with SET GLOBAL", d.name());
        }
        GLOBALS.put(d.name(), normalize(d, value));
    }

    /** Checks and normalises a value for {@code d}: booleans accept ON/OFF/TRUE/FALSE/1/0. */
    static Object normalize(Definition d, Object value) {
        switch (d.kind()) {
            case BOOL -> {
                if (value instanceof String s) {
                    switch (s.toUpperCase(Locale.ROOT)) {
                        case "ON", "TRUE", "1", "YES" -> {
                            return 1L;
                        }
                        case "OFF", "FALSE", "0", "NO" -> {
                            return 0L;
                        }
                        default -> throw wrongValue(d, s);
                    }
                }
                if (value == null) {
                    throw wrongValue(d, "NULL");
                }
                long v = MysqlValues.toLong(value, Warnings.IGNORE);
                if (v != 0 && v != 1) {
                    throw wrongValue(d, Long.toString(v));
                }
                return v;
            }
            case INT -> {
                if (value == null) {
                    throw wrongValue(d, "NULL");
                }
                if (value instanceof String s && MysqlValues.parseDecimalPrefix(s, Warnings.IGNORE).signum() == 0
                        && !s.strip().startsWith("0")) {
                    throw BasaltException.of(ErrorCode.WRONG_ARGUMENTS, "Incorrect argument type to variable '%s'", d.name());
                }
                return MysqlValues.toLong(value, Warnings.IGNORE);
            }
            default -> {
                List<String> choices = CHOICES.get(d.name());
                if (choices != null) {
                    String s = value == null ? "NULL" : MysqlValues.toText(value).toUpperCase(Locale.ROOT);
                    if (!choices.contains(s)) {
                        throw wrongValue(d, s);
                    }
                    return s;
                }
                return value == null ? "" : MysqlValues.toText(value);
            }
        }
    }

    private static BasaltException wrongValue(Definition d, String value) {
        return BasaltException.of(ErrorCode.WRONG_VALUE_FOR_VARIABLE, "Variable '%s' can't be set to the value of '%s'",
                d.name(), value);
    }

    /** The text SHOW VARIABLES displays for a value. */
    public static String display(Definition d, Object value) {
        if (d.kind() == Kind.BOOL) {
            return Long.valueOf(1L).equals(value) ? "ON" : "OFF";
        }
        return value == null ? "" : MysqlValues.toText(value);
    }
}
