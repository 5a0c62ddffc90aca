package io.basalt.mysql.server;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.mysql.codec.AuthMoreData;
import io.basalt.mysql.codec.AuthSwitchRequest;
import io.basalt.mysql.codec.Capabilities;
import io.basalt.mysql.codec.ChangeUserRequest;
import io.basalt.mysql.codec.CharacterSets;
import io.basalt.mysql.codec.HandshakeResponse;
import io.basalt.mysql.codec.HandshakeV10;
import io.basalt.mysql.codec.MalformedPacketException;
import io.basalt.mysql.codec.MysqlPacket;
import io.basalt.mysql.codec.StatusFlags;
import io.basalt.session.ClientInfo;
import io.basalt.session.Credential;
import io.basalt.session.FullAuthenticationRequired;
import io.basalt.session.Session;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection phase, and COM_CHANGE_USER which repeats it: greeting, handshake response, an auth
 * switch when the client answered with another plugin than the server's default, the plugin's own
 * exchange, then {@code SessionFactory.open}. Who may log in is the session factory's decision;
 * this class carries the salt, the client's answers to it and whether the connection is encrypted.
 *
 * <p>caching_sha2_password: the scramble is tried first (fast path, confirmed with AuthMoreData
 * 0x03); when the factory cannot check it ({@link FullAuthenticationRequired}) the client is asked
 * for the password (AuthMoreData 0x04), which it sends in clear over TLS, or encrypted with the
 * server's RSA public key over plain TCP, after fetching that key (request 0x02).
 */
final class Authentication {
    /** Largest handshake response accepted; anything bigger is not a MySQL client. */
    static final int MAX_HANDSHAKE_PACKET = 256 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(Authentication.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    // caching_sha2_password: the client's request for the server's public key.
    private static final int REQUEST_PUBLIC_KEY = 2;

    /** What the next packet from the client is expected to be. */
    private enum Step {
        /** The handshake response. */
        HANDSHAKE,
        /** The answer to an auth switch: a scramble for {@link #plugin}. */
        SWITCHED,
        /** caching_sha2_password's full authentication: a password, or a request for the public key. */
        FULL_AUTHENTICATION,
        /** caching_sha2_password: the password encrypted with the public key just sent. */
        ENCRYPTED_PASSWORD,
        /** Nothing: a session was opened or the client was refused. */
        DONE
    }

    private final Channel channel;
    private final ServerContext server;
    private final PacketChannelWriter out;
    private final ResponseWriter responses;
    private final byte[] salt = newSalt();
    private long connectionId;
    private boolean secure;
    private HandshakeResponse response;
    private Step step = Step.HANDSHAKE;
    private AuthPlugin plugin;
    private String user;
    private String database;
    private ClientInfo client;
    private Credential credential;
    private Session session;

    Authentication(Channel channel, ServerContext server, PacketChannelWriter out, ResponseWriter responses) {
        this.channel = channel;
        this.server = server;
        this.out = out;
        this.responses = responses;
    }

    /** Sends the greeting. */
    void greet() {
        connectionId = server.sessions().nextConnectionId();
        out.sequenceId(0);
        new HandshakeV10(server.config().serverVersion(), connectionId, salt, server.capabilities(),
                CharacterSets.UTF8MB4_GENERAL_CI, StatusFlags.AUTOCOMMIT, server.config().defaultAuthPlugin().pluginName())
                .writeTo(out.begin());
        out.end();
        out.flush();
    }

    /** The client sent an SSL request and the channel now speaks TLS. */
    void tlsEstablished() {
        secure = true;
    }

    /** Whether the connection is encrypted. */
    boolean secure() {
        return secure;
    }

    /**
     * Handles the client's next packet.
     *
     * @return true when authentication is over: {@link #session()} is the session, to be confirmed
     *     to the client with an OK, or null when the client was refused (an ERR was written and the
     *     connection is closing)
     */
    boolean onPacket(MysqlPacket packet) {
        out.sequenceId(packet.sequenceId() + 1);
        switch (step) {
            case HANDSHAKE:
                try {
                    response = HandshakeResponse.parse(packet.payload());
                } catch (MalformedPacketException e) {
                    LOG.debug("Bad handshake from {}: {}", address(channel.remoteAddress()), e.getMessage());
                    refuse(new BasaltException(ErrorCode.BAD_HANDSHAKE, "Bad handshake"));
                    return true;
                }
                responses.capabilities(negotiatedCapabilities());
                user = response.user();
                database = response.database();
                return begin(response.authPlugin(), response.authResponse());
            case SWITCHED:
                return verify(plugin, ByteBufUtil.getBytes(packet.payload()));
            case FULL_AUTHENTICATION:
                return fullAuthentication(ByteBufUtil.getBytes(packet.payload()));
            case ENCRYPTED_PASSWORD:
                return encryptedPassword(ByteBufUtil.getBytes(packet.payload()));
            default:
                return true;
        }
    }

    /**
     * Starts COM_CHANGE_USER: authenticates {@code request}'s user, computed over the greeting's
     * salt, and continues like the login with {@link #onPacket} until it returns true.
     *
     * @param sequenceId sequence id of the COM_CHANGE_USER packet
     * @return as {@link #onPacket}
     */
    boolean changeUser(ChangeUserRequest request, int sequenceId) {
        out.sequenceId(sequenceId + 1);
        session = null;
        user = request.user();
        database = request.database();
        return begin(request.authPlugin(), request.authResponse());
    }

    /** The capabilities both sides have; valid once the handshake response arrived. */
    int negotiatedCapabilities() {
        return response.capabilities() & server.capabilities();
    }

    long connectionId() {
        return connectionId;
    }

    /** The opened session, or null before success or after a refusal. */
    Session session() {
        return session;
    }

    /**
     * Opens a fresh session for the same client and credential, in {@code database}
     * (COM_RESET_CONNECTION).
     */
    Session reopen(String database) {
        ClientInfo again = new ClientInfo(client.connectionId(), client.protocol(), client.remoteAddress(), client.user(),
                database, client.secureTransport());
        return server.sessions().open(again, credential);
    }

    // Verifies the client's first answer when it used the server's plugin, or switches it to that one.
    private boolean begin(String clientPlugin, byte[] authData) {
        if (!Capabilities.has(response.capabilities(), Capabilities.PLUGIN_AUTH)) {
            // A client from before pluggable authentication answers with the native scramble and
            // cannot be switched.
            return verify(AuthPlugin.MYSQL_NATIVE_PASSWORD, authData);
        }
        AuthPlugin wanted = server.config().defaultAuthPlugin();
        AuthPlugin used = AuthPlugin.byName(clientPlugin);
        if (used == wanted || used == AuthPlugin.MYSQL_CLEAR_PASSWORD && secure) {
            return verify(used, authData);
        }
        plugin = wanted;
        step = Step.SWITCHED;
        new AuthSwitchRequest(wanted.pluginName(), salt).writeTo(out.begin());
        out.end();
        out.flush();
        return false;
    }

    private boolean verify(AuthPlugin with, byte[] authData) {
        switch (with) {
            case MYSQL_NATIVE_PASSWORD:
                return open(new Credential.MysqlNativePassword(salt.clone(), authData));
            case MYSQL_CLEAR_PASSWORD:
                return open(new Credential.Cleartext(cleartext(authData)));
            default:
                return cachingSha2FastPath(authData);
        }
    }

    private boolean cachingSha2FastPath(byte[] scramble) {
        // Clients send a lone NUL for an empty password.
        boolean empty = scramble.length == 0 || scramble.length == 1 && scramble[0] == 0;
        try {
            openOrThrow(new Credential.CachingSha2Password(salt.clone(), empty ? new byte[0] : scramble));
        } catch (FullAuthenticationRequired e) {
            plugin = AuthPlugin.CACHING_SHA2_PASSWORD;
            step = Step.FULL_AUTHENTICATION;
            moreData(new byte[] {AuthMoreData.PERFORM_FULL_AUTHENTICATION});
            return false;
        } catch (RuntimeException e) {
            refuse(UserErrors.translate(e, "Authentication", connectionId));
            return true;
        }
        if (!empty) {
            // As mysqld: an empty password is accepted without this message, which clients that
            // sent none do not expect.
            new AuthMoreData(new byte[] {AuthMoreData.FAST_AUTH_SUCCESS}).writeTo(out.begin());
            out.end();
        }
        return true;
    }

    private boolean fullAuthentication(byte[] data) {
        if (secure) {
            return open(new Credential.Cleartext(cleartext(data)));
        }
        if (data.length == 1 && data[0] == REQUEST_PUBLIC_KEY) {
            step = Step.ENCRYPTED_PASSWORD;
            moreData(server.rsaKey().publicKeyPem());
            return false;
        }
        if (data.length == server.rsaKey().cipherLength()) {
            // The client had the public key already and sent the encrypted password straight away.
            return encryptedPassword(data);
        }
        LOG.debug("Client {} sent {} bytes for caching_sha2_password full authentication without TLS",
                address(channel.remoteAddress()), data.length);
        refuse(accessDenied());
        return true;
    }

    private boolean encryptedPassword(byte[] ciphertext) {
        byte[] plain;
        try {
            plain = server.rsaKey().decrypt(ciphertext);
        } catch (GeneralSecurityException e) {
            LOG.debug("Cannot decrypt the password of {}: {}", address(channel.remoteAddress()), e.toString());
            refuse(accessDenied());
            return true;
        }
        // The client XORed the NUL-terminated password with the salt, repeated, before encrypting.
        for (int i = 0; i < plain.length; i++) {
            plain[i] ^= salt[i % salt.length];
        }
        return open(new Credential.Cleartext(cleartext(plain)));
    }

    private void moreData(byte[] data) {
        new AuthMoreData(data).writeTo(out.begin());
        out.end();
        out.flush();
    }

    private boolean open(Credential presented) {
        try {
            openOrThrow(presented);
        } catch (FullAuthenticationRequired e) {
            // Only a scramble can need more; a password that cannot be checked is a refusal.
            refuse(accessDenied());
        } catch (RuntimeException e) {
            refuse(UserErrors.translate(e, "Authentication", connectionId));
        }
        return true;
    }

    private void openOrThrow(Credential presented) {
        step = Step.DONE;
        client = new ClientInfo(connectionId, "mysql", address(channel.remoteAddress()), user, database, secure);
        credential = presented;
        session = server.sessions().open(client, presented);
    }

    private BasaltException accessDenied() {
        return BasaltException.of(ErrorCode.ACCESS_DENIED, "Access denied for user '%s'@'%s' (using password: YES)",
                user, client == null ? address(channel.remoteAddress()) : client.remoteHost());
    }

    private void refuse(BasaltException error) {
        step = Step.DONE;
        session = null;
        responses.error(error);
        out.write();
        ConnectionCloser.closeAfterFlush(channel);
    }

    // A password sent as the plugins send it: UTF-8, usually NUL-terminated.
    private static String cleartext(byte[] data) {
        int length = data.length;
        while (length > 0 && data[length - 1] == 0) {
            length--;
        }
        return new String(data, 0, length, StandardCharsets.UTF_8);
    }

    static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return host + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }

    // Like MySQL's generate_user_salt: printable 7-bit bytes, never NUL (the second part of the
    // salt is NUL-terminated in the greeting) and never '$'.
    private static byte[] newSalt() {
        byte[] salt = new byte[HandshakeV10.SALT_LENGTH];
        RANDOM.nextBytes(salt);
        for (int i = 0; i < salt.length; i++) {
            int b = salt[i] & 0x7F;
            if (b == 0 || b == '$') {
                b++;
            }
            salt[i] = (byte) b;
        }
        return salt;
    }
}
