package io.basalt.jdbc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A parsed {@code jdbc:basalt://host1[:port][,host2[:port]...][/database][?key=value&...]} URL.
 *
 * <p>Properties come from the URL's query and from the {@link Properties} given to
 * {@code connect}; the latter win. The database is the URL's path, or the {@code database}
 * property. Keys are case-insensitive, as in Arrow's driver.
 *
 * @param hosts the nodes, in the order they are tried
 * @param database the current database to set on every node connection, or null
 * @param properties every property, keys in lower case, the driver's own included
 */
public record BasaltUrl(List<HostAndPort> hosts, String database, Map<String, String> properties) {
    /** What every Basalt URL starts with. */
    public static final String PREFIX = "jdbc:basalt://";

    public BasaltUrl {
        hosts = List.copyOf(hosts);
        properties = Map.copyOf(properties);
    }

    /** Whether the driver takes this URL. */
    static boolean accepts(String url) {
        return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** Parses a URL; {@code info} may be null. */
    static BasaltUrl parse(String url, Properties info) throws SQLException {
        if (!accepts(url)) {
            throw new SQLException("not a Basalt URL: " + url + " (expected " + PREFIX
                    + "host1:9408[,host2:9408...][/database][?user=...&password=...])", "08001");
        }
        String rest = url.substring(PREFIX.length());
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        List<HostAndPort> hosts = new ArrayList<>();
        try {
            for (String h : rest.split(",")) {
                if (!h.isBlank()) {
                    hosts.add(HostAndPort.parse(h));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new SQLException("bad host list in " + url + ": " + e.getMessage(), "08001", e);
        }
        if (hosts.isEmpty()) {
            throw new SQLException("no host in " + url, "08001");
        }
        java.util.HashMap<String, String> props = new java.util.HashMap<>();
        for (String pair : query.split("[&;]")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            props.put(key.toLowerCase(Locale.ROOT), value);
        }
        if (info != null) {
            for (String key : info.stringPropertyNames()) {
                props.put(key.toLowerCase(Locale.ROOT), info.getProperty(key));
            }
        }
        String database = decode(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        if (database.isEmpty()) {
            database = props.get(DriverProperty.DATABASE.key());
        }
        return new BasaltUrl(hosts, database == null || database.isBlank() ? null : database, props);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The value of a property, or its default. */
    String get(DriverProperty p) {
        String v = properties.get(p.key());
        return v == null ? p.defaultValue() : v;
    }

    boolean flag(DriverProperty p) {
        return Boolean.parseBoolean(get(p));
    }

    int number(DriverProperty p) throws SQLException {
        String v = get(p);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new SQLException("property " + p.key() + " must be a number, not '" + v + "'", "08001");
        }
    }

    /**
     * What the Flight SQL driver gets for one node: every property that is not the Basalt
     * driver's own, with {@code useEncryption} defaulting to false (a Basalt node serves
     * plain gRPC unless configured with TLS).
     */
    Properties flightProperties() {
        Properties p = new Properties();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (!DriverProperty.isBasaltOnly(e.getKey())) {
                p.setProperty(e.getKey(), e.getValue());
            }
        }
        p.putIfAbsent("useencryption", "false");
        p.putIfAbsent("user", "root");
        p.putIfAbsent("password", "");
        return p;
    }
}
