package io.basalt.server.sql.type;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Calcite type system with MySQL's limits and aggregate result types: DECIMAL up to (65, 30),
 * SUM of exact values is DECIMAL, AVG adds four digits of scale, and both are DOUBLE for floats.
 */
public final class MysqlTypeSystem extends RelDataTypeSystemImpl {
    public static final MysqlTypeSystem INSTANCE = new MysqlTypeSystem();

    private static final int SUM_EXTRA_DIGITS = 22;

    private MysqlTypeSystem() {}

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case DECIMAL -> SqlType.MAX_DECIMAL_PRECISION;
            case VARCHAR, CHAR, VARBINARY, BINARY -> Integer.MAX_VALUE / 2;
            case TIMESTAMP, TIME, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 6;
            default -> super.getMaxPrecision(typeName);
        };
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? SqlType.MAX_DECIMAL_SCALE : super.getMaxScale(typeName);
    }

    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case VARCHAR, VARBINARY -> Integer.MAX_VALUE / 2;
            case TIMESTAMP, TIME -> 0;
            default -> super.getDefaultPrecision(typeName);
        };
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory f, RelDataType argumentType) {
        RelDataType t;
        if (SqlTypeUtil.isApproximateNumeric(argumentType) || SqlTypeUtil.isCharacter(argumentType)) {
            t = f.createSqlType(SqlTypeName.DOUBLE);
        } else if (SqlTypeUtil.isExactNumeric(argumentType) || argumentType.getSqlTypeName() == SqlTypeName.BOOLEAN) {
            int p = exactPrecision(argumentType);
            int s = argumentType.getSqlTypeName() == SqlTypeName.DECIMAL ? argumentType.getScale() : 0;
            t = f.createSqlType(SqlTypeName.DECIMAL, Math.min(SqlType.MAX_DECIMAL_PRECISION, p + SUM_EXTRA_DIGITS), s);
        } else {
            t = f.createSqlType(SqlTypeName.DOUBLE);
        }
        return f.createTypeWithNullability(t, argumentType.isNullable());
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory f, RelDataType argumentType) {
        RelDataType t;
        if (SqlTypeUtil.isExactNumeric(argumentType) || argumentType.getSqlTypeName() == SqlTypeName.BOOLEAN) {
            int p = exactPrecision(argumentType);
            int s = argumentType.getSqlTypeName() == SqlTypeName.DECIMAL ? argumentType.getScale() : 0;
            t = f.createSqlType(SqlTypeName.DECIMAL, Math.min(SqlType.MAX_DECIMAL_PRECISION, p + 4),
                    Math.min(SqlType.MAX_DECIMAL_SCALE, s + 4));
        } else {
            t = f.createSqlType(SqlTypeName.DOUBLE);
        }
        return f.createTypeWithNullability(t, argumentType.isNullable());
    }

    private static int exactPrecision(RelDataType t) {
        return switch (t.getSqlTypeName()) {
            case BOOLEAN -> 1;
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case INTEGER -> 10;
            case BIGINT -> 19;
            default -> t.getPrecision();
        };
    }
}
