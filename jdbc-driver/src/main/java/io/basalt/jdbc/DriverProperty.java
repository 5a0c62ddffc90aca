package io.basalt.jdbc;

import java.util.Locale;

/**
 * The connection properties the Basalt driver reads itself. Every other property (user,
 * password, useEncryption, trustStore, disableCertificateVerification, connectTimeoutMs, ...)
 * goes to Arrow's Flight SQL driver for each node connection.
 */
public enum DriverProperty {
    DATABASE("database", null, "current database on connect (the URL's path sets it too)"),
    RETRY_READS("retryReads", "true",
            "re-run a query on another live node when its node cannot be reached"),
    ROUTE_WRITES_TO_LEADER("routeWritesToLeader", "true",
            "send writes to the Raft leader found through SHOW FRONTENDS; false: to the connected node"),
    FAILOVER_TIMEOUT_MS("failoverTimeoutMs", "30000",
            "after a node failed: how long a read, or a write never sent, keeps trying other nodes"),
    FAILOVER_PAUSE_MS("failoverPauseMs", "500", "pause after every node of the URL failed once, before trying again");

    private final String name;
    private final String defaultValue;
    private final String description;

    DriverProperty(String name, String defaultValue, String description) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The property's name as documented (URL keys are case-insensitive). */
    public String propertyName() {
        return name;
    }

    String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    String defaultValue() {
        return defaultValue;
    }

    String description() {
        return description;
    }

    static boolean isBasaltOnly(String lowerCaseKey) {
        for (DriverProperty p : values()) {
            if (p.key().equals(lowerCaseKey)) {
                return true;
            }
        }
        return false;
    }
}
