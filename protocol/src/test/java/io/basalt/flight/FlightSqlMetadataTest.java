package io.basalt.flight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.GetSessionOptionsRequest;
import org.apache.arrow.flight.SessionOptionValue;
import org.apache.arrow.flight.SessionOptionValueFactory;
import org.apache.arrow.flight.SetSessionOptionsRequest;
import org.apache.arrow.flight.SetSessionOptionsResult;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo;
import org.apache.arrow.flight.sql.util.TableRef;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.DenseUnionVector;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Metadata commands, SqlInfo and session options over the fake session layer. */
class FlightSqlMetadataTest {
    /**
     * The keys Arrow's Flight SQL JDBC driver 18.3.0 reads in ArrowDatabaseMetadata (it throws
     * NullPointerException for a missing one), taken from the driver's source.
     */
    static final Set<SqlInfo> JDBC_DRIVER_KEYS = EnumSet.of(
            SqlInfo.FLIGHT_SQL_SERVER_NAME, SqlInfo.FLIGHT_SQL_SERVER_READ_ONLY, SqlInfo.FLIGHT_SQL_SERVER_VERSION,
            SqlInfo.SQL_ANSI92_SUPPORTED_LEVEL, SqlInfo.SQL_BATCH_UPDATES_SUPPORTED,
            SqlInfo.SQL_CATALOGS_SUPPORTED_ACTIONS, SqlInfo.SQL_CATALOG_AT_START, SqlInfo.SQL_CATALOG_TERM,
            SqlInfo.SQL_CORRELATED_SUBQUERIES_SUPPORTED, SqlInfo.SQL_DATA_DEFINITIONS_IN_TRANSACTIONS_IGNORED,
            SqlInfo.SQL_DATA_DEFINITION_CAUSES_TRANSACTION_COMMIT, SqlInfo.SQL_DATETIME_FUNCTIONS,
            SqlInfo.SQL_DB_SCHEMA_NAME_LENGTH, SqlInfo.SQL_DEFAULT_TRANSACTION_ISOLATION,
            SqlInfo.SQL_EXTRA_NAME_CHARACTERS, SqlInfo.SQL_IDENTIFIER_QUOTE_CHAR, SqlInfo.SQL_KEYWORDS,
            SqlInfo.SQL_LOCATORS_UPDATE_COPY, SqlInfo.SQL_MAX_BINARY_LITERAL_LENGTH,
            SqlInfo.SQL_MAX_CATALOG_NAME_LENGTH, SqlInfo.SQL_MAX_CHAR_LITERAL_LENGTH,
            SqlInfo.SQL_MAX_COLUMNS_IN_GROUP_BY, SqlInfo.SQL_MAX_COLUMNS_IN_INDEX, SqlInfo.SQL_MAX_COLUMNS_IN_ORDER_BY,
            SqlInfo.SQL_MAX_COLUMNS_IN_SELECT, SqlInfo.SQL_MAX_COLUMNS_IN_TABLE, SqlInfo.SQL_MAX_COLUMN_NAME_LENGTH,
            SqlInfo.SQL_MAX_CONNECTIONS, SqlInfo.SQL_MAX_CURSOR_NAME_LENGTH, SqlInfo.SQL_MAX_INDEX_LENGTH,
            SqlInfo.SQL_MAX_PROCEDURE_NAME_LENGTH, SqlInfo.SQL_MAX_ROW_SIZE, SqlInfo.SQL_MAX_ROW_SIZE_INCLUDES_BLOBS,
            SqlInfo.SQL_MAX_STATEMENTS, SqlInfo.SQL_MAX_STATEMENT_LENGTH, SqlInfo.SQL_MAX_TABLES_IN_SELECT,
            SqlInfo.SQL_MAX_TABLE_NAME_LENGTH, SqlInfo.SQL_MAX_USERNAME_LENGTH, SqlInfo.SQL_NAMED_PARAMETERS_SUPPORTED,
            SqlInfo.SQL_NULL_PLUS_NULL_IS_NULL, SqlInfo.SQL_NUMERIC_FUNCTIONS, SqlInfo.SQL_OUTER_JOINS_SUPPORT_LEVEL,
            SqlInfo.SQL_PROCEDURE_TERM, SqlInfo.SQL_SAVEPOINTS_SUPPORTED, SqlInfo.SQL_SCHEMAS_SUPPORTED_ACTIONS,
            SqlInfo.SQL_SCHEMA_TERM, SqlInfo.SQL_SEARCH_STRING_ESCAPE, SqlInfo.SQL_SELECT_FOR_UPDATE_SUPPORTED,
            SqlInfo.SQL_STORED_FUNCTIONS_USING_CALL_SYNTAX_SUPPORTED, SqlInfo.SQL_STORED_PROCEDURES_SUPPORTED,
            SqlInfo.SQL_STRING_FUNCTIONS, SqlInfo.SQL_SUPPORTED_GRAMMAR, SqlInfo.SQL_SUPPORTED_GROUP_BY,
            SqlInfo.SQL_SUPPORTED_POSITIONED_COMMANDS, SqlInfo.SQL_SUPPORTED_RESULT_SET_TYPES,
            SqlInfo.SQL_SUPPORTED_SUBQUERIES, SqlInfo.SQL_SUPPORTED_TRANSACTIONS_ISOLATION_LEVELS,
            SqlInfo.SQL_SUPPORTED_UNIONS, SqlInfo.SQL_SUPPORTS_COLUMN_ALIASING, SqlInfo.SQL_SUPPORTS_CONVERT,
            SqlInfo.SQL_SUPPORTS_DIFFERENT_TABLE_CORRELATION_NAMES, SqlInfo.SQL_SUPPORTS_EXPRESSIONS_IN_ORDER_BY,
            SqlInfo.SQL_SUPPORTS_INTEGRITY_ENHANCEMENT_FACILITY, SqlInfo.SQL_SUPPORTS_LIKE_ESCAPE_CLAUSE,
            SqlInfo.SQL_SUPPORTS_NON_NULLABLE_COLUMNS, SqlInfo.SQL_SUPPORTS_ORDER_BY_UNRELATED,
            SqlInfo.SQL_SUPPORTS_TABLE_CORRELATION_NAMES, SqlInfo.SQL_SYSTEM_FUNCTIONS,
            SqlInfo.SQL_TRANSACTIONS_SUPPORTED);

    private FlightFixture flight;
    private FlightFixture.Login login;

    @BeforeEach
    void start() throws Exception {
        flight = new FlightFixture();
        login = flight.login();
    }

    @AfterEach
    void stop() throws Exception {
        flight.close();
    }

    private List<List<Object>> rows(FlightInfo info) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (FlightStream s = login.sql().getStream(info.getEndpoints().get(0).getTicket(), login.token())) {
            assertThat(s.getSchema()).isEqualTo(info.getSchema());
            while (s.next()) {
                VectorSchemaRoot root = s.getRoot();
                for (int r = 0; r < root.getRowCount(); r++) {
                    List<Object> row = new ArrayList<>();
                    for (var v : root.getFieldVectors()) {
                        Object o = v.getObject(r);
                        row.add(o instanceof org.apache.arrow.vector.util.Text t ? t.toString() : o);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    @Test
    void sqlInfoAnswersEveryKeyTheJdbcDriverAndAdbcRead() throws Exception {
        FlightInfo info = login.sql().getSqlInfo(new SqlInfo[0], login.token());
        Set<SqlInfo> answered = EnumSet.noneOf(SqlInfo.class);
        String serverName = null;
        try (FlightStream s = login.sql().getStream(info.getEndpoints().get(0).getTicket(), login.token())) {
            while (s.next()) {
                VectorSchemaRoot root = s.getRoot();
                DenseUnionVector values = (DenseUnionVector) root.getVector("value");
                for (int r = 0; r < root.getRowCount(); r++) {
                    SqlInfo key = SqlInfo.forNumber(((Number) root.getVector("info_name").getObject(r)).intValue());
                    answered.add(key);
                    if (key == SqlInfo.FLIGHT_SQL_SERVER_NAME) {
                        serverName = values.getObject(r).toString();
                    }
                }
            }
        }

        assertThat(answered).containsAll(JDBC_DRIVER_KEYS).isEqualTo(SqlInfos.PROVIDED);
        assertThat(serverName).isEqualTo("Basalt");
        assertThat(SqlInfos.arrowVersion()).isEqualTo("18.3.0");
    }

    @Test
    void sqlInfoIgnoresKeysItDoesNotKnow() throws Exception {
        FlightInfo info = login.sql().getSqlInfo(new int[] {SqlInfo.FLIGHT_SQL_SERVER_VERSION_VALUE, 99_999},
                login.token());

        assertThat(rows(info)).hasSize(1);
    }

    @Test
    void oneCatalogHoldsTheDatabasesAsSchemas() throws Exception {
        assertThat(rows(login.sql().getCatalogs(login.token()))).containsExactly(List.of("def"));
        assertThat(rows(login.sql().getSchemas(null, null, login.token())))
                .containsExactly(List.of("def", "information_schema"), List.of("def", "shop"));
        assertThat(rows(login.sql().getSchemas("def", "s%", login.token()))).containsExactly(List.of("def", "shop"));
        assertThat(rows(login.sql().getSchemas("other", null, login.token()))).isEmpty();
    }

    @Test
    void tablesCarryTheirTypeAndArrowSchema() throws Exception {
        FlightInfo info = login.sql().getTables(null, "shop", "%", null, true, login.token());
        assertThat(info.getSchema()).isEqualTo(Schemas.GET_TABLES_SCHEMA);
        List<List<Object>> rows = rows(info);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).subList(0, 4)).containsExactly("def", "shop", "items", "TABLE");
        Schema schema = MessageSerializer.deserializeSchema(new ReadChannel(
                new ByteArrayReadableSeekableByteChannel((byte[]) rows.get(0).get(4))));
        assertThat(schema.getFields()).extracting(Field::getName).containsExactly("id", "name");
        Map<String, String> name = schema.getFields().get(1).getMetadata();
        assertThat(name).containsEntry("ARROW:FLIGHT:SQL:TYPE_NAME", "VARCHAR")
                .containsEntry("ARROW:FLIGHT:SQL:PRECISION", "20")
                .containsEntry("ARROW:FLIGHT:SQL:CATALOG_NAME", "def")
                .containsEntry("ARROW:FLIGHT:SQL:SCHEMA_NAME", "shop")
                .containsEntry("ARROW:FLIGHT:SQL:TABLE_NAME", "items");
        assertThat(schema.getFields().get(0).getMetadata()).containsEntry("ARROW:FLIGHT:SQL:IS_AUTO_INCREMENT", "1");
        assertThat(flight.factory.last().executed).anyMatch(sql -> sql.equals("SELECT * FROM `shop`.`items` LIMIT 0"));
    }

    @Test
    void tableTypesFilterTables() throws Exception {
        assertThat(rows(login.sql().getTableTypes(login.token()))).containsExactly(List.of("TABLE"), List.of("VIEW"));
        assertThat(rows(login.sql().getTables(null, null, null, List.of("VIEW"), false, login.token()))).isEmpty();
        assertThat(rows(login.sql().getTables(null, null, null, List.of("TABLE"), false, login.token())))
                .containsExactly(List.of("def", "shop", "items", "TABLE"));
    }

    @Test
    void primaryKeysComeFromKeyColumnUsage() throws Exception {
        List<List<Object>> rows = rows(login.sql().getPrimaryKeys(TableRef.of(null, "shop", "items"), login.token()));

        assertThat(rows).containsExactly(List.of("def", "shop", "items", "id", 1, "PRIMARY"));
    }

    @Test
    void foreignKeyCommandsAnswerNoRows() throws Exception {
        TableRef t = TableRef.of(null, "shop", "items");
        FlightInfo exported = login.sql().getExportedKeys(t, login.token());
        assertThat(exported.getSchema()).isEqualTo(Schemas.GET_EXPORTED_KEYS_SCHEMA);
        assertThat(rows(exported)).isEmpty();
        assertThat(rows(login.sql().getImportedKeys(t, login.token()))).isEmpty();
        assertThat(rows(login.sql().getCrossReference(t, t, login.token()))).isEmpty();
    }

    @Test
    void typeInfoListsTheStoredTypesOrderedByDataType() throws Exception {
        List<List<Object>> all = rows(login.sql().getXdbcTypeInfo(login.token()));
        assertThat(all).extracting(r -> r.get(0)).contains("BIGINT", "INT", "DOUBLE", "DECIMAL", "VARCHAR", "DATE",
                "DATETIME", "VARBINARY", "BOOLEAN");
        List<Integer> dataTypes = all.stream().map(r -> (Integer) r.get(1)).toList();
        assertThat(dataTypes).isSorted();

        assertThat(rows(login.sql().getXdbcTypeInfo(java.sql.Types.BIGINT, login.token())))
                .extracting(r -> r.get(0)).containsExactly("BIGINT");
    }

    @Test
    void sessionOptionsSelectTheDatabase() {
        SetSessionOptionsResult r = login.sql().setSessionOptions(new SetSessionOptionsRequest(Map.of(
                "schema", SessionOptionValueFactory.makeSessionOptionValue("shop"),
                "catalog", SessionOptionValueFactory.makeSessionOptionValue("def"),
                "colour", SessionOptionValueFactory.makeSessionOptionValue("blue"))), login.token());

        assertThat(r.getErrors()).containsOnlyKeys("colour");
        assertThat(login.session().database()).isEqualTo("shop");
        Map<String, SessionOptionValue> options = login.sql()
                .getSessionOptions(new GetSessionOptionsRequest(), login.token()).getSessionOptions();
        assertThat(options.get("schema")).isEqualTo(SessionOptionValueFactory.makeSessionOptionValue("shop"));

        SetSessionOptionsResult bad = login.sql().setSessionOptions(new SetSessionOptionsRequest(Map.of(
                "catalog", SessionOptionValueFactory.makeSessionOptionValue("nope"))), login.token());
        assertThat(bad.getErrors().get("catalog").value).isEqualTo(SetSessionOptionsResult.ErrorValue.INVALID_VALUE);
    }

    @Test
    void patternsAreQuotedAsStringLiterals() {
        assertThat(SmallResults.literal("a'b\\_c")).isEqualTo("'a\\'b\\\\_c'");
        assertThat(SmallResults.identifier("we`ird")).isEqualTo("`we``ird`");
    }
}
