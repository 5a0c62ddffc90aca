package io.basalt.server.dml;

import io.basalt.server.sql.func.MysqlOperators;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.BitString;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Converts literal expressions straight to runtime values, so bulk INSERT ... VALUES never
 * goes through the planner.
 */
public final class LiteralValues {
    private LiteralValues() {}

    /** The value of a literal, or null for NULL and for anything that is not a plain literal. */
    public static Object valueOf(SqlNode literal) {
        Object[] out = new Object[1];
        return tryConvert(literal, out, 0) ? out[0] : null;
    }

    /** Stores the value of {@code e} at {@code out[i]} and returns true if {@code e} is a (signed) literal. */
    static boolean tryConvert(SqlNode e, Object[] out, int i) {
        boolean negate = false;
        SqlNode n = e;
        while (n instanceof SqlBasicCall call && call.getOperator() == MysqlOperators.UNARY_MINUS) {
            negate = !negate;
            n = call.operand(0);
        }
        if (!(n instanceof SqlLiteral lit)) {
            return false;
        }
        Object v;
        if (lit instanceof SqlNumericLiteral num) {
            BigDecimal d = num.getValueAs(BigDecimal.class);
            if (negate) {
                d = d.negate();
            }
            if (!num.isExact()) {
                v = d.doubleValue();
            } else if (d.scale() <= 0) {
                try {
                    v = d.longValueExact();
                } catch (ArithmeticException ex) {
                    v = d;
                }
            } else {
                v = d;
            }
            out[i] = v;
            return true;
        }
        if (negate) {
            return false;
        }
        SqlTypeName t = lit.getTypeName();
        switch (t) {
            case NULL -> v = null;
            case BOOLEAN -> v = lit.booleanValue();
            case CHAR -> v = lit.getValueAs(NlsString.class).getValue();
            case BINARY -> v = lit.getValueAs(BitString.class).getAsByteArray();
            case DATE -> v = LocalDate.ofEpochDay(lit.getValueAs(DateString.class).getDaysSinceEpoch());
            case TIMESTAMP -> v = LocalDateTime.parse(lit.getValueAs(TimestampString.class).toString().replace(' ', 'T'));
            case TIME -> v = io.basalt.server.exec.value.TimeValues.ofTimeOfDay(LocalTime.parse(lit.getValueAs(TimeString.class).toString()));
            default -> {
                return false;
            }
        }
        out[i] = v;
        return true;
    }
}
