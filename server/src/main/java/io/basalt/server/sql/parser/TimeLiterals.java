package io.basalt.server.sql.parser;

import io.basalt.server.exec.value.TimeValues;
import java.time.Duration;
import java.time.LocalTime;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.TimeString;

/**
 * TIME constants in the parse tree. Calcite's TIME literal holds only a time of day, so a MySQL
 * TIME outside 00:00:00..23:59:59 (negative, or 24 hours and more) becomes CAST('text' AS
 * TIME(fsp)), which the executor evaluates with the full -838:59:59..838:59:59 range.
 */
public final class TimeLiterals {
    private TimeLiterals() {}

    /** A TIME(fsp) constant for {@code d}, which must be within the TIME range. */
    public static SqlNode of(Duration d, int fsp, SqlParserPos p) {
        if (TimeValues.isTimeOfDay(d)) {
            LocalTime t = TimeValues.toLocalTime(d);
            TimeString ts = new TimeString(t.getHour(), t.getMinute(), t.getSecond()).withNanos(t.getNano());
            return SqlLiteral.createTime(ts, fsp, p);
        }
        SqlDataTypeSpec type = new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.TIME, fsp, p), p);
        return SqlStdOperatorTable.CAST.createCall(p, SqlLiteral.createCharString(TimeValues.format(d, fsp), p), type);
    }
}
