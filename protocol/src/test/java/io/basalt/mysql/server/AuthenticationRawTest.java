package io.basalt.mysql.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.mysql.codec.Capabilities;
import io.basalt.mysql.codec.CommandCodes;
import io.basalt.mysql.server.RawMysqlClient.Packet;
import io.basalt.mysql.server.fake.FakeSession;
import io.basalt.mysql.server.fake.FakeSessionFactory;
import io.basalt.mysql.server.fake.NativePassword;
import io.basalt.mysql.server.fake.Sha2Password;
import io.basalt.session.Credential;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Cipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The authentication exchanges byte by byte: plugin switches, caching_sha2 fast and full paths, COM_CHANGE_USER. */
class AuthenticationRawTest {
    private static final String SHA2 = "caching_sha2_password";
    private static final String NATIVE = "mysql_native_password";
    private static final int CAPABILITIES = RawMysqlClient.DEFAULT_CAPABILITIES;

    private static FakeSessionFactory sessions;
    private static MysqlServer server;
    private static MysqlServer nativeServer;

    @BeforeAll
    static void start() throws Exception {
        sessions = new FakeSessionFactory();
        server = new MysqlServer(MysqlServerConfig.defaults().withPort(0).withIoThreads(1).withWorkerThreads(2), sessions);
        server.start();
        nativeServer = new MysqlServer(MysqlServerConfig.defaults().withPort(0).withIoThreads(1).withWorkerThreads(2)
                .withDefaultAuthPlugin(AuthPlugin.MYSQL_NATIVE_PASSWORD), sessions);
        nativeServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        nativeServer.close();
        assertThat(sessions.sessions()).allMatch(FakeSession::isClosed);
        sessions.close();
    }

    @BeforeEach
    void forget() {
        sessions.forgetPasswords();
    }

    @Test
    void greetingNamesTheDefaultPluginAndAdvertisesCompressionButNotTls() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            byte[] greeting = client.readGreeting().payload();
            assertThat(new String(greeting, StandardCharsets.US_ASCII)).endsWith(SHA2 + "\0");
            int capabilities = capabilities(greeting);
            assertThat(capabilities & Capabilities.COMPRESS).isNotZero();
            assertThat(capabilities & Capabilities.SSL).isZero();
        }
        try (RawMysqlClient client = new RawMysqlClient(nativeServer.port())) {
            assertThat(new String(client.readGreeting().payload(), StandardCharsets.US_ASCII)).endsWith(NATIVE + "\0");
        }
    }

    @Test
    void cachingSha2FastPathConfirmsWithAuthMoreDataThenOk() throws Exception {
        sessions.rememberPassword("alice");
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.readGreeting();
            Packet more = client.respond("alice", CAPABILITIES, SHA2, Sha2Password.scramble("secret", client.salt()));
            assertThat(more.payload()).containsExactly(1, 3);
            assertThat(more.sequenceId()).isEqualTo(2);
            Packet ok = client.read();
            assertThat(ok.isOk()).isTrue();
            assertThat(ok.sequenceId()).isEqualTo(3);
            assertThat(sessions.lastCredential()).isInstanceOf(Credential.CachingSha2Password.class);
            assertThat(sessions.last().client().user()).isEqualTo("alice");
        }
    }

    @Test
    void cachingSha2FullAuthenticationOverRsa() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.readGreeting();
            Packet more = client.respond("alice", CAPABILITIES, SHA2, Sha2Password.scramble("secret", client.salt()));
            assertThat(more.payload()).containsExactly(1, 4);
            client.write(3, new byte[] {2});
            Packet key = client.read();
            assertThat(key.sequenceId()).isEqualTo(4);
            assertThat(key.payload()[0]).isEqualTo((byte) 1);
            String pem = new String(key.payload(), 1, key.payload().length - 1, StandardCharsets.US_ASCII);
            assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
            client.write(5, encrypt(pem, "secret", client.salt()));
            Packet ok = client.read();
            assertThat(ok.isOk()).as(ok.text()).isTrue();
            assertThat(ok.sequenceId()).isEqualTo(6);
            assertThat(sessions.lastCredential()).isEqualTo(new Credential.Cleartext("secret"));
            assertThat(sessions.last().client().secureTransport()).isFalse();
        }
        // The cleartext login filled the cache: the fast path works now.
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.readGreeting();
            assertThat(client.respond("alice", CAPABILITIES, SHA2, Sha2Password.scramble("secret", client.salt())).payload())
                    .containsExactly(1, 3);
            assertThat(client.read().isOk()).isTrue();
        }
    }

    @Test
    void wrongPasswordOverRsaIsAccessDenied() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.readGreeting();
            client.respond("alice", CAPABILITIES, SHA2, Sha2Password.scramble("wrong", client.salt()));
            client.write(3, new byte[] {2});
            Packet key = client.read();
            String pem = new String(key.payload(), 1, key.payload().length - 1, StandardCharsets.US_ASCII);
            client.write(5, encrypt(pem, "wrong", client.salt()));
            Packet err = client.read();
            assertThat(err.errno()).isEqualTo(1045);
            assertThat(err.sqlState()).isEqualTo("28000");
            assertThat(err.message()).isEqualTo("Access denied for user 'alice'@'127.0.0.1' (using password: YES)");
            assertThat(client.closedByServer(5_000)).isTrue();
        }
    }

    @Test
    void cleartextPasswordWithoutTlsIsRefused() throws Exception {
        int presented = sessions.credentials().size();
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.readGreeting();
            client.respond("alice", CAPABILITIES, SHA2, Sha2Password.scramble("secret", client.salt()));
            // Full authentication over plain TCP must be encrypted; a password in clear is refused.
            client.write(3, "secret\0".getBytes(StandardCharsets.UTF_8));
            assertThat(client.read().errno()).isEqualTo(1045);
            assertThat(client.closedByServer(5_000)).isTrue();
        }
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.readGreeting();
            // mysql_clear_password is only accepted over TLS: the client is switched to the default.
            Packet reply = client.respond("alice", CAPABILITIES, "mysql_clear_password", "secret\0".getBytes(StandardCharsets.UTF_8));
            assertThat(reply.header()).isEqualTo(0xFE);
            assertThat(new String(reply.payload(), 1, SHA2.length(), StandardCharsets.US_ASCII)).isEqualTo(SHA2);
            assertThat(sessions.credentials().subList(presented, sessions.credentials().size()))
                    .noneMatch(c -> c instanceof Credential.Cleartext);
        }
    }

    @Test
    void clientStartingWithTheOtherPluginIsSwitchedWithTheSameSalt() throws Exception {
        sessions.rememberPassword("alice");
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.readGreeting();
            Packet switchRequest = client.respond("alice", CAPABILITIES, NATIVE, NativePassword.scramble("secret", client.salt()));
            assertThat(switchRequest.sequenceId()).isEqualTo(2);
            byte[] expected = concat(new byte[] {(byte) 0xFE}, (SHA2 + "\0").getBytes(StandardCharsets.US_ASCII),
                    client.salt(), new byte[] {0});
            assertThat(switchRequest.payload()).isEqualTo(expected);
            client.write(3, Sha2Password.scramble("secret", client.salt()));
            assertThat(client.read().payload()).containsExactly(1, 3);
            assertThat(client.read().isOk()).isTrue();
        }
        try (RawMysqlClient client = new RawMysqlClient(nativeServer.port())) {
            client.readGreeting();
            Packet switchRequest = client.respond("alice", CAPABILITIES, SHA2, Sha2Password.scramble("secret", client.salt()));
            assertThat(new String(switchRequest.payload(), 1, NATIVE.length(), StandardCharsets.US_ASCII)).isEqualTo(NATIVE);
            client.write(3, NativePassword.scramble("secret", client.salt()));
            Packet ok = client.read();
            assertThat(ok.isOk()).isTrue();
            assertThat(ok.sequenceId()).isEqualTo(4);
            assertThat(sessions.lastCredential()).isInstanceOf(Credential.MysqlNativePassword.class);
        }
    }

    @Test
    void emptyPasswordIsAcceptedWithoutAuthMoreData() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.readGreeting();
            Packet ok = client.respond("root", CAPABILITIES, SHA2, new byte[] {0});
            assertThat(ok.isOk()).as(ok.text()).isTrue();
            assertThat(ok.sequenceId()).isEqualTo(2);
        }
    }

    @Test
    void changeUserLogsInAgainAndReplacesTheSession() throws Exception {
        sessions.rememberPassword("alice");
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            FakeSession root = sessions.last();
            client.command(CommandCodes.CHANGE_USER, changeUser("alice", Sha2Password.scramble("secret", client.salt()), "shop", SHA2));
            Packet more = client.read();
            assertThat(more.payload()).containsExactly(1, 3);
            assertThat(more.sequenceId()).isEqualTo(1);
            assertThat(client.read().isOk()).isTrue();
            FakeSession alice = sessions.last();
            assertThat(alice.client().user()).isEqualTo("alice");
            assertThat(alice.client().database()).isEqualTo("shop");
            assertThat(alice.client().connectionId()).isEqualTo(root.client().connectionId());
            assertThat(root.isClosed()).isTrue();
            client.command(CommandCodes.QUERY, "select 1");
            assertThat(client.readUntilEnd()).hasSize(4);
            assertThat(alice.executed()).containsExactly("select 1");

            // With the other plugin the client is switched, as at login.
            client.command(CommandCodes.CHANGE_USER, changeUser("root", new byte[0], "", NATIVE));
            Packet switchRequest = client.read();
            assertThat(switchRequest.header()).isEqualTo(0xFE);
            client.write(switchRequest.sequenceId() + 1, new byte[0]);
            assertThat(client.read().isOk()).isTrue();
            assertThat(sessions.last().client().user()).isEqualTo("root");

            client.command(CommandCodes.CHANGE_USER, changeUser("nobody", new byte[0], "", SHA2));
            Packet err = client.read();
            assertThat(err.errno()).isEqualTo(1045);
            assertThat(client.closedByServer(5_000)).isTrue();
        }
    }

    @Test
    void malformedChangeUserIsAnErrorAndKeepsTheSession() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            FakeSession root = sessions.last();
            client.command(CommandCodes.CHANGE_USER, "no terminator");
            assertThat(client.read().errno()).isEqualTo(1047);
            client.command(CommandCodes.QUERY, "select 1");
            assertThat(client.readUntilEnd()).hasSize(4);
            assertThat(root.isClosed()).isFalse();
        }
    }

    @Test
    void processKillRunsKillThroughTheSession() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            client.loginOk();
            client.command(CommandCodes.PROCESS_KILL, new byte[] {(byte) 0xE8, 3, 0, 0});
            Packet ok = client.read();
            assertThat(ok.isOk()).isTrue();
            assertThat(sessions.last().executed()).containsExactly("KILL 1000");
        }
    }

    private static byte[] changeUser(String user, byte[] scramble, String database, String plugin) {
        return concat((user + "\0").getBytes(StandardCharsets.UTF_8), new byte[] {(byte) scramble.length}, scramble,
                (database + "\0").getBytes(StandardCharsets.UTF_8), new byte[] {45, 0},
                (plugin + "\0").getBytes(StandardCharsets.US_ASCII));
    }

    // What a client does with the server's key: RSA/OAEP over the NUL-terminated password XOR the salt.
    private static byte[] encrypt(String pem, String password, byte[] salt) throws Exception {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        byte[] plain = (password + "\0").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < plain.length; i++) {
            plain[i] ^= salt[i % salt.length];
        }
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(plain);
    }

    private static int capabilities(byte[] greeting) {
        int nul = 1;
        while (greeting[nul] != 0) {
            nul++;
        }
        int at = nul + 1 + 4 + 8 + 1;
        int low = (greeting[at] & 0xFF) | (greeting[at + 1] & 0xFF) << 8;
        int high = (greeting[at + 5] & 0xFF) | (greeting[at + 6] & 0xFF) << 8;
        return low | high << 16;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

}
