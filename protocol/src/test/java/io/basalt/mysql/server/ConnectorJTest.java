package io.basalt.mysql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.mysql.server.fake.CannedResults;
import io.basalt.mysql.server.fake.FakeSession;
import io.basalt.mysql.server.fake.FakeSessionFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MySQL Connector/J against the server, over a fake session. */
class ConnectorJTest {
    private static FakeSessionFactory sessions;
    private static MysqlServer server;

    @BeforeAll
    static void start() throws Exception {
        sessions = new FakeSessionFactory();
        server = new MysqlServer(MysqlServerConfig.defaults().withPort(0).withIoThreads(2).withWorkerThreads(4), sessions);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        assertThat(sessions.sessions()).allMatch(FakeSession::isClosed);
        assertThat(sessions.allocatedBytes()).as("Arrow memory left behind").isZero();
        sessions.close();
    }

    private static String url(String database, String user, String password) {
        return "jdbc:mysql://127.0.0.1:" + server.port() + "/" + database + "?user=" + user + "&password=" + password
                + "&useSSL=false&allowPublicKeyRetrieval=true&allowMultiQueries=true";
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url("", "root", ""));
    }

    @Test
    void everyTypeReadsBackAsTheRightJavaValue() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select all_types")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject("c_bool")).isEqualTo(true);
            assertThat(rs.getInt("c_bool")).isEqualTo(1);
            assertThat(rs.getObject("c_tiny")).isEqualTo(-128);
            assertThat(rs.getObject("c_small")).isEqualTo(-32768);
            assertThat(rs.getObject("c_int")).isEqualTo(1);
            assertThat(rs.getObject("c_big")).isEqualTo(Long.MIN_VALUE);
            assertThat(rs.getObject("c_float")).isEqualTo(0.1f);
            assertThat(rs.getObject("c_double")).isEqualTo(1e20);
            assertThat(rs.getObject("c_decimal")).isEqualTo(new BigDecimal("2.5000"));
            assertThat(rs.getString("c_decimal")).isEqualTo("2.5000");
            assertThat(rs.getObject("c_varchar")).isEqualTo(CannedResults.UNICODE);
            assertThat(rs.getObject("c_char")).isEqualTo("ab");
            assertThat(rs.getObject("c_text")).isEqualTo("long text");
            assertThat(rs.getBytes("c_varbinary")).isEqualTo(CannedResults.BYTES);
            assertThat(rs.getObject("c_blob")).isEqualTo(CannedResults.BYTES);
            assertThat(rs.getObject("c_date")).isEqualTo(java.sql.Date.valueOf(CannedResults.DATE));
            assertThat(rs.getString("c_datetime")).isEqualTo("2024-02-29 13:45:30");
            assertThat(rs.getObject("c_datetime")).isEqualTo(CannedResults.DATE_TIME.withNano(0));
            assertThat(rs.getObject("c_datetime6", LocalDateTime.class)).isEqualTo(CannedResults.DATE_TIME);
            assertThat(rs.getString("c_timestamp")).isEqualTo("2024-02-29 13:45:30.123");
            assertThat(rs.getObject("c_timestamp")).isInstanceOf(java.sql.Timestamp.class);
            assertThat(rs.getString("c_time")).isEqualTo("13:45:30.5");
            assertThat(rs.getObject("c_time", java.time.LocalTime.class)).isEqualTo(java.time.LocalTime.of(13, 45, 30, 500_000_000));
            assertThat(rs.getObject("c_null")).isNull();
            assertThat(rs.getObject("c_ubig")).isEqualTo(new BigInteger("18446744073709551615"));

            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("c_int")).isEqualTo(2);
            for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                if (!rs.getMetaData().getColumnLabel(column).equals("c_int")) {
                    assertThat(rs.getObject(column)).as(rs.getMetaData().getColumnLabel(column)).isNull();
                    assertThat(rs.wasNull()).isTrue();
                }
            }
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void metadataDescribesEveryColumnAsMysqlWould() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select all_types")) {
            ResultSetMetaData md = rs.getMetaData();
            List<Integer> types = new ArrayList<>();
            for (int column = 1; column <= md.getColumnCount(); column++) {
                types.add(md.getColumnType(column));
            }
            assertThat(types).containsExactly(
                    Types.BIT, Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.DOUBLE,
                    Types.DECIMAL, Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.VARBINARY, Types.LONGVARBINARY,
                    Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP, Types.TIMESTAMP, Types.TIME, Types.NULL, Types.BIGINT);
            assertThat(md.getColumnTypeName(20)).isEqualTo("BIGINT UNSIGNED");
            assertThat(md.getColumnTypeName(17)).isEqualTo("TIMESTAMP");
            assertThat(md.getColumnTypeName(15)).isEqualTo("DATETIME");
            assertThat(md.getColumnTypeName(11)).isEqualTo("TEXT");

            assertThat(md.getColumnLabel(4)).isEqualTo("c_int");
            assertThat(md.getColumnName(4)).isEqualTo("id");
            assertThat(md.getTableName(4)).isEqualTo("items");
            assertThat(md.getCatalogName(4)).isEqualTo("shop");
            assertThat(md.isAutoIncrement(4)).isTrue();
            assertThat(md.isNullable(4)).isEqualTo(ResultSetMetaData.columnNoNulls);
            assertThat(md.isNullable(5)).isEqualTo(ResultSetMetaData.columnNullable);
            assertThat(md.isSigned(5)).isTrue();
            assertThat(md.isSigned(20)).isFalse();

            assertThat(md.getPrecision(8)).isEqualTo(10);
            assertThat(md.getScale(8)).isEqualTo(4);
            assertThat(md.getPrecision(9)).isEqualTo(20);
            assertThat(md.getColumnDisplaySize(9)).isEqualTo(20);
            assertThat(md.getPrecision(15)).isEqualTo(19);
            assertThat(md.getPrecision(16)).isEqualTo(26);
        }
    }

    @Test
    void multiStatementReturnsEveryResultInOrder() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThat(statement.execute("select 1; update t; select all_types; insert t")).isTrue();
            try (ResultSet rs = statement.getResultSet()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
            assertThat(statement.getMoreResults()).isFalse();
            assertThat(statement.getUpdateCount()).isEqualTo(3);
            assertThat(statement.getMoreResults()).isTrue();
            try (ResultSet rs = statement.getResultSet()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("c_decimal")).isEqualTo("2.5000");
            }
            assertThat(statement.getMoreResults()).isFalse();
            assertThat(statement.getUpdateCount()).isEqualTo(1);
            assertThat(statement.getMoreResults()).isFalse();
            assertThat(statement.getUpdateCount()).isEqualTo(-1);
        }
    }

    @Test
    void firstErrorStopsAMultiStatement() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            FakeSession session = sessions.last();
            assertThatThrownBy(() -> {
                statement.execute("select 1; select missing; update t");
                while (statement.getMoreResults() || statement.getUpdateCount() != -1) {
                    // drain until the error surfaces
                }
            }).isInstanceOf(SQLException.class).hasMessageContaining("doesn't exist");
            assertThat(session.executed()).endsWith("select 1", "select missing");
            assertThat(single(connection, "select 1")).isEqualTo("1");
        }
    }

    @Test
    void errorsCarryTheMysqlErrnoAndSqlStateAndTheConnectionStaysUsable() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("select missing"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1146);
                        assertThat(e.getSQLState()).isEqualTo("42S02");
                        assertThat(e.getMessage()).isEqualTo("Table 'shop.missing' doesn't exist");
                    });
            assertThat(single(connection, "select 1")).isEqualTo("1");
        }
    }

    @Test
    void unexpectedFailuresBecomeInternalErrorsAndTheConnectionStaysUsable() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("select boom"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1105);
                        assertThat(e.getSQLState()).isEqualTo("HY000");
                        assertThat(e.getMessage()).isEqualTo("Internal error: IllegalStateException: boom");
                    });
            assertThat(single(connection, "select 1")).isEqualTo("1");
        }
    }

    @Test
    void errorInTheMiddleOfAResultReachesTheClient() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("select fail_late"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1264));
            assertThat(single(connection, "select 1")).isEqualTo("1");
        }
    }

    @Test
    void emptyResultHasColumnsAndNoRows() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select empty")) {
            assertThat(rs.getMetaData().getColumnCount()).isEqualTo(1);
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void updateCountsAndGeneratedKeys() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("update t", Statement.RETURN_GENERATED_KEYS)).isEqualTo(3);
            try (ResultSet keys = statement.getGeneratedKeys()) {
                assertThat(keys.next()).isTrue();
                assertThat(keys.getLong(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void twentyMegabyteStatementReachesTheSessionIntact() throws Exception {
        StringBuilder text = new StringBuilder(20 * 1024 * 1024 + 16).append("select '");
        for (int i = 0; text.length() < 20 * 1024 * 1024; i++) {
            text.append((char) ('a' + i % 26));
        }
        String sql = text.append('\'').toString();
        try (Connection connection = connect()) {
            assertThat(single(connection, sql)).isEqualTo(String.valueOf(sql.length()));
            assertThat(sessions.last().lastLongStatement()).isEqualTo(sql);
        }
    }

    @Test
    void largeResultStreamsToAStreamingReader() throws Exception {
        try (Connection connection = connect();
                Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(Integer.MIN_VALUE);
            long expected = 0;
            try (ResultSet rs = statement.executeQuery("select stream 300000 4096")) {
                while (rs.next()) {
                    assertThat(rs.getLong(1)).isEqualTo(expected++);
                }
            }
            assertThat(expected).isEqualTo(300_000);
        }
    }

    @Test
    void loginWithPasswordGoesThroughTheSwitchToNativePassword() throws Exception {
        try (Connection connection = DriverManager.getConnection(url("shop", "app", "s3cret"))) {
            assertThat(single(connection, "select 1")).isEqualTo("1");
            assertThat(sessions.last().client().user()).isEqualTo("app");
            assertThat(sessions.last().client().database()).isEqualTo("shop");
            assertThat(sessions.last().client().remoteHost()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void wrongPasswordIsAccessDenied() {
        assertThatThrownBy(() -> DriverManager.getConnection(url("", "app", "wrong")))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(1045);
                    assertThat(e.getSQLState()).isEqualTo("28000");
                    assertThat(e.getMessage()).contains("Access denied for user 'app'");
                });
    }

    @Test
    void unknownDefaultDatabaseIsRefused() {
        assertThatThrownBy(() -> DriverManager.getConnection(url("nodb", "root", "")))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(1049);
                    assertThat(e.getMessage()).isEqualTo("Unknown database 'nodb'");
                });
    }

    @Test
    void setCatalogChangesTheSessionsDatabase() throws Exception {
        try (Connection connection = connect()) {
            connection.setCatalog("shop");
            assertThat(sessions.last().database()).isEqualTo("shop");
            assertThatThrownBy(() -> connection.setCatalog("nodb"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1049));
            assertThat(single(connection, "select 1")).isEqualTo("1");
        }
    }

    @Test
    void closingTheConnectionClosesTheSession() throws Exception {
        FakeSession session;
        try (Connection connection = connect()) {
            session = sessions.last();
            assertThat(session.isClosed()).isFalse();
        }
        assertThat(session.awaitClosed(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(session.cancels()).isZero();
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
