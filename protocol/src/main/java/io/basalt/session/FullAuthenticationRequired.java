package io.basalt.session;

/**
 * Thrown by {@link SessionFactory#open} when a scramble-based credential cannot be checked
 * (caching_sha2_password's fast path before the user's first full login): the face must ask the
 * client for the password itself, over TLS or RSA, and open again with a {@link Credential.Cleartext}.
 */
public final class FullAuthenticationRequired extends RuntimeException {
    public FullAuthenticationRequired(String user) {
        super("full authentication required for user '" + user + "'", null, false, false);
    }
}
