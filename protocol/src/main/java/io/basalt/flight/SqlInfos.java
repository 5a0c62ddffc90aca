package io.basalt.flight;

import static org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportsConvert.*;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.arrow.flight.sql.SqlInfoBuilder;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlNullOrdering;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlOuterJoinsSupportLevel;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedCaseSensitivity;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedGroupBy;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedResultSetType;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedSubqueries;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedTransaction;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedUnions;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportsConvert;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlTransactionIsolationLevel;
import org.apache.arrow.flight.sql.impl.FlightSql.SupportedAnsi92SqlGrammarLevel;
import org.apache.arrow.flight.sql.impl.FlightSql.SupportedSqlGrammar;

/**
 * The server's answers to CommandGetSqlInfo. Arrow's Flight SQL JDBC driver reads 69 of these keys
 * in {@code ArrowDatabaseMetadata} and throws NullPointerException for a missing one; ADBC reads
 * the server name and version. Every key {@link SqlInfoBuilder} can write is provided; the SQL
 * keywords come from information_schema.KEYWORDS, so both faces report the same list.
 */
final class SqlInfos {
    /** Every key {@link #builder} provides; requests for others are answered without them. */
    static final Set<SqlInfo> PROVIDED = provided();

    static final String SERVER_NAME = "Basalt";

    /** Functions by their JDBC escape names (the Open Group CLI names) that Basalt implements. */
    static final String[] NUMERIC_FUNCTIONS = {"ABS", "ACOS", "ASIN", "ATAN", "ATAN2", "CEILING", "COS", "COT",
        "DEGREES", "EXP", "FLOOR", "LOG", "LOG10", "MOD", "PI", "POWER", "RADIANS", "RAND", "ROUND", "SIGN", "SIN",
        "SQRT", "TAN", "TRUNCATE"};
    static final String[] STRING_FUNCTIONS = {"ASCII", "CHAR", "CHAR_LENGTH", "CHARACTER_LENGTH", "CONCAT",
        "INSERT", "LCASE", "LEFT", "LENGTH", "LOCATE", "LTRIM", "OCTET_LENGTH", "POSITION", "REPEAT", "REPLACE",
        "RIGHT", "RTRIM", "SPACE", "SUBSTRING", "UCASE"};
    static final String[] SYSTEM_FUNCTIONS = {"DATABASE", "IFNULL", "USER"};
    static final String[] DATETIME_FUNCTIONS = {"CURDATE", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
        "CURTIME", "DAYNAME", "DAYOFMONTH", "DAYOFWEEK", "DAYOFYEAR", "EXTRACT", "HOUR", "MINUTE", "MONTH",
        "MONTHNAME", "NOW", "QUARTER", "SECOND", "TIMESTAMPADD", "TIMESTAMPDIFF", "WEEK", "YEAR"};

    private SqlInfos() {}

    /**
     * The SqlInfo values of this server.
     *
     * @param config for the server version and connection limit
     * @param keywords the reserved words, from information_schema.KEYWORDS
     */
    static SqlInfoBuilder builder(FlightSqlConfig config, List<String> keywords) {
        return new SqlInfoBuilder()
                // Server
                .withFlightSqlServerName(SERVER_NAME)
                .withFlightSqlServerVersion(config.serverVersion())
                .withFlightSqlServerArrowVersion(arrowVersion())
                .withFlightSqlServerReadOnly(false)
                .withFlightSqlServerSql(true)
                .withFlightSqlServerSubstrait(false)
                // BEGIN/COMMIT are accepted in SQL, but each statement commits on its own: no Flight transactions.
                .withFlightSqlServerTransaction(SqlSupportedTransaction.SQL_SUPPORTED_TRANSACTION_NONE)
                .withFlightSqlServerCancel(true)
                .withFlightSqlServerBulkIngestion(true)
                .withFlightSqlServerBulkIngestionTransaction(false)
                .withFlightSqlServerStatementTimeout(0)
                .withFlightSqlServerTransactionTimeout(0)
                // Identifiers and names: MySQL's, with databases as Flight SQL db_schemas under catalog "def".
                .withSqlDdlCatalog(false)
                .withSqlDdlSchema(true)
                .withSqlDdlTable(true)
                .withSqlIdentifierCase(SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE)
                .withSqlIdentifierQuoteChar("`")
                .withSqlQuotedIdentifierCase(SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE)
                .withSqlAllTablesAreSelectable(true)
                .withSqlNullOrdering(SqlNullOrdering.SQL_NULLS_SORTED_LOW)
                .withSqlKeywords(keywords.toArray(new String[0]))
                .withSqlNumericFunctions(NUMERIC_FUNCTIONS)
                .withSqlStringFunctions(STRING_FUNCTIONS)
                .withSqlSystemFunctions(SYSTEM_FUNCTIONS)
                .withSqlDatetimeFunctions(DATETIME_FUNCTIONS)
                .withSqlSearchStringEscape("\\")
                .withSqlExtraNameCharacters("$")
                .withSqlSchemaTerm("database")
                .withSqlProcedureTerm("procedure")
                .withSqlCatalogTerm("catalog")
                .withSqlCatalogAtStart(false)
                .withSqlSchemasSupportedActions()
                .withSqlCatalogsSupportedActions()
                // Query language
                .withSqlSupportsColumnAliasing(true)
                .withSqlNullPlusNullIsNull(true)
                .withSqlSupportsConvert(conversions())
                .withSqlSupportsTableCorrelationNames(true)
                .withSqlSupportsDifferentTableCorrelationNames(false)
                .withSqlSupportsExpressionsInOrderBy(true)
                .withSqlSupportsOrderByUnrelated(true)
                .withSqlSupportedGroupBy(SqlSupportedGroupBy.SQL_GROUP_BY_UNRELATED,
                        SqlSupportedGroupBy.SQL_GROUP_BY_BEYOND_SELECT)
                .withSqlSupportsLikeEscapeClause(true)
                .withSqlSupportsNonNullableColumns(true)
                .withSqlSupportedGrammar(SupportedSqlGrammar.SQL_MINIMUM_GRAMMAR, SupportedSqlGrammar.SQL_CORE_GRAMMAR)
                .withSqlAnsi92SupportedLevel(SupportedAnsi92SqlGrammarLevel.ANSI92_ENTRY_SQL)
                .withSqlSupportsIntegrityEnhancementFacility(false)
                .withSqlOuterJoinSupportLevel(SqlOuterJoinsSupportLevel.SQL_FULL_OUTER_JOINS)
                .withSqlSupportedPositionedCommands()
                .withSqlSelectForUpdateSupported(false)
                .withSqlStoredProceduresSupported(false)
                .withSqlSubQueriesSupported(SqlSupportedSubqueries.SQL_SUBQUERIES_IN_COMPARISONS,
                        SqlSupportedSubqueries.SQL_SUBQUERIES_IN_EXISTS, SqlSupportedSubqueries.SQL_SUBQUERIES_IN_INS,
                        SqlSupportedSubqueries.SQL_SUBQUERIES_IN_QUANTIFIEDS)
                .withSqlCorrelatedSubqueriesSupported(true)
                .withSqlSupportedUnions(SqlSupportedUnions.SQL_UNION, SqlSupportedUnions.SQL_UNION_ALL)
                // Limits (MySQL's, as Connector/J reports them; 0 means none or unknown)
                .withSqlMaxBinaryLiteralLength(16_777_208)
                .withSqlMaxCharLiteralLength(16_777_208)
                .withSqlMaxColumnNameLength(64)
                .withSqlMaxColumnsInGroupBy(64)
                .withSqlMaxColumnsInIndex(16)
                .withSqlMaxColumnsInOrderBy(64)
                .withSqlMaxColumnsInSelect(256)
                .withSqlMaxColumnsInTable(512)
                .withSqlMaxConnections(config.maxConnections())
                .withSqlMaxCursorNameLength(64)
                .withSqlMaxIndexLength(256)
                .withSqlDbSchemaNameLength(64)
                .withSqlMaxProcedureNameLength(64)
                .withSqlMaxCatalogNameLength(32)
                .withSqlMaxRowSize(2_147_483_639)
                .withSqlMaxRowSizeIncludesBlobs(true)
                .withSqlMaxStatementLength(0)
                .withSqlMaxStatements(0)
                .withSqlMaxTableNameLength(64)
                .withSqlMaxTablesInSelect(256)
                .withSqlMaxUsernameLength(32)
                // Transactions: statement-level atomicity, no rollback of written data.
                .withSqlDefaultTransactionIsolation(SqlTransactionIsolationLevel.SQL_TRANSACTION_NONE_VALUE)
                .withSqlTransactionsSupported(false)
                .withSqlSupportedTransactionsIsolationLevels(SqlTransactionIsolationLevel.SQL_TRANSACTION_NONE)
                .withSqlDataDefinitionCausesTransactionCommit(true)
                .withSqlDataDefinitionsInTransactionsIgnored(false)
                .withSqlSupportedResultSetTypes(SqlSupportedResultSetType.SQL_RESULT_SET_TYPE_FORWARD_ONLY)
                .withSqlBatchUpdatesSupported(true)
                .withSqlSavepointsSupported(false)
                .withSqlNamedParametersSupported(false)
                .withSqlLocatorsUpdateCopy(false)
                .withSqlStoredFunctionsUsingCallSyntaxSupported(false);
    }

    /** The requested keys this server answers; all of them when none are named. */
    static List<Integer> answerable(List<Integer> requested) {
        List<Integer> out = new ArrayList<>();
        if (requested.isEmpty()) {
            for (SqlInfo i : PROVIDED) {
                out.add(i.getNumber());
            }
            return out;
        }
        for (int code : requested) {
            SqlInfo i = SqlInfo.forNumber(code);
            if (i != null && PROVIDED.contains(i)) {
                out.add(code);
            }
        }
        return out;
    }

    /** What CAST converts between, by JDBC type family. */
    private static Map<Integer, List<Integer>> conversions() {
        List<SqlSupportsConvert> numeric = List.of(SQL_CONVERT_BIGINT, SQL_CONVERT_BIT, SQL_CONVERT_DECIMAL,
                SQL_CONVERT_FLOAT, SQL_CONVERT_INTEGER, SQL_CONVERT_NUMERIC, SQL_CONVERT_REAL, SQL_CONVERT_SMALLINT,
                SQL_CONVERT_TINYINT);
        List<SqlSupportsConvert> text = List.of(SQL_CONVERT_CHAR, SQL_CONVERT_VARCHAR, SQL_CONVERT_LONGVARCHAR);
        List<SqlSupportsConvert> binary = List.of(SQL_CONVERT_BINARY, SQL_CONVERT_VARBINARY,
                SQL_CONVERT_LONGVARBINARY);
        List<SqlSupportsConvert> temporal = List.of(SQL_CONVERT_DATE, SQL_CONVERT_TIME, SQL_CONVERT_TIMESTAMP);
        Map<Integer, List<Integer>> m = new LinkedHashMap<>();
        for (SqlSupportsConvert from : numeric) {
            m.put(from.getNumber(), numbers(numeric, text));
        }
        for (SqlSupportsConvert from : text) {
            m.put(from.getNumber(), numbers(numeric, text, binary, temporal));
        }
        for (SqlSupportsConvert from : binary) {
            m.put(from.getNumber(), numbers(text, binary));
        }
        for (SqlSupportsConvert from : temporal) {
            m.put(from.getNumber(), numbers(text, temporal, List.of(SQL_CONVERT_BIGINT, SQL_CONVERT_DECIMAL)));
        }
        return m;
    }

    @SafeVarargs
    private static List<Integer> numbers(List<SqlSupportsConvert>... groups) {
        List<Integer> out = new ArrayList<>();
        for (List<SqlSupportsConvert> g : groups) {
            for (SqlSupportsConvert c : g) {
                out.add(c.getNumber());
            }
        }
        return out;
    }

    private static Set<SqlInfo> provided() {
        Set<SqlInfo> all = EnumSet.noneOf(SqlInfo.class);
        for (SqlInfo i : SqlInfo.values()) {
            if (i == SqlInfo.UNRECOGNIZED
                    // Meaningful only with Substrait support, which Basalt does not have.
                    || i == SqlInfo.FLIGHT_SQL_SERVER_SUBSTRAIT_MIN_VERSION
                    || i == SqlInfo.FLIGHT_SQL_SERVER_SUBSTRAIT_MAX_VERSION
                    // SqlInfoBuilder has no setter for the result set concurrency keys.
                    || i.name().startsWith("SQL_SUPPORTED_CONCURRENCIES_FOR_RESULT_SET_")) {
                continue;
            }
            all.add(i);
        }
        return all;
    }

    /** The Arrow Java version on the class path, from flight-core's Maven metadata. */
    static String arrowVersion() {
        try (InputStream in = SqlInfoBuilder.class.getResourceAsStream(
                "/META-INF/maven/org.apache.arrow/flight-core/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null) {
                    return v;
                }
            }
        } catch (IOException e) {
            // Fall through to the manifest.
        }
        String v = SqlInfoBuilder.class.getPackage().getImplementationVersion();
        return v != null ? v : "unknown";
    }
}
