package io.basalt.server.sql.func;

import io.basalt.server.sql.func.MysqlTypeRules.Op;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlPrefixOperator;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Operators whose MySQL meaning differs from standard SQL's, so Basalt defines its own: arithmetic
 * with MySQL result types, DIV, bit operators, XOR, REGEXP, truth tests on any value, and the
 * placeholders for variables.
 */
public final class MysqlOperators {
    private MysqlOperators() {}

    public static final SqlBinaryOperator PLUS = arithmetic("+", 40, Op.ADD, false);
    public static final SqlBinaryOperator MINUS = arithmetic("-", 40, Op.ADD, false);
    public static final SqlBinaryOperator MULTIPLY = arithmetic("*", 60, Op.MULTIPLY, false);
    /** MySQL '/': exact operands give DECIMAL with four more digits of scale; x/0 is NULL. */
    public static final SqlBinaryOperator DIVIDE = arithmetic("/", 60, Op.DIVIDE, true);
    /** MySQL '%' and MOD(); x%0 is NULL. */
    public static final SqlBinaryOperator MOD = arithmetic("%", 60, Op.MOD, true);
    /** Integer division: truncates toward zero; x DIV 0 is NULL. */
    public static final SqlBinaryOperator INT_DIVIDE = new SqlBinaryOperator("DIV", SqlKind.OTHER, 60, true,
            opBinding -> nullable(opBinding.getTypeFactory(), SqlTypeName.BIGINT, true),
            AnyOperandTypes.FIRST_KNOWN_OR_VARCHAR, new AnyOperandTypes(2, 2));

    public static final SqlPrefixOperator UNARY_MINUS = new SqlPrefixOperator("-", SqlKind.OTHER, 80,
            opBinding -> MysqlTypeRules.arithmetic(opBinding.getTypeFactory(), Op.NEGATE,
                    List.of(opBinding.getOperandType(0)), false),
            AnyOperandTypes.FIRST_KNOWN_OR_VARCHAR, new AnyOperandTypes(1, 1));

    public static final SqlBinaryOperator BIT_AND = bitwise("&", 34);
    public static final SqlBinaryOperator BIT_OR = bitwise("|", 32);
    public static final SqlBinaryOperator BIT_XOR = bitwise("^", 70);
    public static final SqlBinaryOperator SHIFT_LEFT = bitwise("<<", 36);
    public static final SqlBinaryOperator SHIFT_RIGHT = bitwise(">>", 36);
    public static final SqlPrefixOperator BIT_NOT = new SqlPrefixOperator("~", SqlKind.OTHER, 80,
            MysqlOperators::unsignedBigint, AnyOperandTypes.FIRST_KNOWN_OR_VARCHAR, new AnyOperandTypes(1, 1));

    /** Logical XOR on MySQL truth values. */
    public static final SqlBinaryOperator XOR = new SqlBinaryOperator("XOR", SqlKind.OTHER, 22, true,
            ReturnTypes.BOOLEAN_NULLABLE, AnyOperandTypes.FIRST_KNOWN_OR_VARCHAR, new AnyOperandTypes(2, 2));

    /** expr REGEXP pattern (also RLIKE). */
    public static final SqlBinaryOperator REGEXP = new SqlBinaryOperator("REGEXP", SqlKind.OTHER, 30, true,
            ReturnTypes.BOOLEAN_NULLABLE, AnyOperandTypes.FIRST_KNOWN_OR_VARCHAR, new AnyOperandTypes(2, 2));

    /**
     * MySQL truthiness of any value: non-zero numbers are true, strings convert to numbers first,
     * NULL stays NULL. The parser wraps value expressions used as conditions in it.
     */
    public static final SqlFunction TRUTH = new SqlFunction("TRUTH", SqlKind.OTHER_FUNCTION,
            ReturnTypes.BOOLEAN_NULLABLE, AnyOperandTypes.FIRST_KNOWN_OR_VARCHAR, new AnyOperandTypes(1, 1),
            SqlFunctionCategory.SYSTEM);

    /**
     * Placeholder for @@[scope.]name, replaced by a literal before validation. Operands: scope
     * literal ('SESSION', 'GLOBAL' or '' for default), name literal.
     */
    public static final SqlFunction SYSTEM_VARIABLE = new SqlFunction("$SYSTEM_VARIABLE", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR_NULLABLE, null, new AnyOperandTypes(2, 2), SqlFunctionCategory.SYSTEM);

    /** Placeholder for @name, replaced by a literal before validation. Operand: name literal. */
    public static final SqlFunction USER_VARIABLE = new SqlFunction("$USER_VARIABLE", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR_NULLABLE, null, new AnyOperandTypes(1, 1), SqlFunctionCategory.SYSTEM);

    /** All operators defined here, for the operator table. */
    public static List<SqlOperator> all() {
        return List.of(PLUS, MINUS, MULTIPLY, DIVIDE, MOD, INT_DIVIDE, UNARY_MINUS, BIT_AND, BIT_OR, BIT_XOR,
                SHIFT_LEFT, SHIFT_RIGHT, BIT_NOT, XOR, REGEXP, TRUTH, SYSTEM_VARIABLE, USER_VARIABLE);
    }

    private static SqlBinaryOperator arithmetic(String name, int precedence, Op op, boolean forceNullable) {
        SqlReturnTypeInference rt = opBinding -> MysqlTypeRules.arithmetic(opBinding.getTypeFactory(), op,
                opBinding.collectOperandTypes(), forceNullable);
        return new SqlBinaryOperator(name, SqlKind.OTHER, precedence, true, rt,
                AnyOperandTypes.FIRST_KNOWN_OR_VARCHAR, new AnyOperandTypes(2, 2));
    }

    private static SqlBinaryOperator bitwise(String name, int precedence) {
        return new SqlBinaryOperator(name, SqlKind.OTHER, precedence, true, MysqlOperators::unsignedBigint,
                AnyOperandTypes.FIRST_KNOWN_OR_VARCHAR, new AnyOperandTypes(2, 2));
    }

    /**
     * MySQL's bit operators work on, and return, BIGINT UNSIGNED; Basalt types that as
     * DECIMAL(20, 0), as it does unsigned BIGINT columns.
     */
    private static RelDataType unsignedBigint(org.apache.calcite.sql.SqlOperatorBinding opBinding) {
        RelDataTypeFactory f = opBinding.getTypeFactory();
        return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DECIMAL, 20, 0),
                anyNullable(opBinding.collectOperandTypes()));
    }

    static RelDataType nullable(RelDataTypeFactory f, SqlTypeName type, boolean nullable) {
        return f.createTypeWithNullability(f.createSqlType(type), nullable);
    }

    static boolean anyNullable(List<RelDataType> types) {
        for (RelDataType t : types) {
            if (t.isNullable() || t.getSqlTypeName() == SqlTypeName.NULL) {
                return true;
            }
        }
        return false;
    }
}
