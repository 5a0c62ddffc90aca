package io.basalt.server.exec.expr;

import io.basalt.server.exec.value.TimeValues;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/** Turns a runtime value back into a Calcite literal of a given type (for constant folding). */
public final class ToRexLiteral {
    private ToRexLiteral() {}

    /** A literal for {@code v} typed {@code type}, or null when the value cannot be one. */
    public static RexNode make(RexBuilder rb, Object v, RelDataType type) {
        if (v == null) {
            return rb.makeNullLiteral(type);
        }
        Object literalValue = switch (type.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> v instanceof Long l ? BigDecimal.valueOf(l) : null;
            case DECIMAL -> v instanceof BigDecimal d ? d : null;
            case DOUBLE, FLOAT, REAL -> v instanceof Double d && Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
            case BOOLEAN -> v instanceof Boolean ? v : null;
            case CHAR, VARCHAR -> v instanceof String ? v : null;
            case DATE -> v instanceof LocalDate d ? DateString.fromDaysSinceEpoch((int) d.toEpochDay()) : null;
            case TIMESTAMP -> v instanceof LocalDateTime t
                    ? new TimestampString(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
                            t.getMinute(), t.getSecond()).withNanos(t.getNano()) : null;
            // Calcite's TIME literal is a time of day; other TIME values stay unfolded.
            case TIME -> v instanceof Duration d && TimeValues.isTimeOfDay(d) ? timeString(TimeValues.toLocalTime(d)) : null;
            case BINARY, VARBINARY -> v instanceof byte[] b ? new ByteString(b) : null;
            default -> null;
        };
        if (literalValue == null) {
            return null;
        }
        if (type.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.CHAR) {
            // CHAR literals are padded by Calcite; keep MySQL's unpadded value as VARCHAR.
            return null;
        }
        return rb.makeLiteral(literalValue, type, true);
    }

    private static TimeString timeString(LocalTime t) {
        return new TimeString(t.getHour(), t.getMinute(), t.getSecond()).withNanos(t.getNano());
    }
}
