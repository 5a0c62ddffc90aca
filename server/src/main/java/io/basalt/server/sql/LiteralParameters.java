package io.basalt.server.sql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Finds the whole-number literals that a query's top-level WHERE compares with columns
 * ({@code id = 5}, {@code k BETWEEN 1 AND 9}, {@code id IN (1, 2)}) and turns them into
 * placeholders, so that queries written with different numbers share one planned template (the
 * key is the query's text with the placeholders). Literals anywhere else (select list, subqueries,
 * LIMIT, expressions) stay as written.
 */
public final class LiteralParameters {

    /**
     * @param query the query with placeholders (the parsed node, changed in place)
     * @param values the literals' values, by placeholder index
     * @param key the query's text with placeholders
     */
    public record Extracted(SqlNode query, List<Object> values, String key) {}

    private final List<Object> values = new ArrayList<>();

    private LiteralParameters() {}

    /** The query with its WHERE literals as placeholders, or null when it has none to take. */
    public static Extracted extract(SqlNode query) {
        SqlSelect select = query instanceof SqlOrderBy ob && ob.query instanceof SqlSelect s ? s
                : query instanceof SqlSelect s ? s : null;
        if (select == null || select.getWhere() == null) {
            return null;
        }
        LiteralParameters p = new LiteralParameters();
        p.condition(select.getWhere());
        if (p.values.isEmpty()) {
            return null;
        }
        return new Extracted(query, List.copyOf(p.values), query.toString());
    }

    private void condition(SqlNode node) {
        if (!(node instanceof SqlBasicCall call)) {
            return;
        }
        switch (call.getKind()) {
            case AND, OR, NOT -> {
                for (SqlNode operand : call.getOperandList()) {
                    condition(operand);
                }
            }
            case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                if (call.operand(0) instanceof SqlIdentifier) {
                    take(call, 1);
                } else if (call.operand(1) instanceof SqlIdentifier) {
                    take(call, 0);
                }
            }
            case BETWEEN -> {
                if (call.operand(0) instanceof SqlIdentifier) {
                    take(call, 1);
                    take(call, 2);
                }
            }
            case IN, NOT_IN -> {
                if (call.operand(0) instanceof SqlIdentifier && call.operand(1) instanceof SqlNodeList list) {
                    for (SqlNode item : list) {
                        if (wholeNumber(item) == null) {
                            return;
                        }
                    }
                    for (int i = 0; i < list.size(); i++) {
                        list.set(i, param(wholeNumber(list.get(i))));
                    }
                }
            }
            default -> {
            }
        }
    }

    private void take(SqlBasicCall call, int operand) {
        Long v = wholeNumber(call.operand(operand));
        if (v != null) {
            call.setOperand(operand, param(v));
        }
    }

    private SqlDynamicParam param(long value) {
        values.add(value);
        return new SqlDynamicParam(values.size() - 1, SqlParserPos.ZERO);
    }

    private static Long wholeNumber(SqlNode node) {
        if (node instanceof SqlNumericLiteral n && n.isInteger()) {
            BigDecimal v = n.bigDecimalValue();
            if (v != null && v.scale() <= 0 && v.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                return v.longValueExact();
            }
        }
        return null;
    }
}
