package io.basalt.server.sql.plan;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * A recursive common table expression's columns get their types from the whole union, but while
 * the validator types the recursive part, its references to the expression still have the seed's
 * types. When the recursive part widens a column ({@code n + 1} of an INT is a BIGINT), the plan
 * would disagree with the validated types. The planner then casts the seed's columns to the
 * union's types ({@link #widenSeeds}) and validates again, until the two agree.
 *
 * <p>MySQL instead fixes the types from the seed alone and truncates or rejects wider values;
 * widening gives the same values where MySQL succeeds and keeps the rest whole.
 */
final class RecursiveSeedTypes {
    /** Rounds of widening before giving up; each round widens at least one column. */
    static final int MAX_ROUNDS = 16;

    private RecursiveSeedTypes() {}

    /**
     * A copy of {@code original} in which each seed column whose validated type differs from its
     * union's is cast to the union's type, or null when all agree (or a seed's shape is not one
     * this can rewrite: a single SELECT without {@code *}).
     */
    static SqlNode widenSeeds(SqlNode original, SqlValidator validator, SqlNode validated,
            RelDataTypeFactory types) {
        List<SqlWithItem> checked = recursiveItems(validated);
        if (checked.isEmpty()) {
            return null;
        }
        SqlNode copy = NonGroupedColumns.copy(original);
        List<SqlWithItem> fresh = recursiveItems(copy);
        if (fresh.size() != checked.size()) {
            return null;
        }
        boolean changed = false;
        for (int i = 0; i < checked.size(); i++) {
            SqlCall union = union(checked.get(i).query);
            SqlCall freshUnion = union(fresh.get(i).query);
            if (union == null || freshUnion == null || !(freshUnion.operand(0) instanceof SqlSelect seed)) {
                continue;
            }
            RelDataType whole = validator.getValidatedNodeTypeIfKnown(union);
            if (whole == null || !(union.operand(0) instanceof SqlSelect checkedSeed)
                    || checkedSeed.getSelectList().size() != whole.getFieldCount()
                    || seed.getSelectList().size() != whole.getFieldCount()) {
                continue;
            }
            SqlNodeList items = seed.getSelectList();
            for (int c = 0; c < items.size(); c++) {
                RelDataType target = whole.getFieldList().get(c).getType();
                // The seed's own type for the column, which the recursive part's references see:
                // the type before the casts the validator's type coercion put around it.
                RelDataType actual = validator.getValidatedNodeTypeIfKnown(beforeCoercion(
                        expression(checkedSeed.getSelectList().get(c)), expression(items.get(c))));
                if (actual == null || SqlTypeUtil.equalSansNullability(types, target, actual)) {
                    continue;
                }
                SqlNode item = items.get(c);
                if (item instanceof SqlIdentifier id && id.isStar()) {
                    return null;
                }
                items.set(c, cast(item, target, whole.getFieldList().get(c).getName()));
                changed = true;
            }
        }
        return changed ? copy : null;
    }

    /** {@code validated} without the CASTs validation wrapped around what {@code parsed} has. */
    private static SqlNode beforeCoercion(SqlNode validated, SqlNode parsed) {
        int extra = casts(validated) - casts(parsed);
        SqlNode n = validated;
        for (int i = 0; i < extra; i++) {
            n = ((SqlCall) n).operand(0);
        }
        return n;
    }

    private static int casts(SqlNode n) {
        int depth = 0;
        while (n.getKind() == SqlKind.CAST) {
            n = ((SqlCall) n).operand(0);
            depth++;
        }
        return depth;
    }

    private static SqlNode expression(SqlNode item) {
        return item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
    }

    private static SqlNode cast(SqlNode item, RelDataType type, String name) {
        SqlParserPos p = item.getParserPosition();
        SqlNode expr = item;
        String alias = name;
        if (item.getKind() == SqlKind.AS) {
            SqlCall as = (SqlCall) item;
            expr = as.operand(0);
            alias = ((SqlIdentifier) as.operand(1)).getSimple();
        }
        SqlNode cast = SqlStdOperatorTable.CAST.createCall(p, expr, SqlTypeUtil.convertTypeToSpec(type));
        return SqlStdOperatorTable.AS.createCall(p, cast, new SqlIdentifier(alias, p));
    }

    /**
     * The error for a query whose recursive WITH item {@code name} could not be resolved where it
     * refers to itself, which happens when its body is not the one shape Basalt runs (one
     * non-recursive block, UNION [ALL], one recursive block); null when no such item exists.
     */
    static BasaltException unsupportedShape(SqlNode query, String name) {
        for (SqlWithItem item : recursiveItems(query)) {
            if (!item.name.getSimple().equalsIgnoreCase(name)) {
                continue;
            }
            if (!hasUnion(item.query)) {
                return BasaltException.of(ErrorCode.CTE_RECURSIVE_REQUIRES_UNION, "Recursive Common Table Expression "
                        + "'%s' should have one or more non-recursive query blocks followed by one or more recursive ones",
                        item.name.getSimple());
            }
            return BasaltException.of(ErrorCode.NOT_SUPPORTED, "This version of Basalt doesn't yet support "
                    + "'a recursive common table expression other than one non-recursive query block, UNION [ALL] "
                    + "and one recursive query block, without ORDER BY or LIMIT' (in '%s')", item.name.getSimple());
        }
        return null;
    }

    private static boolean hasUnion(SqlNode query) {
        boolean[] found = {false};
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                found[0] |= call.getKind() == SqlKind.UNION;
                return super.visit(call);
            }
        });
        return found[0];
    }

    /** Whether the tree has a recursive WITH item. */
    static boolean hasRecursive(SqlNode node) {
        return !recursiveItems(node).isEmpty();
    }

    private static SqlCall union(SqlNode query) {
        return query instanceof SqlCall call && call.getKind() == SqlKind.UNION && call.operandCount() == 2 ? call
                : null;
    }

    /** The recursive WITH items of a tree, in the order a walk meets them. */
    private static List<SqlWithItem> recursiveItems(SqlNode node) {
        List<SqlWithItem> found = new ArrayList<>();
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlWithItem item && item.recursive.booleanValue()) {
                    found.add(item);
                }
                return super.visit(call);
            }
        });
        return found;
    }
}
