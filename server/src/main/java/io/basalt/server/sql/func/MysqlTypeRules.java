package io.basalt.server.sql.func;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * MySQL's rules for the result types of arithmetic: integers widen to BIGINT, DECIMAL keeps exact
 * precision and scale (division adds four digits of scale), and anything involving floating point
 * or strings is DOUBLE.
 */
public final class MysqlTypeRules {
    /** MySQL's div_precision_increment default. */
    public static final int DIV_PRECISION_INCREMENT = 4;
    private static final int MAX_PRECISION = 65;
    private static final int MAX_SCALE = 30;

    private MysqlTypeRules() {}

    /** How an operand takes part in arithmetic. */
    public enum NumericClass { NONE, INTEGER, DECIMAL, DOUBLE }

    /** Classifies a type for arithmetic; NULL-typed operands are NONE and do not influence the result. */
    public static NumericClass classify(RelDataType t) {
        SqlTypeName n = t.getSqlTypeName();
        return switch (n) {
            case NULL -> NumericClass.NONE;
            case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, DATE, TIME, TIMESTAMP -> NumericClass.INTEGER;
            case DECIMAL -> t.getScale() == 0 && t.getPrecision() <= 18 ? NumericClass.DECIMAL : NumericClass.DECIMAL;
            default -> NumericClass.DOUBLE;
        };
    }

    /** Digits of precision an integer-like type contributes when mixed with DECIMAL. */
    static int precisionOf(RelDataType t) {
        return switch (t.getSqlTypeName()) {
            case BOOLEAN -> 1;
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case INTEGER -> 10;
            case BIGINT -> 19;
            case DECIMAL -> t.getPrecision();
            case DATE -> 8;
            case TIME -> 6;
            case TIMESTAMP -> 14;
            default -> 19;
        };
    }

    static int scaleOf(RelDataType t) {
        return t.getSqlTypeName() == SqlTypeName.DECIMAL ? t.getScale() : 0;
    }

    private static NumericClass widest(List<RelDataType> types) {
        NumericClass c = NumericClass.NONE;
        for (RelDataType t : types) {
            NumericClass k = classify(t);
            if (k.ordinal() > c.ordinal()) {
                c = k;
            }
        }
        return c;
    }

    private static boolean anyNullable(List<RelDataType> types) {
        for (RelDataType t : types) {
            if (t.isNullable() || t.getSqlTypeName() == SqlTypeName.NULL) {
                return true;
            }
        }
        return false;
    }

    /** Which arithmetic operation a result type is derived for. */
    public enum Op { ADD, MULTIPLY, DIVIDE, MOD, NEGATE }

    /** The MySQL result type of {@code op} applied to {@code types}. */
    public static RelDataType arithmetic(RelDataTypeFactory f, Op op, List<RelDataType> types, boolean forceNullable) {
        NumericClass c = widest(types);
        boolean nullable = forceNullable || anyNullable(types);
        RelDataType result;
        if (c == NumericClass.NONE) {
            result = f.createSqlType(op == Op.DIVIDE ? SqlTypeName.DECIMAL : SqlTypeName.BIGINT);
        } else if (c == NumericClass.DOUBLE) {
            result = f.createSqlType(SqlTypeName.DOUBLE);
        } else if (c == NumericClass.INTEGER && op != Op.DIVIDE) {
            result = f.createSqlType(SqlTypeName.BIGINT);
        } else {
            result = decimalResult(f, op, types);
        }
        return f.createTypeWithNullability(result, nullable);
    }

    private static RelDataType decimalResult(RelDataTypeFactory f, Op op, List<RelDataType> types) {
        RelDataType a = types.get(0);
        RelDataType b = types.size() > 1 ? types.get(1) : a;
        int p1 = precisionOf(a);
        int s1 = scaleOf(a);
        int p2 = precisionOf(b);
        int s2 = scaleOf(b);
        int scale;
        int precision;
        switch (op) {
            case ADD -> {
                scale = Math.max(s1, s2);
                precision = Math.max(p1 - s1, p2 - s2) + scale + 1;
            }
            case MULTIPLY -> {
                scale = s1 + s2;
                precision = p1 + p2;
            }
            case DIVIDE -> {
                scale = s1 + DIV_PRECISION_INCREMENT;
                precision = p1 - s1 + s2 + scale;
            }
            case MOD -> {
                scale = Math.max(s1, s2);
                precision = Math.max(p1 - s1, p2 - s2) + scale;
            }
            default -> {
                scale = s1;
                precision = p1;
            }
        }
        scale = Math.min(scale, MAX_SCALE);
        precision = Math.max(Math.min(precision, MAX_PRECISION), Math.max(scale, 1));
        return f.createSqlType(SqlTypeName.DECIMAL, precision, scale);
    }

    /** True when the type is a character string. */
    public static boolean isString(RelDataType t) {
        return SqlTypeUtil.isCharacter(t);
    }
}
