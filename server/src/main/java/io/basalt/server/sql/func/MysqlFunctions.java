package io.basalt.server.sql.func;

import io.basalt.server.sql.func.MysqlTypeRules.NumericClass;
import io.basalt.server.sql.func.MysqlTypeRules.Op;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * The named functions Basalt knows, by upper-case name: MySQL scalar functions defined here (the
 * evaluator implements them) and the standard aggregate and window functions Calcite provides.
 */
public final class MysqlFunctions {
    private static final Map<String, SqlOperator> BY_NAME = new HashMap<>();

    private MysqlFunctions() {}

    /** The function named {@code name} (any case), or null. */
    public static SqlOperator lookup(String name) {
        return BY_NAME.get(name.toUpperCase(Locale.ROOT));
    }

    /** Every function defined here, for the operator table. */
    public static java.util.Collection<SqlOperator> all() {
        return BY_NAME.values();
    }

    // ---- return type inferences -------------------------------------------------------------

    private static RelDataType type(SqlOperatorBinding b, SqlTypeName n, boolean nullable) {
        RelDataTypeFactory f = b.getTypeFactory();
        return f.createTypeWithNullability(f.createSqlType(n), nullable);
    }

    private static boolean anyNullable(SqlOperatorBinding b) {
        return MysqlOperators.anyNullable(b.collectOperandTypes());
    }

    static final SqlReturnTypeInference BIGINT = b -> type(b, SqlTypeName.BIGINT, anyNullable(b));
    static final SqlReturnTypeInference BIGINT_FORCE_NULL = b -> type(b, SqlTypeName.BIGINT, true);
    static final SqlReturnTypeInference BIGINT_NOT_NULL = b -> type(b, SqlTypeName.BIGINT, false);
    static final SqlReturnTypeInference DOUBLE = b -> type(b, SqlTypeName.DOUBLE, true);
    static final SqlReturnTypeInference DOUBLE_NOT_NULL = b -> type(b, SqlTypeName.DOUBLE, false);
    static final SqlReturnTypeInference VARCHAR = b -> type(b, SqlTypeName.VARCHAR, anyNullable(b));
    static final SqlReturnTypeInference VARCHAR_FORCE_NULL = b -> type(b, SqlTypeName.VARCHAR, true);
    static final SqlReturnTypeInference VARCHAR_NOT_NULL = b -> type(b, SqlTypeName.VARCHAR, false);
    static final SqlReturnTypeInference DATE = b -> type(b, SqlTypeName.DATE, true);
    static final SqlReturnTypeInference DATE_NOT_NULL = b -> type(b, SqlTypeName.DATE, false);
    static final SqlReturnTypeInference TIME = b -> type(b, SqlTypeName.TIME, true);
    static final SqlReturnTypeInference DATETIME = b -> type(b, SqlTypeName.TIMESTAMP, true);
    static final SqlReturnTypeInference BOOLEAN = b -> type(b, SqlTypeName.BOOLEAN, anyNullable(b));

    /** Current time functions: DATETIME with the fractional digits asked for. */
    static final SqlReturnTypeInference NOW = b -> {
        RelDataTypeFactory f = b.getTypeFactory();
        int fsp = b.getOperandCount() > 0 && b.isOperandLiteral(0, false) ? b.getOperandLiteralValue(0, Integer.class) : 0;
        return f.createSqlType(SqlTypeName.TIMESTAMP, Math.max(0, Math.min(6, fsp)));
    };
    static final SqlReturnTypeInference CURRENT_TIME = b -> {
        RelDataTypeFactory f = b.getTypeFactory();
        int fsp = b.getOperandCount() > 0 && b.isOperandLiteral(0, false) ? b.getOperandLiteralValue(0, Integer.class) : 0;
        return f.createSqlType(SqlTypeName.TIME, Math.max(0, Math.min(6, fsp)));
    };

    /** ABS, and the type of a value negated. */
    static final SqlReturnTypeInference NUMERIC_SAME = b -> MysqlTypeRules.arithmetic(b.getTypeFactory(), Op.NEGATE,
            List.of(b.getOperandType(0)), false);

    /** CEIL, FLOOR: integers stay BIGINT, decimals lose their scale, doubles stay DOUBLE. */
    static final SqlReturnTypeInference CEIL_FLOOR = b -> {
        RelDataType t = b.getOperandType(0);
        RelDataTypeFactory f = b.getTypeFactory();
        RelDataType r = switch (MysqlTypeRules.classify(t)) {
            case DOUBLE -> f.createSqlType(SqlTypeName.DOUBLE);
            case DECIMAL -> t.getPrecision() - t.getScale() <= 18 ? f.createSqlType(SqlTypeName.BIGINT)
                    : f.createSqlType(SqlTypeName.DECIMAL, Math.max(1, t.getPrecision() - t.getScale() + 1), 0);
            default -> f.createSqlType(SqlTypeName.BIGINT);
        };
        return f.createTypeWithNullability(r, t.isNullable() || t.getSqlTypeName() == SqlTypeName.NULL);
    };

    /** ROUND and TRUNCATE: the scale follows a literal second argument. */
    static final SqlReturnTypeInference ROUND = b -> {
        RelDataType t = b.getOperandType(0);
        RelDataTypeFactory f = b.getTypeFactory();
        boolean nullable = anyNullable(b);
        NumericClass c = MysqlTypeRules.classify(t);
        if (c == NumericClass.DOUBLE || c == NumericClass.NONE) {
            return type(b, SqlTypeName.DOUBLE, nullable);
        }
        Integer digits = null;
        if (b.getOperandCount() < 2) {
            digits = 0;
        } else if (b.isOperandLiteral(1, false)) {
            digits = b.getOperandLiteralValue(1, Integer.class);
        }
        if (c == NumericClass.INTEGER) {
            return type(b, SqlTypeName.BIGINT, nullable);
        }
        int scale = digits == null ? t.getScale() : Math.max(0, Math.min(30, digits));
        int precision = Math.min(65, Math.max(1, t.getPrecision() - t.getScale() + scale + 1));
        return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DECIMAL, precision, scale), nullable);
    };

    /** GREATEST, LEAST, IF branches, IFNULL: one type all arguments convert to. */
    static RelDataType commonType(RelDataTypeFactory f, List<RelDataType> types, boolean nullable) {
        NumericClass widest = NumericClass.NONE;
        boolean allNumeric = true;
        boolean allTemporal = true;
        boolean anyNullable = nullable;
        RelDataType first = null;
        for (RelDataType t : types) {
            if (t.getSqlTypeName() == SqlTypeName.NULL) {
                anyNullable = true;
                continue;
            }
            anyNullable |= t.isNullable();
            if (first == null) {
                first = t;
            }
            boolean temporal = SqlTypeUtil.isDatetime(t);
            allTemporal &= temporal;
            if (SqlTypeUtil.isNumeric(t) || t.getSqlTypeName() == SqlTypeName.BOOLEAN) {
                NumericClass c = MysqlTypeRules.classify(t);
                if (c.ordinal() > widest.ordinal()) {
                    widest = c;
                }
            } else {
                allNumeric = false;
            }
        }
        RelDataType r;
        if (first == null) {
            r = f.createSqlType(SqlTypeName.NULL);
        } else if (allNumeric) {
            r = f.leastRestrictive(types.stream().filter(t -> t.getSqlTypeName() != SqlTypeName.NULL).toList());
            if (r == null) {
                r = f.createSqlType(widest == NumericClass.INTEGER ? SqlTypeName.BIGINT : SqlTypeName.DOUBLE);
            }
        } else if (allTemporal) {
            r = f.leastRestrictive(types.stream().filter(t -> t.getSqlTypeName() != SqlTypeName.NULL).toList());
            if (r == null) {
                r = f.createSqlType(SqlTypeName.TIMESTAMP);
            }
        } else {
            r = f.createSqlType(SqlTypeName.VARCHAR);
        }
        return f.createTypeWithNullability(r, anyNullable);
    }

    static final SqlReturnTypeInference COMMON = b -> commonType(b.getTypeFactory(), b.collectOperandTypes(), false);
    static final SqlReturnTypeInference COMMON_OF_REST = b -> {
        List<RelDataType> types = b.collectOperandTypes();
        return commonType(b.getTypeFactory(), types.subList(1, types.size()), false);
    };
    /** IFNULL(a, b): nullable only when b is. */
    static final SqlReturnTypeInference IFNULL = b -> {
        List<RelDataType> types = b.collectOperandTypes();
        RelDataType t = commonType(b.getTypeFactory(), types, false);
        RelDataType second = types.get(1);
        boolean nullable = second.isNullable() || second.getSqlTypeName() == SqlTypeName.NULL;
        return b.getTypeFactory().createTypeWithNullability(t, nullable);
    };

    /** DATE_ADD and friends: DATE stays DATE for day-or-larger units, everything else is DATETIME. */
    static final SqlReturnTypeInference DATE_ARITHMETIC = b -> {
        RelDataType t = b.getOperandType(0);
        boolean dayUnit = true;
        int unitOperand = b.getOperandCount() - 1;
        String unit = null;
        if (b.isOperandLiteral(unitOperand, false)) {
            unit = b.getOperandLiteralValue(unitOperand, String.class);
            dayUnit = unit != null && List.of("DAY", "WEEK", "MONTH", "QUARTER", "YEAR", "YEAR_MONTH")
                    .contains(unit.toUpperCase(Locale.ROOT));
        }
        if (t.getSqlTypeName() == SqlTypeName.TIME) {
            return TimeTypes.dateAddOfTime(b, unit);
        }
        if (SqlTypeUtil.isCharacter(t)) {
            // A string argument gives a string result, as in MySQL.
            return type(b, SqlTypeName.VARCHAR, true);
        }
        SqlTypeName n = t.getSqlTypeName() == SqlTypeName.DATE && dayUnit ? SqlTypeName.DATE : SqlTypeName.TIMESTAMP;
        if (t.getSqlTypeName() == SqlTypeName.TIMESTAMP) {
            return b.getTypeFactory().createTypeWithNullability(
                    b.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP, t.getPrecision()), true);
        }
        return type(b, n, true);
    };

    // ---- registration ---------------------------------------------------------------------

    private static void define(String name, SqlReturnTypeInference rt, int min, int max, SqlFunctionCategory cat,
            String... aliases) {
        SqlFunction fn = new MysqlFunction(name, rt, min, max, cat);
        BY_NAME.put(name, fn);
        for (String a : aliases) {
            BY_NAME.put(a, fn);
        }
    }

    private static void alias(String name, SqlOperator op) {
        BY_NAME.put(name, op);
    }

    /** A scalar function implemented by Basalt's evaluator, resolved by name. */
    static final class MysqlFunction extends SqlFunction {
        MysqlFunction(String name, SqlReturnTypeInference rt, int min, int max, SqlFunctionCategory cat) {
            super(name, SqlKind.OTHER_FUNCTION, rt, AnyOperandTypes.FIRST_KNOWN_OR_VARCHAR,
                    new AnyOperandTypes(min, max), cat);
        }

        @Override
        public boolean isDeterministic() {
            return !NON_DETERMINISTIC.contains(getName());
        }

        @Override
        public boolean isDynamicFunction() {
            return DYNAMIC.contains(getName());
        }
    }

    private static final java.util.Set<String> NON_DETERMINISTIC = java.util.Set.of("RAND", "UUID", "SLEEP",
            "NOW", "SYSDATE", "CURDATE", "CURTIME", "UTC_TIMESTAMP", "UTC_DATE", "UTC_TIME", "UNIX_TIMESTAMP",
            "LAST_INSERT_ID", "ROW_COUNT", "FOUND_ROWS", "CONNECTION_ID", "DATABASE", "USER", "CURRENT_USER");
    private static final java.util.Set<String> DYNAMIC = NON_DETERMINISTIC;

    static {
        SqlFunctionCategory num = SqlFunctionCategory.NUMERIC;
        SqlFunctionCategory str = SqlFunctionCategory.STRING;
        SqlFunctionCategory time = SqlFunctionCategory.TIMEDATE;
        SqlFunctionCategory sys = SqlFunctionCategory.SYSTEM;

        // Math
        define("ABS", NUMERIC_SAME, 1, 1, num);
        define("CEIL", CEIL_FLOOR, 1, 1, num, "CEILING");
        define("FLOOR", CEIL_FLOOR, 1, 1, num);
        define("ROUND", ROUND, 1, 2, num);
        define("TRUNCATE", ROUND, 2, 2, num);
        define("SIGN", BIGINT, 1, 1, num);
        define("POW", DOUBLE, 2, 2, num, "POWER");
        for (String f : List.of("SQRT", "EXP", "LN", "LOG2", "LOG10", "SIN", "COS", "TAN", "ASIN", "ACOS", "COT",
                "DEGREES", "RADIANS")) {
            define(f, DOUBLE, 1, 1, num);
        }
        define("LOG", DOUBLE, 1, 2, num);
        define("ATAN", DOUBLE, 1, 2, num);
        define("ATAN2", DOUBLE, 2, 2, num);
        define("PI", DOUBLE_NOT_NULL, 0, 0, num);
        define("RAND", DOUBLE_NOT_NULL, 0, 1, num);
        define("GREATEST", COMMON, 2, -1, num);
        define("LEAST", COMMON, 2, -1, num);
        define("CRC32", BIGINT, 1, 1, num);
        define("BIT_COUNT", BIGINT, 1, 1, num);
        define("CONV", VARCHAR_FORCE_NULL, 3, 3, num);
        define("BIN", VARCHAR, 1, 1, num);
        define("OCT", VARCHAR, 1, 1, num);
        define("MOD", b -> MysqlTypeRules.arithmetic(b.getTypeFactory(), Op.MOD, b.collectOperandTypes(), true), 2, 2, num);

        // Strings
        define("CONCAT", VARCHAR, 1, -1, str);
        define("CONCAT_WS", VARCHAR, 2, -1, str);
        define("LOWER", VARCHAR, 1, 1, str, "LCASE");
        define("UPPER", VARCHAR, 1, 1, str, "UCASE");
        define("SUBSTRING", VARCHAR, 2, 3, str, "SUBSTR", "MID");
        define("LEFT", VARCHAR, 2, 2, str);
        define("RIGHT", VARCHAR, 2, 2, str);
        define("LTRIM", VARCHAR, 1, 1, str);
        define("RTRIM", VARCHAR, 1, 1, str);
        define("$TRIM", VARCHAR, 3, 3, str);
        define("REPLACE", VARCHAR, 3, 3, str);
        define("REVERSE", VARCHAR, 1, 1, str);
        define("REPEAT", VARCHAR, 2, 2, str);
        define("LPAD", VARCHAR, 3, 3, str);
        define("RPAD", VARCHAR, 3, 3, str);
        define("SPACE", VARCHAR, 1, 1, str);
        define("HEX", VARCHAR, 1, 1, str);
        define("UNHEX", VARCHAR_FORCE_NULL, 1, 1, str);
        define("MD5", VARCHAR, 1, 1, str);
        define("SHA1", VARCHAR, 1, 1, str, "SHA");
        define("SHA2", VARCHAR_FORCE_NULL, 2, 2, str);
        define("TO_BASE64", VARCHAR, 1, 1, str);
        define("FROM_BASE64", VARCHAR_FORCE_NULL, 1, 1, str);
        define("UUID", VARCHAR_NOT_NULL, 0, 0, str);
        define("QUOTE", VARCHAR, 1, 1, str);
        define("SUBSTRING_INDEX", VARCHAR, 3, 3, str);
        define("INSERT", VARCHAR, 4, 4, str);
        define("FORMAT", VARCHAR, 2, 3, str);
        define("CHAR", VARCHAR_NOT_NULL, 1, -1, str);
        define("ELT", VARCHAR_FORCE_NULL, 2, -1, str);
        define("LENGTH", BIGINT, 1, 1, str, "OCTET_LENGTH");
        define("CHAR_LENGTH", BIGINT, 1, 1, str, "CHARACTER_LENGTH");
        define("BIT_LENGTH", BIGINT, 1, 1, str);
        define("ASCII", BIGINT, 1, 1, str, "ORD");
        define("INSTR", BIGINT, 2, 2, str);
        define("LOCATE", BIGINT, 2, 3, str);
        define("STRCMP", BIGINT, 2, 2, str);
        define("FIELD", BIGINT_NOT_NULL, 2, -1, str);
        define("FIND_IN_SET", BIGINT, 2, 2, str);
        define("SOUNDEX", VARCHAR, 1, 1, str);
        define("INET_ATON", BIGINT_FORCE_NULL, 1, 1, str);
        define("INET_NTOA", VARCHAR_FORCE_NULL, 1, 1, str);
        define("MAKE_SET", VARCHAR, 2, -1, str);
        define("EXPORT_SET", VARCHAR, 3, 5, str);

        // Regular expressions, in ICU syntax as in MySQL 8
        define("REGEXP_LIKE", BIGINT, 2, 3, str);
        define("REGEXP_INSTR", BIGINT, 2, 6, str);
        define("REGEXP_SUBSTR", VARCHAR_FORCE_NULL, 2, 5, str);
        define("REGEXP_REPLACE", VARCHAR, 3, 6, str);

        // JSON over text: Basalt has no JSON type, so JSON values are strings.
        define("JSON_EXTRACT", VARCHAR_FORCE_NULL, 2, -1, sys);
        define("JSON_UNQUOTE", VARCHAR, 1, 1, sys);
        define("JSON_VALID", BIGINT, 1, 1, sys);
        define("JSON_OBJECT", VARCHAR_NOT_NULL, 0, -1, sys);
        define("JSON_ARRAY", VARCHAR_NOT_NULL, 0, -1, sys);
        define("JSON_LENGTH", BIGINT_FORCE_NULL, 1, 2, sys);
        define("JSON_KEYS", VARCHAR_FORCE_NULL, 1, 2, sys);
        define("JSON_TYPE", VARCHAR, 1, 1, sys);
        define("JSON_QUOTE", VARCHAR, 1, 1, sys);
        define("JSON_CONTAINS", BIGINT_FORCE_NULL, 2, 3, sys);
        define("JSON_CONTAINS_PATH", BIGINT, 3, -1, sys);

        // Date and time
        define("NOW", NOW, 0, 1, time, "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP", "SYSDATE", "UTC_TIMESTAMP");
        define("CURDATE", DATE_NOT_NULL, 0, 0, time, "CURRENT_DATE", "UTC_DATE");
        define("CURTIME", CURRENT_TIME, 0, 1, time, "CURRENT_TIME", "UTC_TIME");
        define("DATE", DATE, 1, 1, time);
        define("TIME", TimeTypes.TIME_OF_ARGS, 1, 1, time);
        define("TIMESTAMP", DATETIME, 1, 2, time);
        for (String f : List.of("YEAR", "MONTH", "DAY", "DAYOFWEEK", "DAYOFYEAR", "WEEKDAY", "QUARTER", "HOUR",
                "MINUTE", "SECOND", "MICROSECOND", "TO_DAYS", "TO_SECONDS", "TIME_TO_SEC", "WEEKOFYEAR")) {
            define(f, BIGINT_FORCE_NULL, 1, 1, time);
        }
        alias("DAYOFMONTH", lookup("DAY"));
        define("WEEK", BIGINT_FORCE_NULL, 1, 2, time);
        define("YEARWEEK", BIGINT_FORCE_NULL, 1, 2, time);
        define("MONTHNAME", VARCHAR_FORCE_NULL, 1, 1, time);
        define("DAYNAME", VARCHAR_FORCE_NULL, 1, 1, time);
        define("DATEDIFF", BIGINT_FORCE_NULL, 2, 2, time);
        define("TIMESTAMPDIFF", BIGINT_FORCE_NULL, 3, 3, time);
        // DATE_ADD(d, n, 'UNIT'): the parser turns INTERVAL n UNIT into the last two operands.
        define("DATE_ADD", DATE_ARITHMETIC, 3, 3, time);
        define("DATE_SUB", DATE_ARITHMETIC, 3, 3, time);
        define("DATE_FORMAT", VARCHAR_FORCE_NULL, 2, 2, time);
        define("TIME_FORMAT", VARCHAR_FORCE_NULL, 2, 2, time);
        define("STR_TO_DATE", DATETIME, 2, 2, time);
        define("FROM_UNIXTIME", b -> b.getOperandCount() > 1 ? type(b, SqlTypeName.VARCHAR, true)
                : type(b, SqlTypeName.TIMESTAMP, true), 1, 2, time);
        define("UNIX_TIMESTAMP", b -> b.getOperandCount() == 0 ? type(b, SqlTypeName.BIGINT, false)
                : type(b, SqlTypeName.BIGINT, true), 0, 1, time);
        define("LAST_DAY", DATE, 1, 1, time);
        define("MAKEDATE", DATE, 2, 2, time);
        define("FROM_DAYS", DATE, 1, 1, time);
        define("SEC_TO_TIME", TimeTypes.TIME_OF_LAST, 1, 1, time);
        define("MAKETIME", TimeTypes.TIME_OF_LAST, 3, 3, time);
        define("TIMEDIFF", TimeTypes.TIME_OF_ARGS, 2, 2, time);
        define("ADDTIME", TimeTypes.ADDTIME, 2, 2, time);
        define("SUBTIME", TimeTypes.ADDTIME, 2, 2, time);
        define("PERIOD_ADD", BIGINT, 2, 2, time);
        define("PERIOD_DIFF", BIGINT, 2, 2, time);
        define("DATE_TRUNC", TimeTypes.DATE_TRUNC, 2, 2, time);
        define("CONVERT_TZ", DATETIME, 3, 3, time);
        define("$EXTRACT", BIGINT_FORCE_NULL, 2, 2, time);

        // Control flow and information
        define("IFNULL", IFNULL, 2, 2, sys);
        define("$IF", COMMON_OF_REST, 3, 3, sys);
        define("DATABASE", VARCHAR_FORCE_NULL, 0, 0, sys, "SCHEMA");
        define("USER", VARCHAR_NOT_NULL, 0, 0, sys, "SESSION_USER", "SYSTEM_USER");
        define("CURRENT_USER", VARCHAR_NOT_NULL, 0, 0, sys);
        define("VERSION", VARCHAR_NOT_NULL, 0, 0, sys);
        define("CONNECTION_ID", BIGINT_NOT_NULL, 0, 0, sys);
        define("LAST_INSERT_ID", BIGINT_NOT_NULL, 0, 1, sys);
        define("ROW_COUNT", BIGINT_NOT_NULL, 0, 0, sys);
        define("FOUND_ROWS", BIGINT_NOT_NULL, 0, 0, sys);
        define("SLEEP", BIGINT_NOT_NULL, 1, 1, sys);
        define("CHARSET", VARCHAR_NOT_NULL, 1, 1, sys);
        define("COLLATION", VARCHAR_NOT_NULL, 1, 1, sys);

        // Aggregates and window functions from Calcite.
        alias("COUNT", SqlStdOperatorTable.COUNT);
        alias("SUM", SqlStdOperatorTable.SUM);
        alias("AVG", SqlStdOperatorTable.AVG);
        alias("MIN", SqlStdOperatorTable.MIN);
        alias("MAX", SqlStdOperatorTable.MAX);
        alias("BIT_AND", SqlStdOperatorTable.BIT_AND);
        alias("BIT_OR", SqlStdOperatorTable.BIT_OR);
        alias("BIT_XOR", SqlStdOperatorTable.BIT_XOR);
        alias("STDDEV_POP", SqlStdOperatorTable.STDDEV_POP);
        alias("STDDEV_SAMP", SqlStdOperatorTable.STDDEV_SAMP);
        alias("STD", SqlStdOperatorTable.STDDEV_POP);
        alias("STDDEV", SqlStdOperatorTable.STDDEV_POP);
        alias("VAR_POP", SqlStdOperatorTable.VAR_POP);
        alias("VAR_SAMP", SqlStdOperatorTable.VAR_SAMP);
        alias("VARIANCE", SqlStdOperatorTable.VAR_POP);
        alias("ANY_VALUE", SqlStdOperatorTable.ANY_VALUE);
        // GROUP_CONCAT(x ORDER BY y SEPARATOR s) is standard LISTAGG(x, s) WITHIN GROUP (ORDER BY y).
        alias("GROUP_CONCAT", SqlStdOperatorTable.LISTAGG);
        alias("ROW_NUMBER", SqlStdOperatorTable.ROW_NUMBER);
        alias("RANK", SqlStdOperatorTable.RANK);
        alias("DENSE_RANK", SqlStdOperatorTable.DENSE_RANK);
        alias("PERCENT_RANK", SqlStdOperatorTable.PERCENT_RANK);
        alias("CUME_DIST", SqlStdOperatorTable.CUME_DIST);
        alias("NTILE", SqlStdOperatorTable.NTILE);
        alias("LAG", SqlStdOperatorTable.LAG);
        alias("LEAD", SqlStdOperatorTable.LEAD);
        alias("FIRST_VALUE", SqlStdOperatorTable.FIRST_VALUE);
        alias("LAST_VALUE", SqlStdOperatorTable.LAST_VALUE);
        alias("NTH_VALUE", SqlStdOperatorTable.NTH_VALUE);
        alias("COALESCE", SqlStdOperatorTable.COALESCE);
        alias("NULLIF", SqlStdOperatorTable.NULLIF);
    }
}
