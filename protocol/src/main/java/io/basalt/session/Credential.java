package io.basalt.session;

/** What a client presented to prove who it is. */
public sealed interface Credential {

    /**
     * mysql_native_password: the client sent SHA1(password) XOR SHA1(salt + SHA1(SHA1(password))).
     * An empty response means an empty password.
     */
    record MysqlNativePassword(byte[] salt, byte[] response) implements Credential {}

    /** A password in clear, e.g. Flight basic auth over the wire or mysql_clear_password. */
    record Cleartext(String password) implements Credential {}
}
