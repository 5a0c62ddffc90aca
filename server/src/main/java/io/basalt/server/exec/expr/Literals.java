package io.basalt.server.exec.expr;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/** Converts Calcite literal values to Basalt's runtime representation and back. */
public final class Literals {
    private Literals() {}

    /** The runtime value of {@code lit}, typed by the literal's type. */
    public static Object value(RexLiteral lit) {
        if (lit.isNull()) {
            return null;
        }
        Comparable<?> v = lit.getValue();
        return switch (lit.getType().getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> ((Number) v).longValue();
            case DECIMAL -> {
                BigDecimal d = v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
                int scale = lit.getType().getScale();
                yield scale >= 0 && d.scale() != scale ? d.setScale(scale, java.math.RoundingMode.HALF_UP) : d;
            }
            case DOUBLE, FLOAT, REAL -> ((Number) v).doubleValue();
            case CHAR, VARCHAR -> v instanceof NlsString s ? s.getValue() : v.toString();
            case BOOLEAN -> (Boolean) v;
            case DATE -> {
                DateString d = lit.getValueAs(DateString.class);
                yield LocalDate.ofEpochDay(d.getDaysSinceEpoch());
            }
            case TIMESTAMP -> {
                TimestampString t = lit.getValueAs(TimestampString.class);
                yield LocalDateTime.parse(t.toString().replace(' ', 'T'));
            }
            case TIME -> {
                TimeString t = lit.getValueAs(TimeString.class);
                yield io.basalt.server.exec.value.TimeValues.ofTimeOfDay(LocalTime.parse(t.toString()));
            }
            case BINARY, VARBINARY -> ((ByteString) v).getBytes();
            case SYMBOL -> v;
            default -> v;
        };
    }
}
