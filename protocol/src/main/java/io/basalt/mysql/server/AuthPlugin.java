package io.basalt.mysql.server;

/** The MySQL authentication plugins Basalt speaks. */
public enum AuthPlugin {
    /** SHA-1 scramble; MySQL 5.x's default and what every client knows. */
    MYSQL_NATIVE_PASSWORD("mysql_native_password"),
    /**
     * SHA-256 scramble checked against a server-side cache, falling back to the password itself
     * over TLS or RSA; MySQL 8's default.
     */
    CACHING_SHA2_PASSWORD("caching_sha2_password"),
    /** The password in clear; accepted only over TLS and never a server default. */
    MYSQL_CLEAR_PASSWORD("mysql_clear_password");

    private final String pluginName;

    AuthPlugin(String pluginName) {
        this.pluginName = pluginName;
    }

    /** The name on the wire, e.g. "caching_sha2_password". */
    public String pluginName() {
        return pluginName;
    }

    /** The plugin called {@code name} on the wire, or null for one Basalt does not speak. */
    public static AuthPlugin byName(String name) {
        for (AuthPlugin plugin : values()) {
            if (plugin.pluginName.equals(name)) {
                return plugin;
            }
        }
        return null;
    }
}
