package io.basalt.mysql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.mysql.codec.Capabilities;
import io.basalt.mysql.server.CommandLineClient.Run;
import io.basalt.mysql.server.RawMysqlClient.Packet;
import io.basalt.mysql.server.fake.CannedResults;
import io.basalt.mysql.server.fake.FakeSession;
import io.basalt.mysql.server.fake.FakeSessionFactory;
import io.basalt.session.Credential;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS: the SSL request, self-signed and PEM certificates, Connector/J and the mysql CLI over TLS. */
class TlsTest {
    @TempDir
    static Path directory;

    private static FakeSessionFactory sessions;
    private static MysqlServer server;

    @BeforeAll
    static void start() throws Exception {
        sessions = new FakeSessionFactory();
        server = new MysqlServer(MysqlServerConfig.defaults().withPort(0).withIoThreads(2).withWorkerThreads(4)
                .withTls(TlsSettings.selfSigned(directory.resolve("generated"))), sessions);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        assertThat(sessions.sessions()).allMatch(FakeSession::isClosed);
        assertThat(sessions.allocatedBytes()).as("Arrow memory left behind").isZero();
        sessions.close();
    }

    private static Connection connect(int port, String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/?user=root&password=" + options);
    }

    @Test
    void greetingAdvertisesTlsAndTheGeneratedCertificateIsKept() throws Exception {
        try (RawMysqlClient client = new RawMysqlClient(server.port())) {
            byte[] greeting = client.readGreeting().payload();
            int nul = 1;
            while (greeting[nul] != 0) {
                nul++;
            }
            int low = (greeting[nul + 14] & 0xFF) | (greeting[nul + 15] & 0xFF) << 8;
            assertThat(low & Capabilities.SSL).isNotZero();
        }
        Path pem = directory.resolve("generated").resolve(TlsSettings.SelfSigned.CERTIFICATE_FILE);
        assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----");
        try (var files = Files.list(directory.resolve("generated"))) {
            assertThat(files).as("only the certificate stays on disk").containsExactly(pem);
        }
    }

    @Test
    void connectorJOverTlsReadsTextAndBinaryResults() throws Exception {
        try (Connection connection = connect(server.port(), "&sslMode=REQUIRED&useServerPrepStmts=true")) {
            FakeSession session = sessions.last();
            assertThat(session.client().secureTransport()).isTrue();
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("select all_types")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("c_varchar")).isEqualTo(CannedResults.UNICODE);
            }
            try (PreparedStatement ps = connection.prepareStatement("select stream 200000 4096"); ResultSet rs = ps.executeQuery()) {
                long expected = 0;
                while (rs.next()) {
                    assertThat(rs.getLong(1)).isEqualTo(expected++);
                }
                assertThat(expected).isEqualTo(200_000);
            }
        }
    }

    @Test
    void connectorJVerifiesTheGeneratedCertificateAgainstItsPem() throws Exception {
        Path trust = TlsFixtures.trustStore(directory.resolve("generated").resolve(TlsSettings.SelfSigned.CERTIFICATE_FILE),
                directory.resolve("trust.p12"));
        try (Connection connection = connect(server.port(), "&sslMode=VERIFY_CA&trustCertificateKeyStoreUrl=file:" + trust
                + "&trustCertificateKeyStoreType=PKCS12&trustCertificateKeyStorePassword=" + TlsFixtures.password())) {
            assertThat(sessions.last().client().secureTransport()).isTrue();
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    void plainConnectionsStayPossibleAndAreReportedAsSuch() throws Exception {
        try (Connection connection = connect(server.port(), "&sslMode=DISABLED")) {
            assertThat(sessions.last().client().secureTransport()).isFalse();
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    void mysqlCliOverTls() throws Exception {
        CommandLineClient mysql = CommandLineClient.find("mysql");
        Run run = mysql.run(server.port(), "-uroot", "--ssl", "--batch", "-e", "select 1");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("1\n1\n");
        assertThat(sessions.last().client().secureTransport()).isTrue();

        // caching_sha2_password's full authentication over TLS: the password itself, encrypted by TLS.
        sessions.forgetPasswords();
        Run alice = mysql.run(server.port(), "-ualice", "-psecret", "--ssl", "--batch", "-e", "select 1");
        assertThat(alice.exitCode()).as(alice.stderr()).isZero();
        assertThat(sessions.lastCredential()).isEqualTo(new Credential.Cleartext("secret"));
        assertThat(sessions.last().client().secureTransport()).isTrue();
    }

    @Test
    void pemCertificateAndKeyFiles() throws Exception {
        Path[] pem = TlsFixtures.pemFiles(Files.createDirectories(directory.resolve("pem")));
        try (MysqlServer pemServer = new MysqlServer(MysqlServerConfig.defaults().withPort(0).withIoThreads(1)
                .withWorkerThreads(2).withTls(TlsSettings.pemFiles(pem[0], pem[1])), sessions)) {
            pemServer.start();
            Path trust = TlsFixtures.trustStore(pem[0], directory.resolve("pem").resolve("trust.p12"));
            try (Connection connection = connect(pemServer.port(), "&sslMode=VERIFY_CA&trustCertificateKeyStoreUrl=file:"
                    + trust + "&trustCertificateKeyStoreType=PKCS12&trustCertificateKeyStorePassword=" + TlsFixtures.password())) {
                assertThat(sessions.last().client().secureTransport()).isTrue();
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    @Test
    void unreadableCertificateFailsTheStart() {
        MysqlServer broken = new MysqlServer(MysqlServerConfig.defaults().withPort(0)
                .withTls(TlsSettings.pemFiles(directory.resolve("missing.pem"), directory.resolve("missing.key"))), sessions);
        assertThatThrownBy(broken::start).isInstanceOf(IOException.class).hasMessageContaining("missing.pem");
        broken.close();
    }

    @Test
    void sslRequestToAServerWithoutTlsIsABadHandshake() throws Exception {
        try (MysqlServer plain = new MysqlServer(MysqlServerConfig.defaults().withPort(0).withIoThreads(1).withWorkerThreads(1),
                sessions)) {
            plain.start();
            try (RawMysqlClient client = new RawMysqlClient(plain.port())) {
                client.readGreeting();
                ByteBuffer request = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
                request.putInt(RawMysqlClient.DEFAULT_CAPABILITIES | Capabilities.SSL).putInt(1 << 24).put((byte) 45);
                client.write(1, request.array());
                Packet err = client.read();
                assertThat(err.errno()).isEqualTo(1043);
            }
        }
    }
}
