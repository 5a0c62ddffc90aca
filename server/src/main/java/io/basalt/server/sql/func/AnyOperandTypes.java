package io.basalt.server.sql.func;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlOperandTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Operand checking for MySQL functions: only the count is checked, because MySQL converts any
 * argument type at run time and the evaluator applies those conversions.
 */
final class AnyOperandTypes implements SqlOperandTypeChecker {
    private final int min;
    private final int max;

    AnyOperandTypes(int min, int max) {
        this.min = min;
        this.max = max;
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding callBinding, boolean throwOnFailure) {
        return true;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
        return max < 0 ? SqlOperandCountRanges.from(min) : SqlOperandCountRanges.between(min, max);
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
        return opName + "(...)";
    }

    /**
     * Gives NULL literals and parameters a type: the first known operand's, else VARCHAR, so the
     * validator never rejects {@code f(NULL)} the way MySQL would accept it.
     */
    static final SqlOperandTypeInference FIRST_KNOWN_OR_VARCHAR = (binding, returnType, operandTypes) -> {
        RelDataTypeFactory f = binding.getTypeFactory();
        RelDataType known = null;
        for (int i = 0; i < binding.getOperandCount(); i++) {
            RelDataType t = binding.getOperandType(i);
            if (!t.getSqlTypeName().equals(SqlTypeName.NULL) && !isUnknown(binding, t)) {
                known = t;
                break;
            }
        }
        RelDataType fallback = known != null ? known : f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), true);
        for (int i = 0; i < operandTypes.length; i++) {
            RelDataType t = binding.getOperandType(i);
            operandTypes[i] = isUnknown(binding, t) || t.getSqlTypeName() == SqlTypeName.NULL
                    ? f.createTypeWithNullability(fallback, true) : t;
        }
    };

    private static boolean isUnknown(SqlCallBinding binding, RelDataType t) {
        return t.equals(binding.getValidator().getUnknownType());
    }
}
