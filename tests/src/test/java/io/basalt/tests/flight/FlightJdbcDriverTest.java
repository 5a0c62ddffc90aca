package io.basalt.tests.flight;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.BasaltServerExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Arrow's Flight SQL JDBC driver 18.3.0, unmodified, against a real server. */
@ExtendWith(BasaltServerExtension.class)
class FlightJdbcDriverTest {
    private static final String COLUMNS = "id, b, ti, si, i, bi, f, d, de, c, vc, tx, dt, tm, ts, tsp, vb";

    static String url(BasaltProcess basalt, String extra) {
        return "jdbc:arrow-flight-sql://127.0.0.1:" + basalt.flightPort() + "?useEncryption=false&user=root&password="
                + extra;
    }

    static Connection connect(BasaltProcess basalt) throws Exception {
        return DriverManager.getConnection(url(basalt, ""));
    }

    @BeforeAll
    static void ddlAndInsertThroughTheDriver(BasaltProcess basalt) throws Exception {
        try (Connection c = connect(basalt); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE fj");
            assertThat(s.executeUpdate("CREATE TABLE fj.all_types (id BIGINT NOT NULL, b BOOLEAN, ti TINYINT, si SMALLINT, "
                    + "i INT, bi BIGINT, f FLOAT, d DOUBLE, de DECIMAL(12,3), c CHAR(5), vc VARCHAR(30), tx TEXT, "
                    + "dt DATE, tm TIME, ts DATETIME, tsp TIMESTAMP, vb VARBINARY(16), PRIMARY KEY (id))")).isZero();
            int inserted = s.executeUpdate("INSERT INTO fj.all_types (" + COLUMNS + ") VALUES "
                    + "(1, TRUE, -8, 300, 70000, 9000000000, 1.5, 2.25, 1234.567, 'ab', 'hello', 'long text', "
                    + "'2024-02-29', '13:14:15', '2024-02-29 13:14:15', '2024-03-01 00:00:01', X'CAFE'), "
                    + "(2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
                    + "NULL)");
            assertThat(inserted).isEqualTo(2);
        }
    }

    @Test
    void selectsEveryTypeWithItsJdbcType(BasaltProcess basalt) throws Exception {
        try (Connection c = connect(basalt); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM fj.all_types ORDER BY id")) {
            ResultSetMetaData md = rs.getMetaData();
            assertThat(md.getColumnCount()).isEqualTo(17);
            assertThat(md.getColumnType(1)).isEqualTo(Types.BIGINT);
            assertThat(md.getColumnType(2)).isEqualTo(Types.BOOLEAN);
            assertThat(md.getColumnType(3)).isEqualTo(Types.TINYINT);
            assertThat(md.getColumnType(5)).isEqualTo(Types.INTEGER);
            assertThat(md.getColumnType(8)).isEqualTo(Types.DOUBLE);
            assertThat(md.getColumnType(9)).isEqualTo(Types.DECIMAL);
            assertThat(md.getColumnType(11)).isEqualTo(Types.VARCHAR);
            assertThat(md.getColumnType(13)).isEqualTo(Types.DATE);
            assertThat(md.getColumnType(14)).isEqualTo(Types.TIME);
            assertThat(md.getColumnType(15)).isEqualTo(Types.TIMESTAMP);
            assertThat(md.getColumnTypeName(11)).isEqualTo("VARCHAR");
            assertThat(md.getPrecision(11)).isEqualTo(30);

            assertThat(rs.next()).isTrue();
            assertFirstRow(rs);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong("id")).isEqualTo(2);
            for (int col = 2; col <= 17; col++) {
                assertThat(rs.getObject(col)).as("column %d", col).isNull();
            }
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void resultColumnsNameTheirTable(BasaltProcess basalt) throws Exception {
        // Without ORDER BY: the server's prepared statements lose column origins through a sort.
        try (Connection c = connect(basalt); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, vc FROM fj.all_types WHERE id = 1")) {
            ResultSetMetaData md = rs.getMetaData();
            assertThat(md.getTableName(2)).isEqualTo("all_types");
            assertThat(md.getSchemaName(2)).isEqualTo("fj");
            assertThat(md.getCatalogName(2)).isEqualTo("def");
            assertThat(md.getColumnTypeName(1)).isEqualTo("BIGINT");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("hello");
        }
    }

    private static void assertFirstRow(ResultSet rs) throws Exception {
        assertThat(rs.getLong("id")).isEqualTo(1);
        assertThat(rs.getBoolean("b")).isTrue();
        assertThat(rs.getInt("ti")).isEqualTo(-8);
        assertThat(rs.getInt("si")).isEqualTo(300);
        assertThat(rs.getInt("i")).isEqualTo(70000);
        assertThat(rs.getLong("bi")).isEqualTo(9_000_000_000L);
        assertThat(rs.getFloat("f")).isEqualTo(1.5f);
        assertThat(rs.getDouble("d")).isEqualTo(2.25);
        assertThat(rs.getBigDecimal("de")).isEqualByComparingTo("1234.567");
        assertThat(rs.getString("c")).isEqualTo("ab");
        assertThat(rs.getString("vc")).isEqualTo("hello");
        assertThat(rs.getString("tx")).isEqualTo("long text");
        assertThat(rs.getDate("dt").toLocalDate()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(rs.getTime("tm").toLocalTime()).isEqualTo(LocalTime.of(13, 14, 15));
        assertThat(rs.getTimestamp("ts").toLocalDateTime()).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15));
        assertThat(rs.getTimestamp("tsp").toLocalDateTime()).isEqualTo(LocalDateTime.of(2024, 3, 1, 0, 0, 1));
        assertThat(rs.getBytes("vb")).containsExactly(0xCA, 0xFE);
    }

    @Test
    void preparedStatementsBindEveryType(BasaltProcess basalt) throws Exception {
        try (Connection c = connect(basalt)) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO fj.all_types (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                assertThat(insert.getParameterMetaData().getParameterCount()).isEqualTo(17);
                insert.setLong(1, 10);
                insert.setBoolean(2, true);
                insert.setByte(3, (byte) -8);
                insert.setShort(4, (short) 300);
                insert.setInt(5, 70000);
                insert.setLong(6, 9_000_000_000L);
                insert.setFloat(7, 1.5f);
                insert.setDouble(8, 2.25);
                insert.setBigDecimal(9, new BigDecimal("1234.567"));
                insert.setString(10, "ab");
                insert.setString(11, "hello");
                insert.setString(12, "long text");
                insert.setDate(13, Date.valueOf("2024-02-29"));
                insert.setTime(14, Time.valueOf("13:14:15"));
                insert.setTimestamp(15, Timestamp.valueOf("2024-02-29 13:14:15"));
                insert.setTimestamp(16, Timestamp.valueOf("2024-03-01 00:00:01"));
                insert.setBytes(17, new byte[] {(byte) 0xCA, (byte) 0xFE});
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM fj.all_types WHERE id = ?")) {
                select.setLong(1, 10);
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong("id")).isEqualTo(10);
                    assertThat(rs.getBoolean("b")).isTrue();
                    assertThat(rs.getInt("ti")).isEqualTo(-8);
                    assertThat(rs.getLong("bi")).isEqualTo(9_000_000_000L);
                    assertThat(rs.getBigDecimal("de")).isEqualByComparingTo("1234.567");
                    assertThat(rs.getString("vc")).isEqualTo("hello");
                    assertThat(rs.getDate("dt").toLocalDate()).isEqualTo(LocalDate.of(2024, 2, 29));
                    assertThat(rs.getTime("tm").toLocalTime()).isEqualTo(LocalTime.of(13, 14, 15));
                    assertThat(rs.getTimestamp("ts").toLocalDateTime())
                            .isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15));
                    assertThat(rs.getBytes("vb")).containsExactly(0xCA, 0xFE);
                    assertThat(rs.next()).isFalse();
                }
                select.setLong(1, 999);
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).isFalse();
                }
            }
        }
    }

    @Test
    void batchedUpdatesRunEveryRow(BasaltProcess basalt) throws Exception {
        try (Connection c = connect(basalt)) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO fj.all_types (id, vc) VALUES (?, ?)")) {
                for (int k = 100; k < 103; k++) {
                    insert.setLong(1, k);
                    insert.setString(2, "batch-" + k);
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo(3);
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT COUNT(*), MAX(vc) FROM fj.all_types WHERE id BETWEEN 100 AND 102")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(3);
                assertThat(rs.getString(2)).isEqualTo("batch-102");
            }
        }
    }

    @Test
    void catalogPropertySelectsTheDatabase(BasaltProcess basalt) throws Exception {
        Connection c = DriverManager.getConnection(url(basalt, "&catalog=fj"));
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DATABASE(), COUNT(*) FROM all_types WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("fj");
            assertThat(rs.getLong(2)).isEqualTo(1);
        }
        try {
            c.close();
        } catch (SQLException e) {
            // With `catalog` set, the 18.3 driver closes its client twice: the first close sends
            // CloseSession and shuts the channel, the second finds it shut.
            assertThat(e.getMessage()).contains("Channel shutdown invoked");
        }
    }

    @Test
    void unknownPropertiesTravelAsHeadersAndDatabaseSelectsOne(BasaltProcess basalt) throws Exception {
        try (Connection c = DriverManager.getConnection(url(basalt, "&database=fj")); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DATABASE(), COUNT(*) FROM all_types WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("fj");
            assertThat(rs.getLong(2)).isEqualTo(1);
        }
    }

    @Test
    void databaseMetaDataListsCatalogSchemasTablesColumnsAndKeys(BasaltProcess basalt) throws Exception {
        try (Connection c = connect(basalt)) {
            DatabaseMetaData md = c.getMetaData();
            assertThat(strings(md.getCatalogs(), "TABLE_CAT")).containsExactly("def");
            assertThat(strings(md.getSchemas(), "TABLE_SCHEM")).contains("fj", "information_schema");
            assertThat(strings(md.getTables(null, "fj", "%", null), "TABLE_NAME")).containsExactly("all_types");
            assertThat(strings(md.getTables(null, "fj", "%", new String[] {"TABLE"}), "TABLE_TYPE"))
                    .containsExactly("TABLE");

            List<String> columns = new ArrayList<>();
            try (ResultSet rs = md.getColumns(null, "fj", "all_types", null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME"));
                    if (rs.getString("COLUMN_NAME").equals("vc")) {
                        assertThat(rs.getString("TYPE_NAME")).isEqualTo("VARCHAR");
                        assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.VARCHAR);
                        assertThat(rs.getInt("COLUMN_SIZE")).isEqualTo(30);
                        assertThat(rs.getString("IS_NULLABLE")).isEqualTo("YES");
                    }
                    if (rs.getString("COLUMN_NAME").equals("de")) {
                        assertThat(rs.getInt("COLUMN_SIZE")).isEqualTo(12);
                        assertThat(rs.getInt("DECIMAL_DIGITS")).isEqualTo(3);
                    }
                    if (rs.getString("COLUMN_NAME").equals("id")) {
                        assertThat(rs.getString("IS_NULLABLE")).isEqualTo("NO");
                    }
                }
            }
            assertThat(columns).containsExactly("id", "b", "ti", "si", "i", "bi", "f", "d", "de", "c", "vc", "tx", "dt",
                    "tm", "ts", "tsp", "vb");
            try (ResultSet rs = md.getPrimaryKeys(null, "fj", "all_types")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("COLUMN_NAME")).isEqualTo("id");
                assertThat(rs.getInt("KEY_SEQ")).isEqualTo(1);
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = md.getImportedKeys(null, "fj", "all_types")) {
                assertThat(rs.next()).isFalse();
            }
        }
    }

    /** Each of these reads SqlInfo; the driver throws NullPointerException for a missing key. */
    @Test
    void databaseMetaDataAnswersFromSqlInfo(BasaltProcess basalt) throws Exception {
        try (Connection c = connect(basalt)) {
            DatabaseMetaData md = c.getMetaData();
            assertThat(md.getDatabaseProductName()).isEqualTo("Basalt");
            assertThat(md.getDatabaseProductVersion()).isNotBlank();
            assertThat(md.getIdentifierQuoteString()).isEqualTo("`");
            assertThat(md.isReadOnly()).isFalse();
            assertThat(md.getSQLKeywords()).contains("SELECT");
            assertThat(md.getNumericFunctions()).contains("ABS");
            assertThat(md.getStringFunctions()).contains("CONCAT");
            assertThat(md.getSystemFunctions()).contains("DATABASE");
            assertThat(md.getTimeDateFunctions()).contains("NOW");
            assertThat(md.getSearchStringEscape()).isEqualTo("\\");
            assertThat(md.getExtraNameCharacters()).isEqualTo("$");
            assertThat(md.getSchemaTerm()).isEqualTo("database");
            assertThat(md.getCatalogTerm()).isEqualTo("catalog");
            assertThat(md.getProcedureTerm()).isEqualTo("procedure");
            assertThat(md.isCatalogAtStart()).isFalse();
            assertThat(md.supportsColumnAliasing()).isTrue();
            assertThat(md.nullPlusNonNullIsNull()).isTrue();
            assertThat(md.supportsConvert()).isTrue();
            assertThat(md.supportsConvert(Types.INTEGER, Types.VARCHAR)).isTrue();
            assertThat(md.supportsTableCorrelationNames()).isTrue();
            assertThat(md.supportsExpressionsInOrderBy()).isTrue();
            assertThat(md.supportsGroupByUnrelated()).isTrue();
            assertThat(md.supportsLikeEscapeClause()).isTrue();
            assertThat(md.supportsNonNullableColumns()).isTrue();
            assertThat(md.supportsMinimumSQLGrammar()).isTrue();
            assertThat(md.supportsCoreSQLGrammar()).isTrue();
            assertThat(md.supportsANSI92EntryLevelSQL()).isTrue();
            assertThat(md.supportsFullOuterJoins()).isTrue();
            assertThat(md.supportsSchemasInPrivilegeDefinitions()).isFalse();
            assertThat(md.supportsPositionedDelete()).isFalse();
            assertThat(md.supportsSelectForUpdate()).isFalse();
            assertThat(md.supportsStoredProcedures()).isFalse();
            assertThat(md.supportsSubqueriesInExists()).isTrue();
            assertThat(md.supportsCorrelatedSubqueries()).isTrue();
            assertThat(md.supportsUnionAll()).isTrue();
            assertThat(md.getMaxColumnNameLength()).isEqualTo(64);
            assertThat(md.getMaxTableNameLength()).isEqualTo(64);
            assertThat(md.getMaxConnections()).isEqualTo(1024);
            assertThat(md.getMaxRowSize()).isPositive();
            assertThat(md.getMaxStatementLength()).isZero();
            assertThat(md.doesMaxRowSizeIncludeBlobs()).isTrue();
            assertThat(md.supportsTransactions()).isFalse();
            assertThat(md.getDefaultTransactionIsolation()).isEqualTo(java.sql.Connection.TRANSACTION_NONE);
            assertThat(md.supportsTransactionIsolationLevel(java.sql.Connection.TRANSACTION_SERIALIZABLE)).isFalse();
            assertThat(md.dataDefinitionCausesTransactionCommit()).isTrue();
            assertThat(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY)).isTrue();
            assertThat(md.supportsBatchUpdates()).isTrue();
            assertThat(md.supportsSavepoints()).isFalse();
            assertThat(md.supportsNamedParameters()).isFalse();
            assertThat(md.supportsStoredFunctionsUsingCallSyntax()).isFalse();
        }
    }

    private static List<String> strings(ResultSet rs, String column) throws Exception {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                out.add(rs.getString(column));
            }
        }
        return out;
    }
}
