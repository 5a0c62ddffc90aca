package io.basalt.mysql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.mysql.server.fake.FakeSession;
import io.basalt.mysql.server.fake.FakeSessionFactory;
import io.basalt.session.Credential;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MySQL Connector/J logging in: caching_sha2_password's fast path and full authentication over TLS
 * and over RSA, mysql_clear_password over TLS, mysql_native_password as the server default, and
 * COM_CHANGE_USER.
 */
class ConnectorJAuthenticationTest {
    @TempDir
    static Path certificates;

    private static FakeSessionFactory sessions;
    private static MysqlServer server;
    private static MysqlServer nativeServer;

    @BeforeAll
    static void start() throws Exception {
        sessions = new FakeSessionFactory();
        server = new MysqlServer(MysqlServerConfig.defaults().withPort(0).withIoThreads(1).withWorkerThreads(2)
                .withTls(TlsSettings.selfSigned(certificates)), sessions);
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

    private static Connection connect(MysqlServer target, String user, String password, String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + target.port() + "/?user=" + user + "&password="
                + password + options);
    }

    @Test
    void fullAuthenticationOverTlsSendsThePasswordAndFillsTheCacheForTheFastPath() throws Exception {
        try (Connection connection = connect(server, "alice", "secret", "&sslMode=REQUIRED")) {
            assertThat(select1(connection)).isEqualTo(1);
            assertThat(sessions.lastCredential()).isEqualTo(new Credential.Cleartext("secret"));
            assertThat(sessions.last().client().secureTransport()).isTrue();
            assertThat(sessions.last().client().user()).isEqualTo("alice");
        }
        try (Connection connection = connect(server, "alice", "secret", "&sslMode=REQUIRED")) {
            assertThat(select1(connection)).isEqualTo(1);
            assertThat(sessions.lastCredential()).isInstanceOf(Credential.CachingSha2Password.class);
        }
    }

    @Test
    void fullAuthenticationWithoutTlsEncryptsThePasswordWithTheServersRsaKey() throws Exception {
        try (Connection connection = connect(server, "alice", "secret", "&sslMode=DISABLED&allowPublicKeyRetrieval=true")) {
            assertThat(select1(connection)).isEqualTo(1);
            assertThat(sessions.lastCredential()).isEqualTo(new Credential.Cleartext("secret"));
            assertThat(sessions.last().client().secureTransport()).isFalse();
        }
        try (Connection connection = connect(server, "alice", "secret", "&sslMode=DISABLED")) {
            // Cached now: no key needed.
            assertThat(select1(connection)).isEqualTo(1);
            assertThat(sessions.lastCredential()).isInstanceOf(Credential.CachingSha2Password.class);
        }
    }

    @Test
    void withoutTlsOrPublicKeyRetrievalTheClientCannotCompleteFullAuthentication() {
        assertThatThrownBy(() -> connect(server, "alice", "secret", "&sslMode=DISABLED"))
                .isInstanceOf(SQLException.class).hasMessageContaining("Public Key Retrieval is not allowed");
    }

    @Test
    void wrongPasswordIsAccessDeniedOnEveryPath() {
        for (String options : new String[] {"&sslMode=REQUIRED", "&sslMode=DISABLED&allowPublicKeyRetrieval=true"}) {
            assertThatThrownBy(() -> connect(server, "alice", "wrong", options))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).as(options).isEqualTo(1045);
                        assertThat(e.getSQLState()).isEqualTo("28000");
                    });
        }
        sessions.rememberPassword("alice");
        assertThatThrownBy(() -> connect(server, "alice", "wrong", "&sslMode=DISABLED"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1045));
    }

    @Test
    void clearPasswordIsAcceptedOverTls() throws Exception {
        try (Connection connection = connect(server, "alice", "secret",
                "&sslMode=REQUIRED&defaultAuthenticationPlugin=mysql_clear_password")) {
            assertThat(select1(connection)).isEqualTo(1);
            assertThat(sessions.lastCredential()).isEqualTo(new Credential.Cleartext("secret"));
        }
    }

    @Test
    void nativePasswordAsTheServerDefault() throws Exception {
        try (Connection connection = connect(nativeServer, "app", "s3cret", "&sslMode=DISABLED")) {
            assertThat(select1(connection)).isEqualTo(1);
            assertThat(sessions.lastCredential()).isInstanceOf(Credential.MysqlNativePassword.class);
        }
    }

    @Test
    void changeUserReplacesTheSession() throws Exception {
        sessions.rememberPassword("alice");
        try (Connection connection = connect(server, "root", "", "&sslMode=DISABLED")) {
            FakeSession root = sessions.last();
            connection.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).changeUser("alice", "secret");
            FakeSession alice = sessions.last();
            assertThat(alice.client().user()).isEqualTo("alice");
            assertThat(alice.client().connectionId()).isEqualTo(root.client().connectionId());
            assertThat(root.isClosed()).isTrue();
            assertThat(select1(connection)).isEqualTo(1);
            assertThat(alice.executed()).contains("select 1");
        }
    }

    private static long select1(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }
}
