package io.basalt.server.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/**
 * An account: user name and host pattern, password hashes (never the password), and grants.
 *
 * @param name user name
 * @param host host pattern ('%' for any)
 * @param nativeHash hex SHA1(SHA1(password)) for mysql_native_password, empty for no password
 * @param sha2Hash hex SHA256(SHA256(password)) for caching_sha2_password, empty for no password
 * @param grants privileges
 * @param createTimeMillis creation time
 */
public record UserDef(String name, String host, String nativeHash, String sha2Hash, List<Grant> grants,
        long createTimeMillis) {
    public UserDef {
        requireNonNull(name, "name");
        requireNonNull(host, "host");
        grants = List.copyOf(grants);
    }

    /** Catalog key: lower-case user@host. */
    public String key() {
        return key(name, host);
    }

    public static String key(String name, String host) {
        return name + "@" + host.toLowerCase(Locale.ROOT);
    }

    public boolean hasPassword() {
        return !nativeHash.isEmpty();
    }

    public UserDef withGrants(List<Grant> newGrants) {
        return new UserDef(name, host, nativeHash, sha2Hash, newGrants, createTimeMillis);
    }

    public UserDef withPassword(String newNative, String newSha2) {
        return new UserDef(name, host, newNative, newSha2, grants, createTimeMillis);
    }
}
