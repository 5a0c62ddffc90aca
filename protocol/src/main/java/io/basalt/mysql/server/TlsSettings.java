package io.basalt.mysql.server;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Whether and how the MySQL listener offers TLS. With TLS configured the greeting advertises
 * CLIENT_SSL and clients may upgrade (plain connections stay allowed; the session factory decides
 * whether a user needs a secure transport, told by {@code ClientInfo.secureTransport()}).
 */
public sealed interface TlsSettings {

    /** No TLS: CLIENT_SSL is not advertised. */
    record Disabled() implements TlsSettings {}

    /**
     * A certificate chain and its private key, both PEM files. The key must be PKCS#8
     * ("BEGIN PRIVATE KEY", e.g. {@code openssl pkcs8 -topk8 -nocrypt}); the JDK cannot read
     * PKCS#1 ("BEGIN RSA PRIVATE KEY") without extra libraries.
     */
    record PemFiles(Path certificateChain, Path privateKey) implements TlsSettings {
        public PemFiles {
            requireNonNull(certificateChain, "certificateChain");
            requireNonNull(privateKey, "privateKey");
        }
    }

    /**
     * A self-signed certificate generated at every start, for clients that encrypt without
     * verifying the server (Connector/J's sslMode=REQUIRED, MariaDB's sslMode=trust, mysql --ssl).
     * The server runs the JDK's own {@code keytool -genkeypair} into a PKCS12 file in
     * {@code directory} (Java 17 has no public API to create certificates, and keytool is in every
     * JDK), loads it and deletes it; the certificate alone stays in the directory as
     * {@value #CERTIFICATE_FILE} for clients that want to pin it.
     */
    record SelfSigned(Path directory) implements TlsSettings {
        /** The PEM certificate a self-signed server leaves in its directory. */
        public static final String CERTIFICATE_FILE = "mysql-selfsigned-cert.pem";

        public SelfSigned {
            requireNonNull(directory, "directory");
        }
    }

    static TlsSettings disabled() {
        return new Disabled();
    }

    static TlsSettings pemFiles(Path certificateChain, Path privateKey) {
        return new PemFiles(certificateChain, privateKey);
    }

    static TlsSettings selfSigned(Path directory) {
        return new SelfSigned(directory);
    }

    /** Whether TLS is offered. */
    default boolean enabled() {
        return !(this instanceof Disabled);
    }
}
