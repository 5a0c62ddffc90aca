package io.basalt.tests.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Basalt JDBC driver, loaded from its shaded jar alone ({@link BasaltJdbcJar}), against a real
 * server: the same DDL, INSERT, SELECT, prepared statement and DatabaseMetaData checks as
 * {@code flight.FlightJdbcDriverTest} makes of Arrow's driver, plus what this driver adds
 * (database in the URL, getTypeInfo, getIndexInfo, the server's own error messages).
 */
@ExtendWith(BasaltServerExtension.class)
class BasaltJdbcDriverTest {
    private static final String COLUMNS = "id, b, ti, si, i, bi, f, d, de, c, vc, tx, dt, tm, ts, tsp, vb";

    static Connection connect(BasaltProcess basalt) throws Exception {
        return BasaltJdbcJar.connect(basalt);
    }

    @BeforeAll
    static void ddlAndInsertThroughTheDriver(BasaltProcess basalt) throws Exception {
        try (Connection c = connect(basalt); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE bj");
            assertThat(s.executeUpdate("CREATE TABLE bj.all_types (id BIGINT NOT NULL, b BOOLEAN, ti TINYINT, si SMALLINT, "
                    + "i INT, bi BIGINT, f FLOAT, d DOUBLE, de DECIMAL(12,3), c CHAR(5), vc VARCHAR(30), tx TEXT, "
                    + "dt DATE, tm TIME, ts DATETIME, tsp TIMESTAMP, vb VARBINARY(16), PRIMARY KEY (id))")).isZero();
            int inserted = s.executeUpdate("INSERT INTO bj.all_types (" + COLUMNS + ") VALUES "
                    + "(1, TRUE, -8, 300, 70000, 9000000000, 1.5, 2.25, 1234.567, 'ab', 'hello', 'long text', "
                    + "'2024-02-29', '13:14:15', '2024-02-29 13:14:15', '2024-03-01 00:00:01', X'CAFE'), "
                    + "(2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
                    + "NULL)");
            assertThat(inserted).isEqualTo(2);
            s.executeUpdate("CREATE TABLE bj.indexed (k INT NOT NULL, u VARCHAR(10), n INT, PRIMARY KEY (k), "
                    + "UNIQUE KEY uq_u (u), KEY ix_n (n))");
        }
    }

    @Test
    void theDriverComesFromTheJarAloneAndNotFromTheClassPath() throws Exception {
        java.sql.Driver driver = BasaltJdbcJar.driver();
        assertThat(driver.getClass().getName()).isEqualTo("io.basalt.jdbc.BasaltDriver");
        assertThat(driver.getClass().getClassLoader()).isSameAs(BasaltJdbcJar.loader());
        assertThat(driver.acceptsURL("jdbc:basalt://h1:9408,h2:9408/db")).isTrue();
        assertThat(driver.acceptsURL("jdbc:arrow-flight-sql://h1:9408")).isFalse();
        // Its dependencies are inside, relocated: none of them is visible from the jar's loader by its usual name.
        assertThatThrownBy(() -> Class.forName("org.apache.arrow.flight.FlightClient", false, BasaltJdbcJar.loader()))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(Class.forName("io.basalt.jdbc.shaded.org.apache.arrow.flight.FlightClient", false,
                BasaltJdbcJar.loader()).getClassLoader()).isSameAs(BasaltJdbcJar.loader());
        assertThat(driver.getPropertyInfo("jdbc:basalt://h1", new Properties())).extracting(p -> p.name)
                .contains("user", "password", "useEncryption", "retryReads", "routeWritesToLeader");
    }

    @Test
    void selectsEveryTypeWithItsJdbcType(BasaltProcess basalt) throws Exception {
        try (Connection c = connect(basalt); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM bj.all_types ORDER BY id")) {
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
        try (Connection c = connect(basalt); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, vc FROM bj.all_types WHERE id = 1")) {
            ResultSetMetaData md = rs.getMetaData();
            assertThat(md.getTableName(2)).isEqualTo("all_types");
            assertThat(md.getSchemaName(2)).isEqualTo("bj");
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
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bj.all_types (" + COLUMNS
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
                insert.setCharacterStream(12, new java.io.StringReader("long text"));
                insert.setDate(13, Date.valueOf("2024-02-29"));
                insert.setTime(14, Time.valueOf("13:14:15"));
                insert.setTimestamp(15, Timestamp.valueOf("2024-02-29 13:14:15"));
                insert.setTimestamp(16, Timestamp.valueOf("2024-03-01 00:00:01"));
                insert.setBinaryStream(17, new java.io.ByteArrayInputStream(new byte[] {(byte) 0xCA, (byte) 0xFE}));
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM bj.all_types WHERE id = ?")) {
                select.setLong(1, 10);
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong("id")).isEqualTo(10);
                    assertThat(rs.getBoolean("b")).isTrue();
                    assertThat(rs.getInt("ti")).isEqualTo(-8);
                    assertThat(rs.getLong("bi")).isEqualTo(9_000_000_000L);
                    assertThat(rs.getBigDecimal("de")).isEqualByComparingTo("1234.567");
                    assertThat(rs.getString("vc")).isEqualTo("hello");
                    assertThat(rs.getString("tx")).isEqualTo("long text");
                    assertThat(rs.getDate("dt").toLocalDate()).isEqualTo(LocalDate.of(2024, 2, 29));
                    assertThat(rs.getTime("tm").toLocalTime()).isEqualTo(LocalTime.of(13, 14, 15));
                    assertThat(rs.getTimestamp("ts").toLocalDateTime())
                            .isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15));
                    assertThat(rs.getBytes("vb")).containsExactly(0xCA, 0xFE);
                    assertThat(rs.next()).isFalse();
                }
                assertThat(select.getMetaData().getColumnCount()).isEqualTo(17);
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
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bj.all_types (id, vc) VALUES (?, ?)")) {
                for (int k = 100; k < 103; k++) {
                    insert.setLong(1, k);
                    insert.setString(2, "batch-" + k);
                    insert.addBatch();
                }
                assertThat(insert.executeBatch()).containsExactly(1, 1, 1);
            }
            try (Statement s = c.createStatement()) {
                s.addBatch("INSERT INTO bj.all_types (id, vc) VALUES (103, 'batch-103')");
                s.addBatch("INSERT INTO bj.all_types (id, vc) VALUES (104, 'batch-104'), (105, 'batch-105')");
                assertThat(s.executeBatch()).containsExactly(1, 2);
                try (ResultSet rs = s.executeQuery(
                        "SELECT COUNT(*), MAX(vc) FROM bj.all_types WHERE id BETWEEN 100 AND 105")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(6);
                    assertThat(rs.getString(2)).isEqualTo("batch-105");
                }
            }
        }
    }

    @Test
    void theUrlPathAndUseSelectTheDatabase(BasaltProcess basalt) throws Exception {
        try (Connection c = BasaltJdbcJar.connect(BasaltJdbcJar.url(basalt, "bj")); Statement s = c.createStatement()) {
            assertThat(c.getSchema()).isEqualTo("bj");
            try (ResultSet rs = s.executeQuery("SELECT DATABASE(), COUNT(*) FROM all_types WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("bj");
                assertThat(rs.getLong(2)).isEqualTo(1);
            }
            s.execute("USE information_schema");
            assertThat(c.getSchema()).isEqualTo("information_schema");
            try (ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("information_schema");
            }
            c.setSchema("bj");
            try (ResultSet rs = s.executeQuery("SELECT DATABASE(), COUNT(*) FROM all_types WHERE id = 2")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("bj");
                assertThat(rs.getLong(2)).isEqualTo(1);
            }
        }
        Properties info = new Properties();
        info.setProperty("database", "bj");
        try (Connection c = BasaltJdbcJar.connect(BasaltJdbcJar.url(basalt, null), info); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("bj");
        }
        assertThatThrownBy(() -> BasaltJdbcJar.connect(BasaltJdbcJar.url(basalt, "no_such_db")).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("no_such_db");
    }

    /** SHOW, DESCRIBE and EXPLAIN run as plain Flight SQL queries: Basalt describes their columns only by running them. */
    @Test
    void showDescribeAndExplainReturnRows(BasaltProcess basalt) throws Exception {
        try (Connection c = BasaltJdbcJar.connect(BasaltJdbcJar.url(basalt, "bj")); Statement s = c.createStatement()) {
            assertThat(strings(s.executeQuery("SHOW DATABASES"), "Database")).contains("bj", "information_schema");
            assertThat(strings(s.executeQuery("SHOW TABLES"), "Tables_in_bj")).containsExactly("all_types", "indexed");
            try (ResultSet rs = s.executeQuery("DESCRIBE all_types")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("Field")).isEqualTo("id");
            }
            assertThat(s.execute("SHOW FRONTENDS")).isTrue();
            try (ResultSet rs = s.getResultSet()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("RpcPort")).isEqualTo(Integer.toString(basalt.flightPort()));
                assertThat(rs.getString("Role")).isEqualTo("LEADER");
            }
            try (PreparedStatement p = c.prepareStatement("EXPLAIN SELECT * FROM all_types"); ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void databaseMetaDataListsCatalogSchemasTablesColumnsAndKeys(BasaltProcess basalt) throws Exception {
        try (Connection c = connect(basalt)) {
            DatabaseMetaData md = c.getMetaData();
            assertThat(md.getConnection()).isSameAs(c);
            assertThat(strings(md.getCatalogs(), "TABLE_CAT")).containsExactly("def");
            assertThat(strings(md.getSchemas(), "TABLE_SCHEM")).contains("bj", "information_schema");
            assertThat(strings(md.getSchemas(null, "b%"), "TABLE_SCHEM")).containsExactly("bj");
            assertThat(strings(md.getTables(null, "bj", "%", null), "TABLE_NAME")).containsExactly("all_types", "indexed");
            assertThat(strings(md.getTables(null, "bj", "all%", new String[] {"TABLE"}), "TABLE_TYPE"))
                    .containsExactly("TABLE");
            assertThat(strings(md.getTableTypes(), "TABLE_TYPE")).contains("TABLE", "VIEW");

            List<String> columns = new ArrayList<>();
            try (ResultSet rs = md.getColumns(null, "bj", "all_types", null)) {
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
            assertThat(strings(md.getColumns(null, "bj", "all_types", "t%"), "COLUMN_NAME"))
                    .containsExactly("ti", "tx", "tm", "ts", "tsp");
            try (ResultSet rs = md.getPrimaryKeys(null, "bj", "all_types")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("COLUMN_NAME")).isEqualTo("id");
                assertThat(rs.getInt("KEY_SEQ")).isEqualTo(1);
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = md.getImportedKeys(null, "bj", "all_types")) {
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = md.getExportedKeys(null, "bj", "all_types")) {
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void indexInfoListsPrimaryUniqueAndPlainIndexes(BasaltProcess basalt) throws Exception {
        try (Connection c = connect(basalt)) {
            DatabaseMetaData md = c.getMetaData();
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = md.getIndexInfo(null, "bj", "indexed", false, false)) {
                while (rs.next()) {
                    assertThat(rs.getString("TABLE_SCHEM")).isEqualTo("bj");
                    assertThat(rs.getString("TABLE_NAME")).isEqualTo("indexed");
                    assertThat(rs.getShort("TYPE")).isEqualTo(DatabaseMetaData.tableIndexOther);
                    rows.add(rs.getString("INDEX_NAME") + ":" + rs.getString("COLUMN_NAME") + ":"
                            + rs.getBoolean("NON_UNIQUE") + ":" + rs.getShort("ORDINAL_POSITION"));
                }
            }
            assertThat(rows).containsExactly("PRIMARY:k:false:1", "uq_u:u:false:1", "ix_n:n:true:1");
            assertThat(strings(md.getIndexInfo(null, "bj", "indexed", true, false), "INDEX_NAME"))
                    .containsExactly("PRIMARY", "uq_u");
        }
    }

    @Test
    void typeInfoListsBasaltsTypesAsTheFlightServiceDescribesThem(BasaltProcess basalt) throws Exception {
        List<String> fromDriver = new ArrayList<>();
        try (Connection c = connect(basalt); ResultSet rs = c.getMetaData().getTypeInfo()) {
            ResultSetMetaData rsmd = rs.getMetaData();
            assertThat(rsmd.getColumnCount()).isEqualTo(18);
            assertThat(rsmd.getColumnName(1)).isEqualTo("TYPE_NAME");
            assertThat(rsmd.getColumnName(18)).isEqualTo("NUM_PREC_RADIX");
            while (rs.next()) {
                fromDriver.add(rs.getString("TYPE_NAME") + ":" + rs.getInt("DATA_TYPE") + ":" + rs.getInt("PRECISION")
                        + ":" + rs.getString("LITERAL_PREFIX") + ":" + rs.getShort("NULLABLE") + ":"
                        + rs.getShort("SEARCHABLE") + ":" + rs.getObject("MINIMUM_SCALE") + ":"
                        + rs.getObject("MAXIMUM_SCALE") + ":" + rs.getObject("NUM_PREC_RADIX"));
            }
        }
        assertThat(fromDriver).contains("BIGINT:-5:19:null:1:3:0:0:10", "VARCHAR:12:65535:':1:3:null:null:null",
                "DECIMAL:3:65:null:1:3:0:30:10");
        // The same rows, in the same order, as the server's CommandGetXdbcTypeInfo.
        assertThat(fromDriver).containsExactlyElementsOf(XdbcTypeInfo.rows(basalt));
    }

    /** Each of these reads SqlInfo through Arrow's driver. */
    @Test
    void databaseMetaDataAnswersFromSqlInfo(BasaltProcess basalt) throws Exception {
        try (Connection c = connect(basalt)) {
            DatabaseMetaData md = c.getMetaData();
            assertThat(md.getDatabaseProductName()).isEqualTo("Basalt");
            assertThat(md.getDatabaseProductVersion()).isNotBlank();
            assertThat(md.getDriverName()).isEqualTo("Basalt JDBC Driver");
            assertThat(md.getDriverVersion()).isEqualTo("0.1");
            assertThat(md.getURL()).startsWith("jdbc:basalt://127.0.0.1:" + basalt.flightPort());
            assertThat(md.getUserName()).isEqualTo("root");
            assertThat(md.getJDBCMajorVersion()).isEqualTo(4);
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
            assertThat(md.getDefaultTransactionIsolation()).isEqualTo(Connection.TRANSACTION_NONE);
            assertThat(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE)).isFalse();
            assertThat(md.dataDefinitionCausesTransactionCommit()).isTrue();
            assertThat(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY)).isTrue();
            assertThat(md.supportsBatchUpdates()).isTrue();
            assertThat(md.supportsSavepoints()).isFalse();
            assertThat(md.supportsNamedParameters()).isFalse();
            assertThat(md.supportsStoredFunctionsUsingCallSyntax()).isFalse();
            // Calls Arrow's driver leaves to Avatica: they answer with the standard columns and no rows.
            try (ResultSet rs = md.getFunctions(null, null, "%")) {
                assertThat(rs.getMetaData().getColumnName(3)).isEqualTo("FUNCTION_NAME");
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = md.getProcedures(null, null, "%")) {
                assertThat(rs.next()).isFalse();
            }
            assertThat(c.getCatalog()).isEqualTo("def");
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_NONE);
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void wrongPasswordIsAClearSqlException(BasaltProcess basalt) {
        assertThatThrownBy(() -> BasaltJdbcJar.connect("jdbc:basalt://127.0.0.1:" + basalt.flightPort()
                + "?user=root&password=wrong"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Access denied for user 'root'@'127.0.0.1' (using password: YES)");
                    assertThat(e.getSQLState()).isEqualTo("28000");
                });
        assertThatThrownBy(() -> BasaltJdbcJar.connect("jdbc:basalt://127.0.0.1:" + basalt.flightPort()
                + "?user=nobody&password=x"))
                .isInstanceOf(SQLException.class).hasMessageStartingWith("Access denied for user 'nobody'");
    }

    @Test
    void noLiveNodeIsAConnectFailureNamingEveryNode(BasaltProcess basalt) {
        int dead1 = io.basalt.tests.harness.Ports.freePort();
        int dead2 = io.basalt.tests.harness.Ports.freePort();
        long start = System.nanoTime();
        assertThatThrownBy(() -> BasaltJdbcJar.connect("jdbc:basalt://127.0.0.1:" + dead1 + ",127.0.0.1:" + dead2
                + "?user=root"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("08001");
                    assertThat(e.getMessage()).contains("Could not connect to any Basalt node", "127.0.0.1:" + dead1,
                            "127.0.0.1:" + dead2);
                });
        // each host is tried once when connecting: refused connections fail fast
        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
    }

    @Test
    void aDeadNodeInTheListIsSkipped(BasaltProcess basalt) throws Exception {
        int dead = io.basalt.tests.harness.Ports.freePort();
        try (Connection c = BasaltJdbcJar.connect("jdbc:basalt://127.0.0.1:" + dead + ",127.0.0.1:" + basalt.flightPort()
                + "/bj?user=root"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM all_types WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void badSqlGivesTheMessageTheMysqlFaceGives(BasaltProcess basalt) throws Exception {
        assertSameError(basalt, "SELEC 1", "42000", false);
        assertSameError(basalt, "SELECT nope FROM information_schema.SCHEMATA", "42000", false);
        assertSameError(basalt, "SELECT * FROM information_schema.no_such_table", "42S02", false);
        assertSameError(basalt, "INSERT INTO bj.all_types (id) VALUES (1)", null, true);
        assertSameError(basalt, "CREATE TABLE bj.all_types (a INT)", null, true);
    }

    private static void assertSameError(BasaltProcess basalt, String sql, String sqlState, boolean write)
            throws Exception {
        String mysqlMessage;
        try (Connection c = DriverManager.getConnection(basalt.mysqlJdbcUrl(null))) {
            mysqlMessage = catchMessage(() -> c.createStatement().execute(sql));
        }
        try (Connection c = connect(basalt); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> {
                if (write) {
                    s.executeUpdate(sql);
                } else {
                    s.executeQuery(sql);
                }
            }).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getMessage()).as(sql).isEqualTo(mysqlMessage);
                if (sqlState != null) {
                    assertThat(e.getSQLState()).as(sql).isEqualTo(sqlState);
                }
            });
            if (!write) {
                // SQL that does not parse or resolve fails in prepareStatement already, with the same message
                assertThatThrownBy(() -> c.prepareStatement(sql)).as("prepare " + sql).isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getMessage()).isEqualTo(mysqlMessage));
            }
            // the connection is still good
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    private interface SqlCall {
        void run() throws SQLException;
    }

    private static String catchMessage(SqlCall call) {
        try {
            call.run();
        } catch (SQLException e) {
            return e.getMessage();
        }
        throw new AssertionError("the MySQL face accepted the statement");
    }

    static List<String> strings(ResultSet rs, String column) throws Exception {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                out.add(rs.getString(column));
            }
        }
        return out;
    }
}
