package io.basalt.server.sql.func;

import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Result types of the TIME functions. Their fractional digits follow MySQL's rule: the most any
 * argument has, where a string constant has as many as it shows and any other string six.
 */
final class TimeTypes {
    private static final int MAX_FSP = 6;

    private TimeTypes() {}

    /** Fractional-second digits operand {@code i} contributes (MySQL's time_precision()). */
    static int fsp(SqlOperatorBinding b, int i) {
        RelDataType t = b.getOperandType(i);
        return switch (t.getSqlTypeName()) {
            case TIME, TIMESTAMP -> Math.max(0, Math.min(MAX_FSP, t.getPrecision()));
            case DATE, NULL, TINYINT, SMALLINT, INTEGER, BIGINT, BOOLEAN -> 0;
            case DECIMAL -> Math.max(0, Math.min(MAX_FSP, t.getScale()));
            case CHAR, VARCHAR -> {
                if (!b.isOperandLiteral(i, false)) {
                    yield MAX_FSP;
                }
                String s = b.getOperandLiteralValue(i, String.class);
                int dot = s == null ? -1 : s.strip().lastIndexOf('.');
                yield dot < 0 ? 0 : Math.min(MAX_FSP, s.strip().length() - dot - 1);
            }
            default -> MAX_FSP;
        };
    }

    private static RelDataType type(SqlOperatorBinding b, SqlTypeName n, int fsp) {
        RelDataTypeFactory f = b.getTypeFactory();
        RelDataType t = n == SqlTypeName.VARCHAR || n == SqlTypeName.DATE ? f.createSqlType(n) : f.createSqlType(n, fsp);
        return f.createTypeWithNullability(t, true);
    }

    /** TIME with the most fractional digits of any operand: TIME(x), TIMEDIFF. */
    static final SqlReturnTypeInference TIME_OF_ARGS = b -> {
        int fsp = 0;
        for (int i = 0; i < b.getOperandCount(); i++) {
            fsp = Math.max(fsp, fsp(b, i));
        }
        return type(b, SqlTypeName.TIME, fsp);
    };

    /** SEC_TO_TIME(s) and MAKETIME(h, m, s): TIME with the seconds operand's digits. */
    static final SqlReturnTypeInference TIME_OF_LAST = b -> type(b, SqlTypeName.TIME, fsp(b, b.getOperandCount() - 1));

    /** ADDTIME and SUBTIME: a DATETIME or DATE gives DATETIME, a TIME gives TIME, anything else text. */
    static final SqlReturnTypeInference ADDTIME = b -> {
        int fsp = Math.max(fsp(b, 0), fsp(b, 1));
        return switch (b.getOperandType(0).getSqlTypeName()) {
            case TIMESTAMP, DATE -> type(b, SqlTypeName.TIMESTAMP, fsp);
            case TIME -> type(b, SqlTypeName.TIME, fsp);
            default -> type(b, SqlTypeName.VARCHAR, 0);
        };
    };

    /** DATE_TRUNC(unit, d): DATE for a DATE, DATETIME otherwise (StarRocks). */
    static final SqlReturnTypeInference DATE_TRUNC = b -> b.getOperandType(1).getSqlTypeName() == SqlTypeName.DATE
            ? type(b, SqlTypeName.DATE, 0) : type(b, SqlTypeName.TIMESTAMP, 0);

    /**
     * DATE_ADD of a TIME (MySQL 8.0.28 on): still a TIME when the interval has only hours, minutes,
     * seconds and microseconds; a DATETIME (the TIME taken on the current date) when it has days,
     * weeks, months, quarters or years.
     */
    static RelDataType dateAddOfTime(SqlOperatorBinding b, String unit) {
        String u = unit == null ? "" : unit.toUpperCase(Locale.ROOT);
        boolean calendar = unit == null || u.contains("DAY") || u.contains("WEEK") || u.contains("MONTH")
                || u.contains("QUARTER") || u.contains("YEAR");
        int fsp = SqlTypeUtil.isCharacter(b.getOperandType(1)) || SqlTypeUtil.isDecimal(b.getOperandType(1))
                ? Math.max(fsp(b, 0), fsp(b, 1)) : fsp(b, 0);
        if (unit != null && unit.toUpperCase(Locale.ROOT).contains("MICROSECOND")) {
            fsp = MAX_FSP;
        }
        return type(b, calendar ? SqlTypeName.TIMESTAMP : SqlTypeName.TIME, fsp);
    }
}
