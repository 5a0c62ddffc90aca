package io.basalt.jdbc;

import static java.util.Objects.requireNonNull;

/** One Basalt node's Arrow Flight SQL endpoint. */
public record HostAndPort(String host, int port) {
    /** The Flight SQL port a node listens on unless told otherwise ({@code arrow_flight_port}). */
    public static final int DEFAULT_PORT = 9408;

    public HostAndPort {
        requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("empty host name");
        }
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Parses {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}. */
    static HostAndPort parse(String text) {
        String s = text.trim();
        String host;
        String port = null;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in host '" + text + "'");
            }
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (rest.startsWith(":")) {
                port = rest.substring(1);
            } else if (!rest.isEmpty()) {
                throw new IllegalArgumentException("unexpected '" + rest + "' after host '" + host + "'");
            }
        } else {
            int colon = s.lastIndexOf(':');
            host = colon < 0 ? s : s.substring(0, colon);
            port = colon < 0 ? null : s.substring(colon + 1);
        }
        try {
            return new HostAndPort(host, port == null || port.isEmpty() ? DEFAULT_PORT : Integer.parseInt(port));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port '" + port + "' of host '" + host + "' is not a number");
        }
    }

    /** The form the Flight driver's URL takes: IPv6 literals in brackets. */
    String authority() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return authority();
    }
}
