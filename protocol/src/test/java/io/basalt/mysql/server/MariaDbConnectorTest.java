package io.basalt.mysql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.mysql.server.fake.CannedResults;
import io.basalt.mysql.server.fake.FakeSession;
import io.basalt.mysql.server.fake.FakeSessionFactory;
import io.basalt.session.Credential;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB Connector/J against the server: server-side prepared statements, caching_sha2_password
 * over TLS (sslMode=trust) and RSA, compression. The driver must be on the test classpath
 * (org.mariadb.jdbc:mariadb-java-client, test scope).
 */
class MariaDbConnectorTest {
    @TempDir
    static Path certificates;

    private static FakeSessionFactory sessions;
    private static MysqlServer server;

    @BeforeAll
    static void start() throws Exception {
        List<String> drivers = Collections.list(DriverManager.getDrivers()).stream().map(Driver::getClass).map(Class::getName).toList();
        assertThat(drivers).as("MariaDB Connector/J on the test classpath (protocol/pom.xml: "
                + "org.mariadb.jdbc:mariadb-java-client, scope test)").contains("org.mariadb.jdbc.Driver");
        sessions = new FakeSessionFactory();
        server = new MysqlServer(MysqlServerConfig.defaults().withPort(0).withIoThreads(2).withWorkerThreads(4)
                .withTls(TlsSettings.selfSigned(certificates)), sessions);
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            assertThat(sessions.sessions()).allMatch(FakeSession::isClosed);
            assertThat(sessions.sessions()).allMatch(s -> s.openStatements() == 0);
            assertThat(sessions.allocatedBytes()).as("Arrow memory left behind").isZero();
            sessions.close();
        }
    }

    @BeforeEach
    void forget() {
        sessions.forgetPasswords();
    }

    private static Connection connect(String user, String password, String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + server.port() + "/?user=" + user + "&password="
                + password + options);
    }

    @Test
    void serverSidePreparedStatementsBindEveryTypeAndReadBinaryRows() throws Exception {
        LocalDateTime dateTime = LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000);
        try (Connection connection = connect("root", "", "&sslMode=disable&useServerPrepStmts=true");
                PreparedStatement ps = connection.prepareStatement("select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?")) {
            FakeSession session = sessions.last();
            ps.setNull(1, Types.VARCHAR);
            ps.setBoolean(2, true);
            ps.setInt(3, -7);
            ps.setLong(4, Long.MIN_VALUE);
            ps.setFloat(5, 0.5f);
            ps.setDouble(6, 1e-300);
            ps.setBigDecimal(7, new BigDecimal("123456789012345678901234567890.5"));
            ps.setString(8, CannedResults.UNICODE);
            ps.setDate(9, java.sql.Date.valueOf(LocalDate.of(1999, 12, 31)));
            ps.setTimestamp(10, Timestamp.valueOf(dateTime));
            ps.setTime(11, java.sql.Time.valueOf(LocalTime.of(23, 59, 58)));
            ps.setObject(12, new BigInteger("9223372036854775807"));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(session.prepared()).contains("select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?");
                List<Object> values = session.bound().get(session.bound().size() - 1);
                assertThat(values.get(0)).isNull();
                assertThat(values.get(1)).isIn(1L, true);
                assertThat(values.get(2)).isEqualTo(-7L);
                assertThat(values.get(3)).isEqualTo(Long.MIN_VALUE);
                assertThat(values.get(4)).isEqualTo(0.5);
                assertThat(values.get(5)).isEqualTo(1e-300);
                assertThat(values.get(6)).isEqualTo(new BigDecimal("123456789012345678901234567890.5"));
                assertThat(values.get(7)).isEqualTo(CannedResults.UNICODE);
                assertThat(values.get(8)).isEqualTo(LocalDate.of(1999, 12, 31));
                assertThat(values.get(9)).isEqualTo(dateTime);
                assertThat(values.get(10)).isEqualTo(Duration.ofSeconds(86_398));
                assertThat(values.get(11)).isIn(Long.MAX_VALUE, new BigDecimal("9223372036854775807"));

                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1)).isNull();
                assertThat(rs.getInt(3)).isEqualTo(-7);
                assertThat(rs.getLong(4)).isEqualTo(Long.MIN_VALUE);
                assertThat(rs.getDouble(5)).isEqualTo(0.5);
                assertThat(rs.getDouble(6)).isEqualTo(1e-300);
                assertThat(rs.getBigDecimal(7)).isEqualTo(new BigDecimal("123456789012345678901234567890.5"));
                assertThat(rs.getString(8)).isEqualTo(CannedResults.UNICODE);
                assertThat(rs.getObject(9, LocalDate.class)).isEqualTo(LocalDate.of(1999, 12, 31));
                assertThat(rs.getObject(10, LocalDateTime.class)).isEqualTo(dateTime);
                assertThat(rs.getObject(11, LocalTime.class)).isEqualTo(LocalTime.of(23, 59, 58));
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void everyColumnTypeReadsBackFromBinaryRows() throws Exception {
        try (Connection connection = connect("root", "", "&sslMode=disable&useServerPrepStmts=true");
                PreparedStatement ps = connection.prepareStatement("select all_types");
                ResultSet rs = ps.executeQuery()) {
            assertThat(sessions.last().prepared()).contains("select all_types");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean("c_bool")).isTrue();
            assertThat(rs.getInt("c_tiny")).isEqualTo(-128);
            assertThat(rs.getInt("c_small")).isEqualTo(-32768);
            assertThat(rs.getInt("c_int")).isEqualTo(1);
            assertThat(rs.getLong("c_big")).isEqualTo(Long.MIN_VALUE);
            assertThat(rs.getFloat("c_float")).isEqualTo(0.1f);
            assertThat(rs.getDouble("c_double")).isEqualTo(1e20);
            assertThat(rs.getBigDecimal("c_decimal")).isEqualTo(new BigDecimal("2.5000"));
            assertThat(rs.getString("c_varchar")).isEqualTo(CannedResults.UNICODE);
            assertThat(rs.getString("c_char")).isEqualTo("ab");
            assertThat(rs.getString("c_text")).isEqualTo("long text");
            assertThat(rs.getBytes("c_varbinary")).isEqualTo(CannedResults.BYTES);
            assertThat(rs.getBytes("c_blob")).isEqualTo(CannedResults.BYTES);
            assertThat(rs.getObject("c_date", LocalDate.class)).isEqualTo(CannedResults.DATE);
            assertThat(rs.getObject("c_datetime6", LocalDateTime.class)).isEqualTo(CannedResults.DATE_TIME);
            assertThat(rs.getObject("c_time", LocalTime.class)).isEqualTo(LocalTime.of(13, 45, 30, 500_000_000));
            assertThat(rs.getObject("c_null")).isNull();
            assertThat(rs.getString("c_ubig")).isEqualTo("18446744073709551615");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("c_int")).isEqualTo(2);
            assertThat(rs.getObject("c_varchar")).isNull();
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void repeatedAndBatchedInserts() throws Exception {
        try (Connection connection = connect("root", "", "&sslMode=disable&useServerPrepStmts=true");
                PreparedStatement ps = connection.prepareStatement("insert into t values (?, ?)")) {
            FakeSession session = sessions.last();
            for (int i = 0; i < 3; i++) {
                ps.setInt(1, i);
                ps.setString(2, "row " + i);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            ps.setInt(1, 10);
            ps.setString(2, "a");
            ps.addBatch();
            ps.setInt(1, 11);
            ps.setString(2, "b");
            ps.addBatch();
            assertThat(ps.executeBatch()).hasSize(2);
            assertThat(session.bound()).containsExactly(List.of(0L, "row 0"), List.of(1L, "row 1"), List.of(2L, "row 2"),
                    List.of(10L, "a"), List.of(11L, "b"));
        }
    }

    @Test
    void cachingSha2FullAuthenticationOverTlsAndOverRsa() throws Exception {
        try (Connection connection = connect("alice", "secret", "&sslMode=trust")) {
            assertThat(connection.isValid(5)).isTrue();
            assertThat(sessions.lastCredential()).isEqualTo(new Credential.Cleartext("secret"));
            assertThat(sessions.last().client().secureTransport()).isTrue();
        }
        sessions.forgetPasswords();
        try (Connection connection = connect("alice", "secret", "&sslMode=disable&allowPublicKeyRetrieval=true")) {
            assertThat(connection.isValid(5)).isTrue();
            assertThat(sessions.lastCredential()).isEqualTo(new Credential.Cleartext("secret"));
            assertThat(sessions.last().client().secureTransport()).isFalse();
        }
        try (Connection connection = connect("alice", "secret", "&sslMode=disable")) {
            assertThat(connection.isValid(5)).isTrue();
            assertThat(sessions.lastCredential()).isInstanceOf(Credential.CachingSha2Password.class);
        }
        assertThatThrownBy(() -> connect("alice", "wrong", "&sslMode=trust"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1045));
    }

    @Test
    void compressionWithAndWithoutTls() throws Exception {
        for (String tls : new String[] {"&sslMode=disable", "&sslMode=trust"}) {
            try (Connection connection = connect("root", "", tls + "&useCompression=true&useServerPrepStmts=true")) {
                try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("select stream 50000 1000")) {
                    long expected = 0;
                    while (rs.next()) {
                        assertThat(rs.getLong(1)).isEqualTo(expected++);
                    }
                    assertThat(expected).isEqualTo(50_000);
                }
                try (PreparedStatement ps = connection.prepareStatement("select ?")) {
                    ps.setString(1, "z".repeat(100_000));
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).hasSize(100_000);
                    }
                }
                assertThat(sessions.last().client().secureTransport()).isEqualTo(tls.endsWith("trust"));
            }
        }
    }
}
