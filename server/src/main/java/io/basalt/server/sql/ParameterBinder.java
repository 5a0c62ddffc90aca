package io.basalt.server.sql;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.exec.value.TimeValues;
import io.basalt.server.sql.ast.Statement;
import io.basalt.server.sql.parser.TimeLiterals;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * Puts prepared-statement parameter values into a parsed statement as typed literals, so an
 * execution is planned exactly like the same statement written with those values.
 */
public final class ParameterBinder extends SqlShuttle {
    private final List<Object> values;

    private ParameterBinder(List<Object> values) {
        this.values = values;
    }

    /** The statement with every {@code ?} replaced by the matching value. */
    public static Statement bind(Statement s, List<Object> values) {
        if (values.isEmpty()) {
            return s;
        }
        ParameterBinder b = new ParameterBinder(values);
        if (s instanceof Statement.Query q) {
            return new Statement.Query(b.node(q.query()), q.text(), q.calcFoundRows());
        }
        if (s instanceof Statement.Explain e) {
            return new Statement.Explain(bind(e.statement(), values), e.format());
        }
        if (s instanceof Statement.Insert i) {
            List<List<SqlNode>> rows = null;
            if (i.rows() != null) {
                rows = new ArrayList<>();
                for (List<SqlNode> row : i.rows()) {
                    List<SqlNode> r = new ArrayList<>();
                    for (SqlNode n : row) {
                        r.add(b.node(n));
                    }
                    rows.add(r);
                }
            }
            return new Statement.Insert(i.table(), i.columns(), rows, b.node(i.query()), i.replace(), i.ignore(),
                    b.assignments(i.onDuplicate()), i.text());
        }
        if (s instanceof Statement.Update u) {
            return new Statement.Update(u.table(), u.alias(), b.assignments(u.assignments()), b.node(u.where()),
                    b.node(u.orderBy()), b.node(u.limit()), u.text());
        }
        if (s instanceof Statement.Delete d) {
            return new Statement.Delete(d.table(), d.alias(), b.node(d.where()), b.node(d.orderBy()), b.node(d.limit()),
                    d.text());
        }
        if (s instanceof Statement.Set set) {
            List<Statement.VariableAssignment> out = new ArrayList<>();
            for (Statement.VariableAssignment a : set.assignments()) {
                out.add(new Statement.VariableAssignment(a.scope(), a.name(), b.node(a.value())));
            }
            return new Statement.Set(out);
        }
        throw new BasaltException(ErrorCode.NOT_SUPPORTED,
                "This version of Basalt doesn't yet support '? parameters in this statement'");
    }

    private List<Statement.Assignment> assignments(List<Statement.Assignment> in) {
        List<Statement.Assignment> out = new ArrayList<>();
        for (Statement.Assignment a : in) {
            out.add(new Statement.Assignment(a.column(), node(a.value())));
        }
        return out;
    }

    private SqlNode node(SqlNode n) {
        return n == null ? null : n.accept(this);
    }

    @Override
    public SqlNode visit(SqlDynamicParam param) {
        int i = param.getIndex();
        if (i >= values.size()) {
            throw BasaltException.of(ErrorCode.WRONG_ARGUMENTS, "Incorrect arguments to EXECUTE: %d values for more parameters",
                    values.size());
        }
        return literal(values.get(i), param.getParserPosition());
    }

    /** A literal with the value's natural SQL type. */
    public static SqlNode literal(Object v, SqlParserPos pos) {
        if (v == null) {
            return SqlLiteral.createNull(pos);
        }
        if (v instanceof Boolean b) {
            return SqlLiteral.createBoolean(b, pos);
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return SqlLiteral.createExactNumeric(v.toString(), pos);
        }
        if (v instanceof BigDecimal d) {
            return SqlLiteral.createExactNumeric(d.toPlainString(), pos);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw BasaltException.of(ErrorCode.WRONG_ARGUMENTS, "Incorrect parameter value %s", v);
            }
            return SqlLiteral.createApproxNumeric(Double.toString(d), pos);
        }
        if (v instanceof byte[] bytes) {
            return SqlLiteral.createBinaryString(bytes, pos);
        }
        if (v instanceof LocalDate d) {
            return SqlLiteral.createDate(DateString.fromDaysSinceEpoch((int) d.toEpochDay()), pos);
        }
        if (v instanceof LocalDateTime t) {
            TimestampString ts = new TimestampString(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
                    t.getMinute(), t.getSecond()).withNanos(t.getNano() / 1000 * 1000);
            return SqlLiteral.createTimestamp(ts, t.getNano() == 0 ? 0 : 6, pos);
        }
        if (v instanceof LocalTime t) {
            return literal(TimeValues.ofTimeOfDay(t), pos);
        }
        if (v instanceof Duration t) {
            if (!TimeValues.inRange(t)) {
                throw BasaltException.of(ErrorCode.TRUNCATED_WRONG_VALUE, "Incorrect TIME value: '%s'", TimeValues.format(t, -1));
            }
            Duration d = TimeValues.roundFraction(t, 6);
            return TimeLiterals.of(d, d.getNano() == 0 ? 0 : 6, pos);
        }
        return SqlLiteral.createCharString(v.toString(), pos);
    }
}
