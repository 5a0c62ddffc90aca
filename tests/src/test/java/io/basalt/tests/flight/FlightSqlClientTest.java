package io.basalt.tests.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.tests.harness.BasaltProcess;
import io.basalt.tests.harness.BasaltServerExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.sql.FlightSqlClient.ExecuteIngestOptions;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions.TableExistsOption;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions.TableNotExistOption;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo;
import org.apache.arrow.flight.sql.util.TableRef;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * FlightSqlClient against a real server: every metadata command, and a bulk ingest of a million
 * rows whose count and sum the MySQL face then reads back.
 */
@ExtendWith(BasaltServerExtension.class)
class FlightSqlClientTest {

    @BeforeAll
    static void schema(BasaltProcess basalt) throws Exception {
        try (Connection c = basalt.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE fsc");
            s.execute("CREATE DATABASE fsb");
            s.execute("CREATE TABLE fsc.items (id BIGINT NOT NULL, name VARCHAR(20), price DECIMAL(10,2), "
                    + "PRIMARY KEY (id))");
            s.execute("CREATE VIEW fsc.cheap AS SELECT id, name FROM fsc.items WHERE price < 10");
            s.execute("INSERT INTO fsc.items VALUES (1, 'pen', 2.50), (2, 'lamp', 40.00)");
        }
    }

    @Test
    void catalogsSchemasAndTableTypes(BasaltProcess basalt) throws Exception {
        try (FlightLogin f = FlightLogin.root(basalt)) {
            assertThat(f.rows(f.sql.getCatalogs(f.token))).containsExactly(List.of("def"));
            assertThat(f.rows(f.sql.getSchemas(null, null, f.token)))
                    .contains(List.of("def", "fsc"), List.of("def", "information_schema"));
            assertThat(f.rows(f.sql.getSchemas("def", "fsc%", f.token))).containsExactly(List.of("def", "fsc"));
            assertThat(f.rows(f.sql.getTableTypes(f.token))).containsExactly(List.of("TABLE"), List.of("VIEW"));
        }
    }

    @Test
    void tablesWithTheirArrowSchemas(BasaltProcess basalt) throws Exception {
        try (FlightLogin f = FlightLogin.root(basalt)) {
            List<List<Object>> tables = f.rows(f.sql.getTables(null, "fsc", null, null, true, f.token));

            assertThat(tables).extracting(r -> r.subList(0, 4)).containsExactly(
                    List.of("def", "fsc", "cheap", "VIEW"), List.of("def", "fsc", "items", "TABLE"));
            Schema items = MessageSerializer.deserializeSchema(new ReadChannel(
                    new ByteArrayReadableSeekableByteChannel((byte[]) tables.get(1).get(4))));
            assertThat(items.getFields()).extracting(Field::getName).containsExactly("id", "name", "price");
            assertThat(items.getFields()).extracting(Field::getType).containsExactly(new ArrowType.Int(64, true),
                    ArrowType.Utf8.INSTANCE, new ArrowType.Decimal(10, 2, 128));
            assertThat(items.getFields().get(0).isNullable()).isFalse();
            assertThat(items.getFields().get(1).getMetadata()).containsEntry("ARROW:FLIGHT:SQL:TYPE_NAME", "VARCHAR")
                    .containsEntry("ARROW:FLIGHT:SQL:PRECISION", "20");
            assertThat(f.rows(f.sql.getTables(null, "fsc", "it%", List.of("TABLE"), false, f.token)))
                    .containsExactly(List.of("def", "fsc", "items", "TABLE"));
        }
    }

    @Test
    void keysAndTypeInfo(BasaltProcess basalt) throws Exception {
        try (FlightLogin f = FlightLogin.root(basalt)) {
            TableRef items = TableRef.of(null, "fsc", "items");
            assertThat(f.rows(f.sql.getPrimaryKeys(items, f.token)))
                    .containsExactly(List.of("def", "fsc", "items", "id", 1, "PRIMARY"));
            assertThat(f.rows(f.sql.getExportedKeys(items, f.token))).isEmpty();
            assertThat(f.rows(f.sql.getImportedKeys(items, f.token))).isEmpty();
            assertThat(f.rows(f.sql.getCrossReference(items, items, f.token))).isEmpty();
            assertThat(f.rows(f.sql.getXdbcTypeInfo(f.token))).extracting(r -> r.get(0))
                    .contains("BIGINT", "VARCHAR", "DECIMAL", "DATETIME");
        }
    }

    @Test
    void sqlInfoNamesTheServerAndAnswersEveryKey(BasaltProcess basalt) throws Exception {
        try (FlightLogin f = FlightLogin.root(basalt)) {
            List<List<Object>> info = f.rows(f.sql.getSqlInfo(new SqlInfo[0], f.token));
            Set<SqlInfo> keys = EnumSet.noneOf(SqlInfo.class);
            for (List<Object> row : info) {
                keys.add(SqlInfo.forNumber(((Number) row.get(0)).intValue()));
            }
            assertThat(keys).hasSizeGreaterThanOrEqualTo(85).contains(SqlInfo.FLIGHT_SQL_SERVER_NAME,
                    SqlInfo.SQL_KEYWORDS, SqlInfo.SQL_SUPPORTS_CONVERT, SqlInfo.SQL_TRANSACTIONS_SUPPORTED);
            List<List<Object>> name = f.rows(f.sql.getSqlInfo(new SqlInfo[] {SqlInfo.FLIGHT_SQL_SERVER_NAME}, f.token));
            assertThat(name.get(0).get(1).toString()).isEqualTo("Basalt");
        }
    }

    @Test
    void queriesStreamTheMysqlFacesData(BasaltProcess basalt) throws Exception {
        try (FlightLogin f = FlightLogin.root(basalt)) {
            FlightInfo info = f.sql.execute("SELECT id, name, price FROM fsc.items ORDER BY id", f.token);

            assertThat(info.getSchema().getFields()).extracting(Field::getName).containsExactly("id", "name", "price");
            assertThat(f.rows(info)).containsExactly(List.of(1L, "pen", new java.math.BigDecimal("2.50")),
                    List.of(2L, "lamp", new java.math.BigDecimal("40.00")));
            assertThat(f.sql.executeUpdate("UPDATE fsc.items SET name = 'pencil' WHERE id = 1", f.token))
                    .isEqualTo(1);
        }
        try (Connection c = basalt.connect(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT name FROM fsc.items WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("pencil");
        }
    }

    /** Arrow's time64 is a time of day; a MySQL TIME outside one day fails with a way to read it. */
    @Test
    void timesOutsideOneDayFailTheStreamWithAWayOut(BasaltProcess basalt) throws Exception {
        try (FlightLogin f = FlightLogin.root(basalt)) {
            // TimeMicroVector.getObject gives the microseconds since midnight.
            assertThat(f.query("SELECT TIME '23:59:59.5' AS t")).containsExactly(List.of(86_399_500_000L));
            for (String time : List.of("-01:30:00", "100:00:00")) {
                assertThatThrownBy(() -> f.query("SELECT TIME '" + time + "' AS t"))
                        .isInstanceOfSatisfying(FlightRuntimeException.class, e -> {
                            assertThat(e.status().code()).isEqualTo(FlightStatusCode.UNIMPLEMENTED);
                            assertThat(e.status().description()).contains("column 't' holds " + time)
                                    .contains("CAST(t AS CHAR)");
                        });
            }
            assertThat(f.query("SELECT CAST(TIME '-01:30:00' AS CHAR) AS t, TIME_TO_SEC('100:00:00') AS s"))
                    .containsExactly(List.of("-01:30:00", 360_000L));
        }
    }

    @Test
    void aMillionIngestedRowsAreVisibleThroughTheMysqlFace(BasaltProcess basalt) throws Exception {
        long rows = 1_000_000;
        try (FlightLogin f = FlightLogin.root(basalt);
                GeneratedBatches data = new GeneratedBatches(f.allocator, rows, 65_536)) {
            ExecuteIngestOptions options = new ExecuteIngestOptions("bulk", TableDefinitionOptions.newBuilder()
                    .setIfNotExist(TableNotExistOption.TABLE_NOT_EXIST_OPTION_CREATE)
                    .setIfExists(TableExistsOption.TABLE_EXISTS_OPTION_FAIL).build(), null, "fsb", null);

            assertThat(f.sql.executeIngest(data, options, f.token)).isEqualTo(rows);
        }
        try (Connection c = DriverManager.getConnection(basalt.jdbcUrl("fsb"));
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*), SUM(id), SUM(v), MAX(s) FROM bulk")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(rows);
            assertThat(rs.getLong(2)).isEqualTo(GeneratedBatches.idSum(rows));
            assertThat(rs.getLong(3)).isEqualTo(1000L * 999 / 2 * (rows / 1000));
            assertThat(rs.getString(4)).isEqualTo("row-999999");
        }
        try (FlightLogin f = FlightLogin.root(basalt)) {
            assertThat(f.query("SELECT d FROM fsb.bulk WHERE id = 12345"))
                    .containsExactly(List.of(6172.5));
        }
    }
}
