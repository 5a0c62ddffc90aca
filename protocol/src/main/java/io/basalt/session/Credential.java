package io.basalt.session;

/** What a client presented to prove who it is. */
public sealed interface Credential {

    /**
     * mysql_native_password: the client sent SHA1(password) XOR SHA1(salt + SHA1(SHA1(password))).
     * An empty response means an empty password.
     */
    record MysqlNativePassword(byte[] salt, byte[] response) implements Credential {}

    /**
     * caching_sha2_password's fast path: the client sent SHA256(password) XOR
     * SHA256(SHA256(SHA256(password)) + salt). The server may answer with
     * {@link FullAuthenticationRequired}.
     */
    record CachingSha2Password(byte[] salt, byte[] response) implements Credential {}

    /**
     * A password in clear: Flight basic auth, caching_sha2_password's full authentication over TLS
     * or RSA, or mysql_clear_password over TLS. Faces pass it only over an encrypted channel or after
     * decrypting it.
     */
    record Cleartext(String password) implements Credential {}
}
