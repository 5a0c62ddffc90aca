package io.basalt.server.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Implicit conversions as MySQL compares mixed operands: a string or binary string against a
 * number compares as DOUBLE, a binary string against a string compares as text.
 */
final class MysqlTypeCoercion extends TypeCoercionImpl {
    MysqlTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
        super(typeFactory, validator);
    }

    @Override
    public RelDataType commonTypeForBinaryComparison(RelDataType type1, RelDataType type2) {
        if (type1 != null && type2 != null) {
            boolean text1 = SqlTypeUtil.isCharacter(type1) || SqlTypeUtil.isBinary(type1);
            boolean text2 = SqlTypeUtil.isCharacter(type2) || SqlTypeUtil.isBinary(type2);
            boolean nullable = type1.isNullable() || type2.isNullable();
            if ((text1 && SqlTypeUtil.isNumeric(type2)) || (text2 && SqlTypeUtil.isNumeric(type1))) {
                return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.DOUBLE), nullable);
            }
            if ((SqlTypeUtil.isBinary(type1) && SqlTypeUtil.isCharacter(type2))
                    || (SqlTypeUtil.isCharacter(type1) && SqlTypeUtil.isBinary(type2))) {
                return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.VARCHAR), nullable);
            }
        }
        return super.commonTypeForBinaryComparison(type1, type2);
    }
}
