package io.basalt.mysql.server;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.mysql.codec.AuthSwitchRequest;
import io.basalt.mysql.codec.Capabilities;
import io.basalt.mysql.codec.CharacterSets;
import io.basalt.mysql.codec.HandshakeResponse;
import io.basalt.mysql.codec.HandshakeV10;
import io.basalt.mysql.codec.MalformedPacketException;
import io.basalt.mysql.codec.MysqlPacket;
import io.basalt.mysql.codec.StatusFlags;
import io.basalt.session.ClientInfo;
import io.basalt.session.Credential;
import io.basalt.session.Session;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection phase: greeting, handshake response, an auth switch to mysql_native_password when
 * the client started with another plugin, then {@code SessionFactory.open}. Who may log in is the
 * session factory's decision; this class only carries the salt and the client's answer to it.
 */
final class Authentication {
    /** Largest handshake response accepted; anything bigger is not a MySQL client. */
    static final int MAX_HANDSHAKE_PACKET = 256 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(Authentication.class);
    private static final String NATIVE_PASSWORD = "mysql_native_password";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Channel channel;
    private final ServerContext server;
    private final PacketChannelWriter out;
    private final ResponseWriter responses;
    private final byte[] salt = newSalt();
    private long connectionId;
    private HandshakeResponse response;
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
        new HandshakeV10(server.config().serverVersion(), connectionId, salt, Capabilities.SERVER,
                CharacterSets.UTF8MB4_GENERAL_CI, StatusFlags.AUTOCOMMIT, NATIVE_PASSWORD).writeTo(out.begin());
        out.end();
        out.flush();
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
        if (response == null) {
            try {
                response = HandshakeResponse.parse(packet.payload());
            } catch (MalformedPacketException e) {
                LOG.debug("Bad handshake from {}: {}", address(channel.remoteAddress()), e.getMessage());
                refuse(new BasaltException(ErrorCode.BAD_HANDSHAKE, "Bad handshake"));
                return true;
            }
            responses.capabilities(negotiatedCapabilities());
            if (response.authPlugin() != null && !NATIVE_PASSWORD.equals(response.authPlugin())) {
                new AuthSwitchRequest(NATIVE_PASSWORD, salt).writeTo(out.begin());
                out.end();
                out.flush();
                return false;
            }
            return open(response.authResponse());
        }
        // The answer to the auth switch: the whole payload is the scramble.
        return open(ByteBufUtil.getBytes(packet.payload()));
    }

    /** The capabilities both sides have; valid once the handshake response arrived. */
    int negotiatedCapabilities() {
        return response.capabilities() & Capabilities.SERVER;
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

    private boolean open(byte[] scramble) {
        client = new ClientInfo(connectionId, "mysql", address(channel.remoteAddress()), response.user(),
                response.database(), false);
        credential = new Credential.MysqlNativePassword(salt.clone(), scramble);
        try {
            session = server.sessions().open(client, credential);
        } catch (RuntimeException e) {
            refuse(UserErrors.translate(e, "Authentication", connectionId));
        }
        return true;
    }

    private void refuse(BasaltException error) {
        responses.error(error);
        out.write();
        ConnectionCloser.closeAfterFlush(channel);
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
