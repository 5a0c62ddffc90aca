package io.basalt.server.sql.plan;

import com.google.common.collect.ImmutableSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeCoercionRule;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Implicit conversions as MySQL compares mixed operands: a string or binary string against a
 * number compares as DOUBLE, a TIME against a number too (the TIME as [-]HHMMSS), a binary
 * string against a string compares as text.
 */
final class MysqlTypeCoercion extends TypeCoercionImpl {
    MysqlTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
        super(typeFactory, validator);
    }

    /**
     * Calcite's cast rules plus MySQL's casts between TIME and numbers: CAST(1234 AS TIME) is
     * 00:12:34, CAST(TIME '01:30:00' AS SIGNED) is 13000.
     */
    static final SqlTypeCoercionRule CAST_RULES = castRules();

    private static SqlTypeCoercionRule castRules() {
        Map<SqlTypeName, ImmutableSet<SqlTypeName>> rules = new HashMap<>(SqlTypeCoercionRule.lenientInstance().getTypeMapping());
        List<SqlTypeName> numeric = List.of(SqlTypeName.TINYINT, SqlTypeName.SMALLINT, SqlTypeName.INTEGER,
                SqlTypeName.BIGINT, SqlTypeName.DECIMAL, SqlTypeName.FLOAT, SqlTypeName.REAL, SqlTypeName.DOUBLE);
        rules.put(SqlTypeName.TIME, ImmutableSet.<SqlTypeName>builder().addAll(rules.get(SqlTypeName.TIME))
                .addAll(numeric).build());
        for (SqlTypeName n : numeric) {
            rules.put(n, ImmutableSet.<SqlTypeName>builder().addAll(rules.get(n)).add(SqlTypeName.TIME).build());
        }
        return SqlTypeCoercionRule.instance(rules);
    }

    @Override
    public RelDataType commonTypeForBinaryComparison(RelDataType type1, RelDataType type2) {
        if (type1 != null && type2 != null) {
            boolean text1 = SqlTypeUtil.isCharacter(type1) || SqlTypeUtil.isBinary(type1);
            boolean text2 = SqlTypeUtil.isCharacter(type2) || SqlTypeUtil.isBinary(type2);
            boolean nullable = type1.isNullable() || type2.isNullable();
            boolean time1 = type1.getSqlTypeName() == SqlTypeName.TIME;
            boolean time2 = type2.getSqlTypeName() == SqlTypeName.TIME;
            if ((text1 || time1) && SqlTypeUtil.isNumeric(type2) || (text2 || time2) && SqlTypeUtil.isNumeric(type1)) {
                return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.DOUBLE), nullable);
            }
            if ((SqlTypeUtil.isBinary(type1) && SqlTypeUtil.isCharacter(type2))
                    || (SqlTypeUtil.isCharacter(type1) && SqlTypeUtil.isBinary(type2))) {
                return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.VARCHAR), nullable);
            }
        }
        return super.commonTypeForBinaryComparison(type1, type2);
    }

    /**
     * Calcite checks the casts it inserts against its own lenient rules, which have no TIME to
     * number cast; this inserts that one itself.
     */
    @Override
    protected boolean coerceOperandType(SqlValidatorScope scope, SqlCall call, int index, RelDataType targetType) {
        SqlNode operand = call.getOperandList().get(index);
        RelDataType from = validator.deriveType(scope, operand);
        if (from.getSqlTypeName() == SqlTypeName.TIME && SqlTypeUtil.isNumeric(targetType)) {
            RelDataType target = factory.createTypeWithNullability(targetType, from.isNullable());
            SqlNode cast = SqlStdOperatorTable.CAST.createCall(SqlParserPos.ZERO, operand,
                    SqlTypeUtil.convertTypeToSpec(target).withNullable(target.isNullable()));
            call.setOperand(index, cast);
            updateInferredType(cast, target);
            return true;
        }
        return super.coerceOperandType(scope, call, index, targetType);
    }
}
