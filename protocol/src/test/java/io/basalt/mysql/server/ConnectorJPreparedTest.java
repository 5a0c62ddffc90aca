package io.basalt.mysql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.mysql.server.fake.CannedResults;
import io.basalt.mysql.server.fake.FakeSession;
import io.basalt.mysql.server.fake.FakeSessionFactory;
import io.basalt.mysql.server.fake.RootBatchStream;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MySQL Connector/J's server-side prepared statements and cursor fetch against the server. */
class ConnectorJPreparedTest {
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
        assertThat(sessions.sessions()).allMatch(s -> s.openStatements() == 0);
        assertThat(sessions.allocatedBytes()).as("Arrow memory left behind").isZero();
        sessions.close();
    }

    private static Connection connect(String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/?user=root&password="
                + "&useSSL=false&useServerPrepStmts=true&cachePrepStmts=false" + options);
    }

    @Test
    void everyParameterTypeReachesTheSessionAsItsJavaValueAndComesBackInBinaryRows() throws Exception {
        LocalDateTime dateTime = LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000);
        byte[] bytes = {0, 1, 2, (byte) 0xFF, (byte) 0x80};
        try (Connection connection = connect("");
                PreparedStatement ps = connection.prepareStatement(
                        "select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?")) {
            FakeSession session = sessions.last();
            ps.setNull(1, Types.INTEGER);
            ps.setBoolean(2, true);
            ps.setByte(3, (byte) -7);
            ps.setShort(4, (short) -32768);
            ps.setInt(5, Integer.MIN_VALUE);
            ps.setLong(6, Long.MAX_VALUE);
            ps.setFloat(7, 0.1f);
            ps.setDouble(8, -1.5e300);
            ps.setBigDecimal(9, new BigDecimal("-12345678901234567890.0123"));
            ps.setString(10, CannedResults.UNICODE);
            ps.setBytes(11, bytes);
            ps.setDate(12, java.sql.Date.valueOf(LocalDate.of(1999, 12, 31)));
            ps.setTime(13, java.sql.Time.valueOf(LocalTime.of(23, 59, 58)));
            ps.setTimestamp(14, Timestamp.valueOf(dateTime));
            ps.setObject(15, LocalDate.of(2024, 2, 29));
            ps.setObject(16, dateTime);
            ps.setObject(17, LocalTime.of(1, 2, 3, 456_000_000));

            try (ResultSet rs = ps.executeQuery()) {
                List<Object> values = session.bound().get(0);
                assertThat(values.get(0)).isNull();
                assertThat(values.subList(1, 6)).containsExactly(1L, -7L, -32768L, (long) Integer.MIN_VALUE, Long.MAX_VALUE);
                assertThat(values.get(6)).isEqualTo(0.1);
                assertThat(values.get(7)).isEqualTo(-1.5e300);
                assertThat(values.get(8)).isEqualTo(new BigDecimal("-12345678901234567890.0123"));
                assertThat(values.get(9)).isEqualTo(CannedResults.UNICODE);
                // The echo statement's parameters are VARCHAR, so string-typed bytes arrive as text.
                assertThat(values.get(10)).isInstanceOf(String.class);
                assertThat(values.get(11)).isEqualTo(LocalDate.of(1999, 12, 31));
                assertThat(values.get(12)).isEqualTo(Duration.ofSeconds(86_398));
                assertThat(values.get(13)).isEqualTo(dateTime);
                assertThat(values.get(14)).isEqualTo(LocalDate.of(2024, 2, 29));
                assertThat(values.get(15)).isEqualTo(dateTime);
                assertThat(values.get(16)).isEqualTo(Duration.ofSeconds(3723, 456_000_000));

                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1)).isNull();
                assertThat(rs.getLong(2)).isEqualTo(1);
                assertThat(rs.getByte(3)).isEqualTo((byte) -7);
                assertThat(rs.getShort(4)).isEqualTo((short) -32768);
                assertThat(rs.getInt(5)).isEqualTo(Integer.MIN_VALUE);
                assertThat(rs.getLong(6)).isEqualTo(Long.MAX_VALUE);
                assertThat(rs.getDouble(7)).isEqualTo(0.1);
                assertThat(rs.getDouble(8)).isEqualTo(-1.5e300);
                assertThat(rs.getBigDecimal(9)).isEqualTo(new BigDecimal("-12345678901234567890.0123"));
                assertThat(rs.getString(10)).isEqualTo(CannedResults.UNICODE);
                assertThat(rs.getObject(12, LocalDate.class)).isEqualTo(LocalDate.of(1999, 12, 31));
                assertThat(rs.getObject(13, LocalTime.class)).isEqualTo(LocalTime.of(23, 59, 58));
                assertThat(rs.getObject(14, LocalDateTime.class)).isEqualTo(dateTime);
                assertThat(rs.getObject(16, LocalDateTime.class)).isEqualTo(dateTime);
                assertThat(rs.getObject(17, LocalTime.class)).isEqualTo(LocalTime.of(1, 2, 3, 456_000_000));
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void binaryTargetsTakeBytesAndLongDataIsAccumulated() throws Exception {
        byte[] bytes = {0, 1, 2, (byte) 0xFF, (byte) 0x80};
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        try (Connection connection = connect("");
                PreparedStatement ps = connection.prepareStatement("insert into bin values (?, ?, ?)")) {
            FakeSession session = sessions.last();
            ps.setBytes(1, bytes);
            ps.setBinaryStream(2, new ByteArrayInputStream(big));
            ps.setString(3, "text into a binary column");
            assertThat(ps.executeUpdate()).isEqualTo(1);
            List<Object> values = session.bound().get(0);
            assertThat((byte[]) values.get(0)).isEqualTo(bytes);
            assertThat((byte[]) values.get(1)).isEqualTo(big);
            assertThat((byte[]) values.get(2)).isEqualTo("text into a binary column".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try (Connection connection = connect("");
                PreparedStatement ps = connection.prepareStatement("insert into t values (?)")) {
            FakeSession session = sessions.last();
            String text = "\u00e9".repeat(100_000);
            ps.setCharacterStream(1, new StringReader(text));
            assertThat(ps.executeUpdate()).isEqualTo(1);
            Object value = session.bound().get(0).get(0);
            String received = value instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : (String) value;
            assertThat(received).isEqualTo(text);
        }
    }

    @Test
    void insertExecutedRepeatedlyReusesTheBoundTypes() throws Exception {
        try (Connection connection = connect("");
                PreparedStatement ps = connection.prepareStatement("insert into t values (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            FakeSession session = sessions.last();
            for (int i = 0; i < 5; i++) {
                ps.setLong(1, i);
                ps.setString(2, "row " + i);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertThat(keys.next()).isTrue();
                assertThat(keys.getLong(1)).isEqualTo(7);
            }
            ps.setNull(1, Types.BIGINT);
            ps.setString(2, null);
            ps.addBatch();
            ps.setLong(1, 99);
            ps.setString(2, "batched");
            ps.addBatch();
            assertThat(ps.executeBatch()).containsExactly(1, 1);
            assertThat(session.bound()).containsExactly(
                    List.of(0L, "row 0"), List.of(1L, "row 1"), List.of(2L, "row 2"), List.of(3L, "row 3"),
                    List.of(4L, "row 4"), Arrays.asList(null, null), List.of(99L, "batched"));
            assertThat(session.prepared()).containsExactly("insert into t values (?, ?)");
        }
    }

    @Test
    void everyColumnTypeReadsBackFromBinaryRows() throws Exception {
        try (Connection connection = connect("");
                PreparedStatement ps = connection.prepareStatement("select all_types");
                ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject("c_bool")).isEqualTo(true);
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
            assertThat(rs.getObject("c_datetime6", LocalDateTime.class)).isEqualTo(CannedResults.DATE_TIME);
            assertThat(rs.getObject("c_timestamp")).isInstanceOf(Timestamp.class);
            assertThat(rs.getObject("c_time", LocalTime.class)).isEqualTo(LocalTime.of(13, 45, 30, 500_000_000));
            assertThat(rs.getObject("c_null")).isNull();
            assertThat(rs.getObject("c_ubig")).isEqualTo(new BigInteger("18446744073709551615"));

            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("c_int")).isEqualTo(2);
            ResultSetMetaData md = rs.getMetaData();
            for (int column = 1; column <= md.getColumnCount(); column++) {
                if (!md.getColumnLabel(column).equals("c_int")) {
                    assertThat(rs.getObject(column)).as(md.getColumnLabel(column)).isNull();
                }
            }
            assertThat(rs.next()).isFalse();
            assertThat(md.getColumnTypeName(20)).isEqualTo("BIGINT UNSIGNED");
            assertThat(md.getScale(8)).isEqualTo(4);
        }
    }

    @Test
    void cursorFetchPullsBatchesOnlyAsTheClientFetches() throws Exception {
        try (Connection connection = connect("&useCursorFetch=true&defaultFetchSize=100");
                PreparedStatement ps = connection.prepareStatement("select stream 10000 100")) {
            FakeSession session = sessions.last();
            try (ResultSet rs = ps.executeQuery()) {
                RootBatchStream stream = session.streams().get(session.streams().size() - 1);
                long expected = 0;
                while (rs.next()) {
                    assertThat(rs.getLong(1)).isEqualTo(expected);
                    // The 100-row batch holding this row is the last one pulled: one per FETCH of 100.
                    assertThat(stream.batches()).as("batches pulled at row %d", expected).isEqualTo(expected / 100 + 1);
                    expected++;
                }
                assertThat(expected).isEqualTo(10_000);
                assertThat(stream.isClosed()).as("cursor closed after the last row").isTrue();
            }
            // The statement can run again and the connection does other work between fetches.
            try (ResultSet rs = ps.executeQuery(); Statement other = connection.createStatement()) {
                assertThat(rs.next()).isTrue();
                try (ResultSet one = other.executeQuery("select 1")) {
                    assertThat(one.next()).isTrue();
                }
                int rows = 1;
                while (rs.next()) {
                    rows++;
                }
                assertThat(rows).isEqualTo(10_000);
            }
        }
    }

    @Test
    void cursorOnAnEmptyResultAndOnAnUpdate() throws Exception {
        try (Connection connection = connect("&useCursorFetch=true&defaultFetchSize=10")) {
            try (PreparedStatement ps = connection.prepareStatement("select empty"); ResultSet rs = ps.executeQuery()) {
                assertThat(rs.getMetaData().getColumnCount()).isEqualTo(1);
                assertThat(rs.next()).isFalse();
            }
            try (PreparedStatement ps = connection.prepareStatement("update t")) {
                assertThat(ps.executeUpdate()).isEqualTo(3);
            }
        }
    }

    @Test
    void errorsFromPrepareAndExecuteAreReportedAndTheConnectionStaysUsable() throws Exception {
        try (Connection connection = connect("")) {
            FakeSession session = sessions.last();
            // Connector/J falls back to a client-side statement when the server refuses to prepare,
            // so the error surfaces when it executes.
            try (PreparedStatement ps = connection.prepareStatement("select missing")) {
                assertThat(session.prepared()).contains("select missing");
                assertThatThrownBy(ps::executeQuery)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1146));
            }
            try (PreparedStatement ps = connection.prepareStatement("select fail_late")) {
                assertThatThrownBy(() -> {
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            // drain until the error surfaces
                        }
                    }
                }).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1264));
            }
            try (PreparedStatement ps = connection.prepareStatement("select 1"); ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void closingStatementsAndConnectionsReleasesServerStatements() throws Exception {
        FakeSession session;
        try (Connection connection = connect("")) {
            session = sessions.last();
            PreparedStatement first = connection.prepareStatement("select ?");
            PreparedStatement second = connection.prepareStatement("select all_types");
            assertThat(session.openStatements()).isEqualTo(2);
            first.close();
            awaitOpenStatements(session, 1);
            // second stays open until the connection closes
            assertThat(second.isClosed()).isFalse();
        }
        assertThat(session.awaitClosed(5, TimeUnit.SECONDS)).isTrue();
        assertThat(session.openStatements()).isZero();
    }

    private static void awaitOpenStatements(FakeSession session, int expected) throws InterruptedException {
        // COM_STMT_CLOSE has no reply: wait for the server to have handled it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (session.openStatements() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(session.openStatements()).isEqualTo(expected);
    }
}
