package io.basalt.error;

/**
 * The one table of user-facing error codes. Each code maps once to a MySQL error number and
 * SQLSTATE, and to a Flight/gRPC status category, so both protocol faces report the same failure
 * the same way.
 */
public enum ErrorCode {
    // Syntax and name resolution
    PARSE_ERROR(1064, "42000", StatusCategory.INVALID_ARGUMENT),
    UNKNOWN_DATABASE(1049, "42000", StatusCategory.NOT_FOUND),
    NO_DATABASE_SELECTED(1046, "3D000", StatusCategory.INVALID_ARGUMENT),
    UNKNOWN_TABLE(1146, "42S02", StatusCategory.NOT_FOUND),
    BAD_TABLE(1051, "42S02", StatusCategory.NOT_FOUND),
    UNKNOWN_TABLE_IN_CONTEXT(1109, "42S02", StatusCategory.NOT_FOUND),
    UNKNOWN_COLUMN(1054, "42S22", StatusCategory.INVALID_ARGUMENT),
    AMBIGUOUS_COLUMN(1052, "23000", StatusCategory.INVALID_ARGUMENT),
    UNKNOWN_FUNCTION(1305, "42000", StatusCategory.INVALID_ARGUMENT),
    UNKNOWN_SYSTEM_VARIABLE(1193, "HY000", StatusCategory.INVALID_ARGUMENT),
    WRONG_VALUE_FOR_VARIABLE(1231, "42000", StatusCategory.INVALID_ARGUMENT),
    INCORRECT_GLOBAL_LOCAL_VAR(1238, "HY000", StatusCategory.INVALID_ARGUMENT),
    WRONG_ARGUMENTS(1210, "HY000", StatusCategory.INVALID_ARGUMENT),
    WRONG_PARAMETER_COUNT(1582, "42000", StatusCategory.INVALID_ARGUMENT),
    OPERAND_COLUMNS(1241, "21000", StatusCategory.INVALID_ARGUMENT),
    INVALID_GROUP_FUNC_USE(1111, "HY000", StatusCategory.INVALID_ARGUMENT),
    WRONG_FIELD_WITH_GROUP(1055, "42000", StatusCategory.INVALID_ARGUMENT),
    WRONG_OBJECT(1347, "HY000", StatusCategory.INVALID_ARGUMENT),
    WRONG_DB_NAME(1102, "42000", StatusCategory.INVALID_ARGUMENT),
    WRONG_TABLE_NAME(1103, "42000", StatusCategory.INVALID_ARGUMENT),
    WRONG_COLUMN_NAME(1166, "42000", StatusCategory.INVALID_ARGUMENT),
    NON_UNIQUE_TABLE(1066, "42000", StatusCategory.INVALID_ARGUMENT),
    DERIVED_MUST_HAVE_ALIAS(1248, "42000", StatusCategory.INVALID_ARGUMENT),
    WRONG_USAGE(1221, "HY000", StatusCategory.INVALID_ARGUMENT),
    VIEW_WRONG_LIST(1353, "HY000", StatusCategory.INVALID_ARGUMENT),
    WRONG_NUMBER_OF_COLUMNS_IN_SELECT(1222, "21000", StatusCategory.INVALID_ARGUMENT),

    // DDL
    DATABASE_EXISTS(1007, "HY000", StatusCategory.ALREADY_EXISTS),
    DATABASE_DROP_MISSING(1008, "HY000", StatusCategory.NOT_FOUND),
    TABLE_EXISTS(1050, "42S01", StatusCategory.ALREADY_EXISTS),
    DUPLICATE_COLUMN(1060, "42S21", StatusCategory.ALREADY_EXISTS),
    DUPLICATE_KEY_NAME(1061, "42000", StatusCategory.ALREADY_EXISTS),
    CANT_DROP_FIELD_OR_KEY(1091, "42000", StatusCategory.NOT_FOUND),
    TABLE_MUST_HAVE_COLUMNS(1113, "42000", StatusCategory.INVALID_ARGUMENT),
    CANT_REMOVE_ALL_FIELDS(1090, "42000", StatusCategory.INVALID_ARGUMENT),
    TOO_BIG_PRECISION(1426, "42000", StatusCategory.INVALID_ARGUMENT),
    TOO_BIG_SCALE(1425, "42000", StatusCategory.INVALID_ARGUMENT),
    SCALE_BIGGER_THAN_PRECISION(1427, "42000", StatusCategory.INVALID_ARGUMENT),
    TOO_BIG_FIELD_LENGTH(1074, "42000", StatusCategory.INVALID_ARGUMENT),
    MULTIPLE_PRIMARY_KEY(1068, "42000", StatusCategory.INVALID_ARGUMENT),
    KEY_COLUMN_DOES_NOT_EXIST(1072, "42000", StatusCategory.INVALID_ARGUMENT),
    INVALID_DEFAULT(1067, "42000", StatusCategory.INVALID_ARGUMENT),

    // Data
    DUPLICATE_ENTRY(1062, "23000", StatusCategory.ALREADY_EXISTS),
    BAD_NULL(1048, "23000", StatusCategory.INVALID_ARGUMENT),
    NO_DEFAULT_FOR_FIELD(1364, "HY000", StatusCategory.INVALID_ARGUMENT),
    WRONG_VALUE_COUNT(1136, "21S01", StatusCategory.INVALID_ARGUMENT),
    DATA_TOO_LONG(1406, "22001", StatusCategory.INVALID_ARGUMENT),
    OUT_OF_RANGE(1264, "22003", StatusCategory.INVALID_ARGUMENT),
    NUMERIC_OVERFLOW(1690, "22003", StatusCategory.INVALID_ARGUMENT),
    TRUNCATED_WRONG_VALUE(1292, "22007", StatusCategory.INVALID_ARGUMENT),
    INCORRECT_VALUE_FOR_FIELD(1366, "HY000", StatusCategory.INVALID_ARGUMENT),
    DIVISION_BY_ZERO(1365, "22012", StatusCategory.INVALID_ARGUMENT),
    SUBQUERY_MORE_THAN_ONE_ROW(1242, "21000", StatusCategory.INVALID_ARGUMENT),
    INVALID_USE_OF_NULL(1138, "22004", StatusCategory.INVALID_ARGUMENT),

    // Regular expressions: MySQL reports the kind of error ICU found
    REGEXP_ILLEGAL_ARGUMENT(3685, "HY000", StatusCategory.INVALID_ARGUMENT),
    REGEXP_INDEX_OUT_OF_BOUNDS(3686, "HY000", StatusCategory.INVALID_ARGUMENT),
    REGEXP_RULE_SYNTAX(3688, "HY000", StatusCategory.INVALID_ARGUMENT),
    REGEXP_BAD_ESCAPE_SEQUENCE(3689, "HY000", StatusCategory.INVALID_ARGUMENT),
    REGEXP_MISMATCHED_PAREN(3691, "HY000", StatusCategory.INVALID_ARGUMENT),
    REGEXP_BAD_INTERVAL(3692, "HY000", StatusCategory.INVALID_ARGUMENT),
    REGEXP_MISSING_CLOSE_BRACKET(3696, "HY000", StatusCategory.INVALID_ARGUMENT),
    REGEXP_INVALID_RANGE(3697, "HY000", StatusCategory.INVALID_ARGUMENT),
    REGEXP_STACK_OVERFLOW(3698, "HY000", StatusCategory.RESOURCE_EXHAUSTED),

    // JSON text
    INVALID_JSON_TEXT_IN_PARAM(3141, "22032", StatusCategory.INVALID_ARGUMENT),
    INVALID_JSON_PATH(3143, "42000", StatusCategory.INVALID_ARGUMENT),
    INVALID_TYPE_FOR_JSON(3146, "22032", StatusCategory.INVALID_ARGUMENT),
    INVALID_JSON_PATH_WILDCARD(3149, "42000", StatusCategory.INVALID_ARGUMENT),
    JSON_BAD_ONE_OR_ALL_ARG(3150, "42000", StatusCategory.INVALID_ARGUMENT),
    JSON_DOCUMENT_NULL_KEY(3158, "22032", StatusCategory.INVALID_ARGUMENT),

    // Access
    ACCESS_DENIED(1045, "28000", StatusCategory.UNAUTHENTICATED),
    DATABASE_ACCESS_DENIED(1044, "42000", StatusCategory.UNAUTHORIZED),
    TABLE_ACCESS_DENIED(1142, "42000", StatusCategory.UNAUTHORIZED),
    SPECIFIC_ACCESS_DENIED(1227, "42000", StatusCategory.UNAUTHORIZED),
    SECURE_TRANSPORT_REQUIRED(3159, "HY000", StatusCategory.UNAUTHENTICATED),
    USER_OPERATION_FAILED(1396, "HY000", StatusCategory.INVALID_ARGUMENT),
    NO_SUCH_GRANT(1141, "42000", StatusCategory.NOT_FOUND),
    NO_IMPLICIT_USER_CREATION(1410, "42000", StatusCategory.UNAUTHORIZED),

    // Session and protocol
    QUERY_INTERRUPTED(1317, "70100", StatusCategory.CANCELLED),
    NO_SUCH_THREAD(1094, "HY000", StatusCategory.NOT_FOUND),
    PACKET_TOO_LARGE(1153, "08S01", StatusCategory.INVALID_ARGUMENT),
    UNKNOWN_COMMAND(1047, "08S01", StatusCategory.UNIMPLEMENTED),
    BAD_HANDSHAKE(1043, "08S01", StatusCategory.INVALID_ARGUMENT),
    EMPTY_QUERY(1065, "42000", StatusCategory.INVALID_ARGUMENT),
    UNKNOWN_STATEMENT_HANDLER(1243, "HY000", StatusCategory.NOT_FOUND),
    MAX_PREPARED_STMT_COUNT_REACHED(1461, "42000", StatusCategory.RESOURCE_EXHAUSTED),
    STMT_HAS_NO_OPEN_CURSOR(1421, "HY000", StatusCategory.INVALID_ARGUMENT),
    READ_ONLY(1290, "HY000", StatusCategory.UNAVAILABLE),
    /** A recursive common table expression ran more iterations than cte_max_recursion_depth. */
    CTE_MAX_RECURSION_DEPTH(3636, "HY000", StatusCategory.RESOURCE_EXHAUSTED),
    /** A recursive common table expression without a non-recursive query block. */
    CTE_RECURSIVE_REQUIRES_UNION(3573, "HY000", StatusCategory.INVALID_ARGUMENT),
    /** A recursive query block that aggregates or uses window functions. */
    CTE_RECURSIVE_FORBIDS_AGGREGATION(3575, "HY000", StatusCategory.INVALID_ARGUMENT),

    // Not supported, cluster and internal
    NOT_SUPPORTED(1235, "42000", StatusCategory.UNIMPLEMENTED),
    /** The table's engine has no such option (a note for ALTER TABLE ... DISABLE KEYS). */
    ILLEGAL_HA(1031, "HY000", StatusCategory.UNIMPLEMENTED),
    CLUSTER_UNAVAILABLE(1105, "HY000", StatusCategory.UNAVAILABLE),
    WRITE_CONFLICT(1213, "40001", StatusCategory.UNAVAILABLE),
    TABLE_DEFINITION_CHANGED(1412, "HY000", StatusCategory.UNAVAILABLE),
    INTERNAL(1105, "HY000", StatusCategory.INTERNAL);

    private final int mysqlErrno;
    private final String sqlState;
    private final StatusCategory status;

    ErrorCode(int mysqlErrno, String sqlState, StatusCategory status) {
        this.mysqlErrno = mysqlErrno;
        this.sqlState = sqlState;
        this.status = status;
    }

    /** MySQL error number sent in ERR packets. */
    public int mysqlErrno() {
        return mysqlErrno;
    }

    /** Five-character SQLSTATE sent in ERR packets and JDBC exceptions. */
    public String sqlState() {
        return sqlState;
    }

    /** The Flight/gRPC status category this error maps to. */
    public StatusCategory status() {
        return status;
    }
}
