package io.basalt.server.exec;

import io.basalt.server.catalog.Catalog;
import io.basalt.server.sql.plan.BasaltTableScan;
import io.basalt.server.sql.plan.PlannedQuery;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * A prepared query planned once with its {@code ?} placeholders in place, for executions whose
 * values can be put into the plan as literals of the placeholders' types without changing what
 * the query means: whole numbers for integer placeholders, and NULL. Each execution then costs a
 * substitution and a physical plan instead of a validation and an optimization (most of a point
 * query's time). Anything else runs the usual way, the values bound into the statement's text.
 *
 * <p>A template holds for one catalog (any DDL makes a new one), database, account and sql_mode.
 * Queries whose plan would capture something of the moment are never templated: functions of the
 * clock, the session or chance, user variables, and system tables.
 */
public final class QueryTemplate {

    /** Functions whose value the planner may fold from the statement's environment. */
    private static final Set<String> MOMENTARY = Set.of("NOW", "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME",
            "CURDATE", "CURTIME", "SYSDATE", "LOCALTIME", "LOCALTIMESTAMP", "UTC_DATE", "UTC_TIME", "UTC_TIMESTAMP",
            "UNIX_TIMESTAMP", "RAND", "UUID", "UUID_SHORT", "LAST_INSERT_ID", "CONNECTION_ID", "USER", "CURRENT_USER",
            "SESSION_USER", "SYSTEM_USER", "DATABASE", "SCHEMA", "VERSION", "FOUND_ROWS", "ROW_COUNT", "SLEEP",
            "BENCHMARK", "CURRENT_ROLE");

    private final Catalog catalog;
    private final String database;
    private final String account;
    private final String sqlMode;
    private final PlannedQuery planned;
    private final Map<Integer, RelDataType> parameterTypes;

    private QueryTemplate(Catalog catalog, String database, String account, String sqlMode, PlannedQuery planned,
            Map<Integer, RelDataType> parameterTypes) {
        this.catalog = catalog;
        this.database = database;
        this.account = account;
        this.sqlMode = sqlMode;
        this.planned = planned;
        this.parameterTypes = parameterTypes;
    }

    /** Whether {@code query}'s text allows a template at all (see the class comment). */
    public static boolean templatable(SqlNode query) {
        boolean[] ok = {true};
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
                if (MOMENTARY.contains(name) || name.startsWith("@")) {
                    ok[0] = false;
                }
                return super.visit(call);
            }

            @Override
            public Void visit(SqlIdentifier id) {
                for (String part : id.names) {
                    String upper = part.toUpperCase(Locale.ROOT);
                    if (part.startsWith("@") || MOMENTARY.contains(upper)) {
                        ok[0] = false;
                    }
                }
                return null;
            }
        });
        return ok[0];
    }

    /**
     * Plans {@code query} with its placeholders; null when it cannot be templated (its placeholders'
     * types cannot be inferred, or it reads something other than user tables and views).
     */
    public static QueryTemplate plan(SqlNode query, QueryContext qc) {
        if (!templatable(query)) {
            return null;
        }
        PlannedQuery planned;
        try {
            planned = QueryRunner.planner(qc, -1).plan(query);
        } catch (RuntimeException e) {
            // e.g. a placeholder whose type nothing determines: such queries run with bound values
            return null;
        }
        for (List<String> object : planned.readObjects()) {
            if (object.size() != 2 || qc.catalog().database(object.get(0)) == null) {
                return null;
            }
        }
        Map<Integer, RelDataType> types = new HashMap<>();
        rewrite(planned.rel(), new RexShuttle() {
            @Override
            public RexNode visitDynamicParam(RexDynamicParam p) {
                types.put(p.getIndex(), p.getType());
                return p;
            }
        });
        return new QueryTemplate(qc.catalog(), qc.database(), qc.env().currentUser(), qc.env().sqlMode(), planned,
                Map.copyOf(types));
    }

    /** Whether this template was planned under the catalog, database, account and sql_mode of {@code qc}. */
    public boolean holdsFor(QueryContext qc) {
        return catalog == qc.catalog() && java.util.Objects.equals(database, qc.database())
                && account.equals(qc.env().currentUser()) && java.util.Objects.equals(sqlMode, qc.env().sqlMode());
    }

    /** Whether each of {@code values} can become a literal of its placeholder's type unchanged. */
    public boolean accepts(List<Object> values) {
        for (Map.Entry<Integer, RelDataType> e : parameterTypes.entrySet()) {
            if (e.getKey() >= values.size()) {
                return false;
            }
            Object v = values.get(e.getKey());
            if (v != null && !fitsInteger(v, e.getValue().getSqlTypeName())) {
                return false;
            }
        }
        return true;
    }

    private static boolean fitsInteger(Object v, SqlTypeName type) {
        if (!(v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte)) {
            return false;
        }
        long x = ((Number) v).longValue();
        return switch (type) {
            case TINYINT -> x >= Byte.MIN_VALUE && x <= Byte.MAX_VALUE;
            case SMALLINT -> x >= Short.MIN_VALUE && x <= Short.MAX_VALUE;
            case INTEGER -> x >= Integer.MIN_VALUE && x <= Integer.MAX_VALUE;
            case BIGINT -> true;
            default -> false;
        };
    }

    /** The plan with {@code values} (which {@link #accepts}) in place of the placeholders. */
    PlannedQuery bind(List<Object> values) {
        RexBuilder rb = planned.rel().getCluster().getRexBuilder();
        RelNode rel = rewrite(planned.rel(), new RexShuttle() {
            @Override
            public RexNode visitDynamicParam(RexDynamicParam p) {
                Object v = values.get(p.getIndex());
                return v == null ? rb.makeNullLiteral(p.getType())
                        : rb.makeExactLiteral(BigDecimal.valueOf(((Number) v).longValue()), p.getType());
            }
        });
        return new PlannedQuery(rel, planned.rowType(), planned.labels(), planned.origins(), planned.readObjects());
    }

    /**
     * Applies {@code rex} to every expression of the plan, bottom up, including filters pushed into
     * scans and LIMIT/OFFSET; nodes without a change are kept as they are.
     */
    private static RelNode rewrite(RelNode node, RexShuttle rex) {
        List<RelNode> inputs = new ArrayList<>();
        boolean changed = false;
        for (RelNode input : node.getInputs()) {
            RelNode r = rewrite(input, rex);
            inputs.add(r);
            changed |= r != input;
        }
        RelNode n = changed ? node.copy(node.getTraitSet(), inputs) : node;
        if (n instanceof BasaltTableScan scan) {
            return scan.filter() == null ? scan : withFilter(scan, scan.filter().accept(rex));
        }
        if (n instanceof Sort sort) {
            RexNode offset = sort.offset == null ? null : sort.offset.accept(rex);
            RexNode fetch = sort.fetch == null ? null : sort.fetch.accept(rex);
            if (offset != sort.offset || fetch != sort.fetch) {
                n = sort.copy(sort.getTraitSet(), sort.getInput(), sort.getCollation(), offset, fetch);
            }
        }
        return n.accept(rex);
    }

    private static RelNode withFilter(BasaltTableScan scan, RexNode filter) {
        return filter == scan.filter() ? scan : scan.withFilter(filter);
    }
}
