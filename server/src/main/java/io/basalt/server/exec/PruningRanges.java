package io.basalt.server.exec;

import io.basalt.server.catalog.ColumnDef;
import io.basalt.server.catalog.TableDef;
import io.basalt.server.exec.expr.Literals;
import io.basalt.server.exec.value.Temporals;
import io.basalt.storage.ColumnRange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Derives storage pruning ranges from a scan filter: each top-level conjunct of the form
 * {@code column op literal} (or IS [NOT] NULL) becomes a range storage checks against segment
 * min/max statistics. Ranges only ever skip data the filter would reject anyway; strings are not
 * pushed because storage statistics use binary order and MySQL compares case-insensitively.
 */
public final class PruningRanges {
    private PruningRanges() {}

    public static List<ColumnRange> from(RexNode filter, TableDef table, RexBuilder rb) {
        List<ColumnRange> out = new ArrayList<>();
        if (filter == null) {
            return out;
        }
        RexNode expanded = RexUtil.expandSearch(rb, null, filter);
        for (RexNode c : RelOptUtil.conjunctions(expanded)) {
            ColumnRange r = range(c, table);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private static ColumnRange range(RexNode node, TableDef table) {
        if (!(node instanceof RexCall call)) {
            return null;
        }
        SqlKind kind = call.getKind();
        if (kind == SqlKind.IS_NULL || kind == SqlKind.IS_NOT_NULL) {
            Integer col = column(call.getOperands().get(0));
            if (col == null || col >= table.columns().size()) {
                return null;
            }
            int id = table.columns().get(col).id();
            return kind == SqlKind.IS_NULL ? ColumnRange.isNull(id) : ColumnRange.isNotNull(id);
        }
        if (call.getOperands().size() != 2) {
            return null;
        }
        RexNode a = call.getOperands().get(0);
        RexNode b = call.getOperands().get(1);
        Integer col = column(a);
        RexNode lit = b;
        if (col == null) {
            col = column(b);
            lit = a;
            kind = kind.reverse();
        }
        if (col == null || col >= table.columns().size() || !(lit instanceof RexLiteral literal) || literal.isNull()) {
            return null;
        }
        ColumnDef def = table.columns().get(col);
        Object value = storageValue(def, Literals.value(literal));
        if (value == null) {
            return null;
        }
        int id = def.id();
        return switch (kind) {
            case EQUALS -> ColumnRange.equalTo(id, value);
            case LESS_THAN -> ColumnRange.lessThan(id, value, false);
            case LESS_THAN_OR_EQUAL -> ColumnRange.lessThan(id, value, true);
            case GREATER_THAN -> ColumnRange.greaterThan(id, value, false);
            case GREATER_THAN_OR_EQUAL -> ColumnRange.greaterThan(id, value, true);
            default -> null;
        };
    }

    private static Integer column(RexNode n) {
        if (n instanceof RexInputRef ref) {
            return ref.getIndex();
        }
        // A widening cast of a column keeps its order.
        if (n instanceof RexCall c && c.getKind() == SqlKind.CAST && c.getOperands().get(0) instanceof RexInputRef ref) {
            var from = ref.getType().getSqlTypeName();
            var to = c.getType().getSqlTypeName();
            boolean integers = isInteger(from) && isInteger(to);
            if (integers) {
                return ref.getIndex();
            }
        }
        return null;
    }

    private static boolean isInteger(org.apache.calcite.sql.type.SqlTypeName t) {
        return switch (t) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> true;
            default -> false;
        };
    }

    /** The literal in storage's value representation for the column, or null when not comparable exactly. */
    private static Object storageValue(ColumnDef def, Object v) {
        return switch (def.type().kind()) {
            case TINYINT, SMALLINT, INT, BIGINT -> v instanceof Long l && !def.type().unsigned() ? l : null;
            case DOUBLE -> v instanceof Double d ? d : v instanceof Long l ? (double) l : null;
            case DECIMAL -> v instanceof BigDecimal d ? d : v instanceof Long l ? BigDecimal.valueOf(l) : null;
            case DATE -> v instanceof LocalDate d ? (int) d.toEpochDay() : null;
            case DATETIME, TIMESTAMP -> v instanceof LocalDateTime t ? Temporals.toEpochMicros(t) : null;
            // Stored as signed microseconds, so storage's long order is TIME's order, negatives included.
            case TIME -> v instanceof java.time.Duration d ? io.basalt.server.exec.value.TimeValues.toMicros(d) : null;
            default -> null;
        };
    }
}
