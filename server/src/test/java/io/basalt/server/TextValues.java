package io.basalt.server;

import io.basalt.mysql.text.MysqlText;
import java.math.BigDecimal;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;

/** Renders a vector value the way the MySQL text protocol sends it, for test assertions. */
final class TextValues {
    private TextValues() {}

    static String of(FieldVector v, int i) {
        if (v.isNull(i)) {
            return null;
        }
        if (v instanceof BitVector b) {
            return b.get(i) != 0 ? "1" : "0";
        }
        if (v instanceof Float8Vector f) {
            return MysqlText.formatDouble(f.get(i));
        }
        if (v instanceof Float4Vector f) {
            return MysqlText.formatFloat(f.get(i));
        }
        if (v instanceof DecimalVector d) {
            BigDecimal x = d.getObject(i);
            return x.toPlainString();
        }
        if (v instanceof VarCharVector s) {
            return new String(s.get(i), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (v instanceof DateDayVector d) {
            return MysqlText.formatDate(d.get(i));
        }
        if (v instanceof TimeStampMicroVector t) {
            return MysqlText.formatDateTime(t.get(i), 0);
        }
        if (v instanceof TimeMicroVector t) {
            // As the MySQL face sends it: with the column's fractional digits.
            return MysqlText.formatTime(t.get(i), io.basalt.session.ColumnMetadata.getInt(v.getField(),
                    io.basalt.session.ColumnMetadata.SCALE, 0));
        }
        return String.valueOf(v.getObject(i));
    }
}
