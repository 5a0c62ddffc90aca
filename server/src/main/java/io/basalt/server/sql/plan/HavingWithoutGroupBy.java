package io.basalt.server.sql.plan;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * MySQL accepts HAVING in a query without GROUP BY or aggregates and applies it to the result
 * rows like a WHERE that may name select-list aliases (Connector/J's getTables does this).
 * Calcite would treat such a query as one big group; this rewrite turns the HAVING into a WHERE
 * condition, replacing each alias with the expression it names. Queries with aggregates or window
 * functions keep their HAVING.
 */
final class HavingWithoutGroupBy {
    private static final Set<String> AGGREGATE_NAMES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX", "GROUP_CONCAT",
            "BIT_AND", "BIT_OR", "BIT_XOR", "STD", "STDDEV", "STDDEV_POP", "STDDEV_SAMP", "VAR_POP", "VAR_SAMP",
            "VARIANCE", "ANY_VALUE", "JSON_ARRAYAGG", "JSON_OBJECTAGG");

    private HavingWithoutGroupBy() {}

    /** Rewrites every qualifying SELECT in {@code node}, in place. */
    static void rewrite(SqlNode node) {
        if (node == null) {
            return;
        }
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlSelect select) {
                    rewriteSelect(select);
                }
                return super.visit(call);
            }
        });
    }

    private static void rewriteSelect(SqlSelect select) {
        SqlNode having = select.getHaving();
        SqlNodeList group = select.getGroup();
        if (having == null || group != null && !group.isEmpty() || aggregates(select.getSelectList())
                || aggregates(having)) {
            return;
        }
        Map<String, SqlNode> aliases = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (SqlNode item : select.getSelectList()) {
            if (item instanceof SqlBasicCall as && as.getKind() == SqlKind.AS) {
                aliases.putIfAbsent(((SqlIdentifier) as.operand(1)).getSimple(), as.operand(0));
            }
        }
        SqlNode condition = having.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlIdentifier id) {
                SqlNode expr = id.isSimple() ? aliases.get(id.getSimple()) : null;
                return expr == null ? id : NonGroupedColumns.copy(expr);
            }

            @Override
            public SqlNode visit(SqlCall call) {
                // a subquery's names are its own
                return call instanceof SqlSelect ? call : super.visit(call);
            }
        });
        SqlNode where = select.getWhere();
        select.setWhere(where == null ? condition
                : SqlStdOperatorTable.AND.createCall(having.getParserPosition(), where, condition));
        select.setHaving(null);
    }

    private static boolean aggregates(SqlNode node) {
        if (node == null) {
            return false;
        }
        boolean[] found = {false};
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlSelect) {
                    return null;
                }
                String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
                if (call.getOperator().isAggregator() || call.getKind() == SqlKind.OVER
                        || AGGREGATE_NAMES.contains(name)) {
                    found[0] = true;
                    return null;
                }
                return super.visit(call);
            }
        });
        return found[0];
    }
}
