package io.basalt.tests.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.BasaltServerExtension;
import io.basalt.tests.harness.JdbcDrivers;
import io.basalt.tests.harness.JdbcDrivers.Release;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Released MySQL Connector/J (8.4, 9.5, 26.10) and MariaDB Connector/J (3.5) drivers, unmodified,
 * through what applications do first: connect (the driver's own start-up queries), common session
 * settings, statements behind comments, and prepared statements with every supported type, both
 * client-side and server-side (binary protocol).
 */
@ExtendWith(BasaltServerExtension.class)
class DriverCompatibilityTest {

    /** Client-side prepared statements (the drivers' default) and server-side ones. */
    static Stream<Arguments> driversAndModes() {
        List<Arguments> out = new ArrayList<>();
        for (Release r : Release.values()) {
            out.add(Arguments.of(r, ""));
            out.add(Arguments.of(r, r.isMariaDb() ? "useServerPrepStmts=true"
                    : "useServerPrepStmts=true&cachePrepStmts=true&emulateUnsupportedPstmts=false"));
            // zlib-compressed protocol, and (Connector/J) server-side cursors fetched 2 rows at a time
            out.add(Arguments.of(r, r.isMariaDb() ? "useCompression=true&useServerPrepStmts=true"
                    : "useCompression=true&useCursorFetch=true&defaultFetchSize=2"));
        }
        return out.stream();
    }

    @ParameterizedTest
    @EnumSource(Release.class)
    void connectAndSessionSettingsAnswerWithTrueValues(Release release, BasaltProcess basalt) throws SQLException {
        try (Connection c = JdbcDrivers.connect(release, basalt.mysqlPort(), null, "")) {
            assertThat(c.isValid(5)).isTrue();
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("MySQL");
            assertThat(c.getMetaData().getDatabaseMajorVersion()).isEqualTo(8);

            c.setAutoCommit(false);
            assertThat(c.getAutoCommit()).isFalse();
            assertThat(single(c, "SELECT @@autocommit")).isEqualTo("0");
            c.setAutoCommit(true);
            assertThat(single(c, "SELECT @@session.autocommit")).isEqualTo("1");

            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            assertThat(single(c, "SELECT @@transaction_isolation")).isEqualTo("SERIALIZABLE");
            assertThat(single(c, "SELECT @@tx_isolation")).isEqualTo("SERIALIZABLE");
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            assertThat(single(c, "SELECT @@session.transaction_isolation")).isEqualTo("REPEATABLE-READ");

            c.setReadOnly(true);
            assertThat(c.isReadOnly()).isTrue();
            assertThat(single(c, "SELECT @@transaction_read_only")).isEqualTo("1");
            c.setReadOnly(false);
            assertThat(single(c, "SELECT @@transaction_read_only")).isEqualTo("0");

            try (Statement s = c.createStatement()) {
                s.execute("SET NAMES utf8mb4");
                s.execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
                assertThat(single(c, "SELECT @@transaction_isolation")).isEqualTo("READ-COMMITTED");
                s.execute("CREATE DATABASE IF NOT EXISTS compat_" + release.name().toLowerCase());
            }
            c.setCatalog("compat_" + release.name().toLowerCase());
            assertThat(c.getCatalog()).isEqualTo("compat_" + release.name().toLowerCase());
            assertThat(single(c, "SELECT DATABASE()")).isEqualTo("compat_" + release.name().toLowerCase());
            assertThat(Long.parseLong(single(c, "/* ping from an ORM */ SELECT CONNECTION_ID()"))).isPositive();
            assertThat(single(c, "/*+ hint */ /* two comments */ SELECT 'x'")).isEqualTo("x");

            assertThat(rows(c, "SHOW VARIABLES LIKE 'character_set_%'")).anySatisfy(
                    r -> assertThat(r).startsWith("character_set_client\tutf8"));
            assertThat(rows(c, "SHOW SESSION VARIABLES LIKE 'max_allowed_packet'")).hasSize(1);
            assertThat(rows(c, "SHOW COLLATION")).anySatisfy(r -> assertThat(r).startsWith("utf8mb4_general_ci\tutf8mb4"));
            assertThat(rows(c, "SHOW CHARSET")).anySatisfy(r -> assertThat(r).startsWith("utf8mb4\t"));
            assertThat(rows(c, "SHOW CHARACTER SET LIKE 'utf8mb%'")).hasSize(2);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("driversAndModes")
    void preparedStatementsRoundTripEveryType(Release release, String options, BasaltProcess basalt)
            throws SQLException {
        String db = "ps_" + release.name().toLowerCase() + "_" + Integer.toHexString(options.hashCode());
        try (Connection c = JdbcDrivers.connect(release, basalt.mysqlPort(), null, options)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + db);
                s.execute("CREATE TABLE " + db + ".t (id INT NOT NULL PRIMARY KEY, b BOOLEAN, ti TINYINT, si SMALLINT, "
                        + "bi BIGINT, bu BIGINT UNSIGNED, f FLOAT, d DOUBLE, dec1 DECIMAL(20,4), c CHAR(4), "
                        + "v VARCHAR(50), tx TEXT, vb VARBINARY(20), bl BLOB, dt DATE, dtm DATETIME(6), "
                        + "ts TIMESTAMP NULL, tm TIME)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + db
                    + ".t VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int id = 1; id <= 3; id++) {
                    ps.setInt(1, id);
                    ps.setBoolean(2, id % 2 == 0);
                    ps.setByte(3, (byte) -id);
                    ps.setShort(4, (short) (1000 * id));
                    ps.setLong(5, Long.MIN_VALUE + id);
                    ps.setBigDecimal(6, new BigDecimal("18446744073709551615"));
                    ps.setFloat(7, 1.5f * id);
                    ps.setDouble(8, Math.PI * id);
                    ps.setBigDecimal(9, new BigDecimal("1234567890123456.789" + id));
                    ps.setString(10, "c" + id);
                    ps.setString(11, "ünïcode 'quoted' " + id);
                    ps.setString(12, "text\\with\nnewline " + id);
                    ps.setBytes(13, new byte[] {0, (byte) 0xff, (byte) id, '\'', '\\'});
                    ps.setBytes(14, new byte[] {(byte) 0x80, (byte) id});
                    ps.setDate(15, Date.valueOf("2024-02-2" + id));
                    ps.setTimestamp(16, Timestamp.valueOf("2024-01-02 03:04:05.12345" + id));
                    ps.setTimestamp(17, Timestamp.valueOf("2030-06-0" + id + " 10:00:00"));
                    ps.setTime(18, Time.valueOf("12:34:5" + id));
                    assertThat(ps.executeUpdate()).isEqualTo(1);
                }
                ps.setInt(1, 4);
                for (int i = 2; i <= 18; i++) {
                    ps.setNull(i, Types.NULL);
                }
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + db + ".t WHERE id = ?")) {
                ps.setInt(1, 2);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt("id")).isEqualTo(2);
                    assertThat(rs.getBoolean("b")).isTrue();
                    assertThat(rs.getByte("ti")).isEqualTo((byte) -2);
                    assertThat(rs.getShort("si")).isEqualTo((short) 2000);
                    assertThat(rs.getLong("bi")).isEqualTo(Long.MIN_VALUE + 2);
                    assertThat(rs.getBigDecimal("bu")).isEqualByComparingTo("18446744073709551615");
                    assertThat(rs.getFloat("f")).isEqualTo(3.0f);
                    assertThat(rs.getDouble("d")).isEqualTo(Math.PI * 2);
                    assertThat(rs.getBigDecimal("dec1")).isEqualByComparingTo("1234567890123456.7892");
                    assertThat(rs.getString("c")).isEqualTo("c2");
                    assertThat(rs.getString("v")).isEqualTo("ünïcode 'quoted' 2");
                    assertThat(rs.getString("tx")).isEqualTo("text\\with\nnewline 2");
                    assertThat(rs.getBytes("vb")).containsExactly(0, 0xff, 2, '\'', '\\');
                    assertThat(rs.getBytes("bl")).containsExactly(0x80, 2);
                    assertThat(rs.getDate("dt")).isEqualTo(Date.valueOf("2024-02-22"));
                    assertThat(rs.getTimestamp("dtm")).isEqualTo(Timestamp.valueOf("2024-01-02 03:04:05.123452"));
                    assertThat(rs.getTimestamp("ts")).isEqualTo(Timestamp.valueOf("2030-06-02 10:00:00"));
                    assertThat(rs.getTime("tm")).isEqualTo(Time.valueOf("12:34:52"));
                    assertThat(rs.next()).isFalse();
                }
                ps.setInt(1, 4);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    for (int i = 2; i <= 18; i++) {
                        assertThat(rs.getObject(i)).as("column %d", i).isNull();
                    }
                }
            }
            // The same statement re-executed with new parameters, and a parameter in an expression.
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), SUM(si) FROM " + db
                    + ".t WHERE si >= ? AND v LIKE CONCAT(?, '%')")) {
                ps.setInt(1, 2000);
                ps.setString(2, "ünï");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(2);
                    assertThat(rs.getLong(2)).isEqualTo(5000);
                }
                ps.setInt(1, 0);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(3);
                }
            }
            // Batches and generated keys, as ORMs use them.
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + db + ".auto (k BIGINT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(10))");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + db + ".auto (v) VALUES (?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, "one");
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    assertThat(keys.next()).isTrue();
                    assertThat(keys.getLong(1)).isEqualTo(1);
                }
                for (String v : List.of("two", "three")) {
                    ps.setString(1, v);
                    ps.addBatch();
                }
                assertThat(ps.executeBatch()).hasSize(2);
            }
            assertThat(single(c, "SELECT GROUP_CONCAT(v ORDER BY k) FROM " + db + ".auto")).isEqualTo("one,two,three");
            // An error through a prepared statement leaves the connection usable.
            assertThatThrownBy(() -> c.prepareStatement("SELECT nope FROM " + db + ".t").executeQuery())
                    .isInstanceOf(SQLException.class).hasMessageContaining("nope");
            assertThat(single(c, "SELECT 1")).isEqualTo("1");
        }
    }

    /**
     * MySQL's TIME is a signed duration up to 838:59:59, read through the text protocol and (with
     * server-side prepared statements) the binary one. Connector/J re-formats TIME text (-1:30:00,
     * no zero fraction), so its getString is checked by value; MariaDB's is MySQL's text exactly.
     * Connector/J 8.4 and 9.5 have two bugs of their own, seen against MySQL too: they read the
     * fraction .000001 as .1 (so no fraction here starts with 0), and in the binary protocol they
     * apply a TIME's sign to its days only (-01:30:00 arrives as 01:30:00); for them negative
     * values are checked as CAST(x AS CHAR), which every driver gets exactly as sent.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("driversAndModes")
    void timeValuesBeyondOneDayAndBelowZero(Release release, String options, BasaltProcess basalt) throws SQLException {
        String db = "tm_" + release.name().toLowerCase() + "_" + Integer.toHexString(options.hashCode());
        try (Connection c = JdbcDrivers.connect(release, basalt.mysqlPort(), null, options)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + db);
                s.execute("CREATE TABLE " + db + ".t (id INT NOT NULL PRIMARY KEY, tm TIME, tm6 TIME(6))");
                s.execute("INSERT INTO " + db + ".t VALUES (1, '-01:30:00', '-01:30:00.25'),"
                        + " (2, '100:00:00', '100:00:00.5'), (3, '838:59:59', '-838:59:59')");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + db + ".t VALUES (?, ?, ?)")) {
                ps.setInt(1, 4);
                ps.setString(2, "-26:00:00");
                ps.setString(3, "1 10:00:00.123456");
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            List<List<String>> expected = List.of(List.of("-01:30:00", "-01:30:00.250000", "08:30:00"),
                    List.of("100:00:00", "100:00:00.500000", "110:00:00"),
                    List.of("838:59:59", "-838:59:59.000000", "838:59:59"),
                    List.of("-26:00:00", "34:00:00.123456", "-16:00:00"));
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT tm, tm6 FROM " + db + ".t ORDER BY id")) {
                for (List<String> row : expected) {
                    assertThat(rs.next()).isTrue();
                    for (int col = 1; col <= 2; col++) {
                        String text = row.get(col - 1);
                        assertTime(release, rs, col, text);
                    }
                }
                assertThat(rs.next()).isFalse();
            }
            // Server-side prepared statements (and Connector/J's cursor fetch) read rows in the binary protocol.
            boolean binary = options.contains("useServerPrepStmts") || options.contains("useCursorFetch");
            boolean signOnlyOnDays = binary && (release == Release.CONNECTOR_J_8 || release == Release.CONNECTOR_J_9);
            try (PreparedStatement ps = c.prepareStatement("SELECT tm, tm6, TIMEDIFF(tm, CAST(? AS TIME)),"
                    + " CAST(tm AS CHAR), CAST(tm6 AS CHAR), CAST(TIMEDIFF(tm, CAST(? AS TIME)) AS CHAR) FROM " + db
                    + ".t WHERE id = ?")) {
                for (int id = 1; id <= 4; id++) {
                    ps.setString(1, "-10:00:00");
                    ps.setString(2, "-10:00:00");
                    ps.setInt(3, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        for (int col = 1; col <= 3; col++) {
                            String text = expected.get(id - 1).get(col - 1);
                            if (!(signOnlyOnDays && text.startsWith("-"))) {
                                assertTime(release, rs, col, text);
                            }
                            assertThat(rs.getString(col + 3)).isEqualTo(text);
                        }
                    }
                }
            }
        }
    }

    private static void assertTime(Release release, ResultSet rs, int column, String mysqlText) throws SQLException {
        Duration expected = duration(mysqlText);
        String text = rs.getString(column);
        assertThat(duration(text)).as("getString of column %d: %s", column, text).isEqualTo(expected);
        if (release.isMariaDb()) {
            assertThat(text).isEqualTo(mysqlText);
        }
        assertThat(rs.getObject(column, Duration.class)).as("getObject of column %d", column).isEqualTo(expected);
    }

    /** [-]H:MM:SS[.f] as a Duration. */
    private static Duration duration(String text) {
        boolean negative = text.startsWith("-");
        String[] hms = text.substring(negative ? 1 : 0).split(":");
        BigDecimal seconds = new BigDecimal(hms[2]).add(BigDecimal.valueOf(Long.parseLong(hms[0]) * 3600
                + Long.parseLong(hms[1]) * 60));
        Duration d = Duration.ofNanos(seconds.movePointRight(9).longValueExact());
        return negative ? d.negated() : d;
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    if (i > 1) {
                        sb.append('\t');
                    }
                    sb.append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }
}
