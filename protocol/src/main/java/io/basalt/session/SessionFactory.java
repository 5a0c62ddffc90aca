package io.basalt.session;

/**
 * Opens sessions for the protocol faces. Implemented by the server; the faces know nothing of
 * users, privileges or catalogs beyond this interface.
 */
public interface SessionFactory {

    /** A fresh connection id, unique on this node; MySQL sends it in the handshake before auth. */
    long nextConnectionId();

    /**
     * Authenticates the client and opens a session.
     *
     * @throws io.basalt.error.BasaltException with {@code ACCESS_DENIED} for a bad user or
     *     password, or {@code UNKNOWN_DATABASE} when the requested default database is missing
     */
    Session open(ClientInfo client, Credential credential);
}
