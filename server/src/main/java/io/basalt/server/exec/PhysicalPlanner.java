package io.basalt.server.exec;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.exec.expr.Literals;
import io.basalt.server.exec.expr.Scalar;
import io.basalt.server.exec.expr.ScalarCompiler;
import io.basalt.server.exec.op.AggregateNode;
import io.basalt.server.exec.op.CorrelateNode;
import io.basalt.server.exec.op.FilterNode;
import io.basalt.server.exec.op.JoinNode;
import io.basalt.server.exec.op.PhysicalNode;
import io.basalt.server.exec.op.ProjectNode;
import io.basalt.server.exec.op.RepeatUnionNode;
import io.basalt.server.exec.op.RowComparator;
import io.basalt.server.exec.op.SetOpNode;
import io.basalt.server.exec.op.SortNode;
import io.basalt.server.exec.op.TableScanNode;
import io.basalt.server.exec.op.ValuesNode;
import io.basalt.server.exec.op.WindowNode;
import io.basalt.server.exec.op.WorkingTableScanNode;
import io.basalt.server.sql.plan.BasaltTable;
import io.basalt.server.sql.plan.BasaltTableScan;
import io.basalt.server.sql.plan.SystemTable;
import io.basalt.storage.TableStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RepeatUnion;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.TableSpool;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.schema.TransientTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.util.ImmutableBitSet;

/** Translates an optimized Calcite plan into executable {@link PhysicalNode}s. */
public final class PhysicalPlanner {
    private final RexBuilder rexBuilder;
    private final ScalarCompiler compiler;
    private final LongFunction<TableStore> stores;

    public PhysicalPlanner(RexBuilder rexBuilder, LongFunction<TableStore> stores) {
        this.rexBuilder = rexBuilder;
        this.compiler = new ScalarCompiler(rexBuilder);
        this.stores = stores;
    }

    /** Recursive queries being built: their working table's name → the key their nodes share. */
    private final Map<List<String>, Object> workingTables = new HashMap<>();

    public ScalarCompiler compiler() {
        return compiler;
    }

    public PhysicalNode build(RelNode rel) {
        if (rel instanceof BasaltTableScan scan) {
            return scan(scan);
        }
        if (rel instanceof TableScan scan && scan.getTable().unwrap(TransientTable.class) != null) {
            Object key = workingTables.get(scan.getTable().getQualifiedName());
            if (key == null) {
                throw unsupported(rel);
            }
            return new WorkingTableScanNode(key, scan.getRowType().getFieldCount());
        }
        if (rel instanceof TableScan scan) {
            BasaltTable bt = scan.getTable().unwrap(BasaltTable.class);
            if (bt != null) {
                int[] all = java.util.stream.IntStream.range(0, scan.getRowType().getFieldCount()).toArray();
                return new TableScanNode(bt.definition(), stores, all, null, null, List.of());
            }
            SystemTable st = scan.getTable().unwrap(SystemTable.class);
            if (st != null) {
                return new ValuesNode(ctx -> st.rows(), st.columns().size());
            }
            throw unsupported(rel);
        }
        if (rel instanceof Values values) {
            List<Object[]> rows = new ArrayList<>();
            for (List<RexLiteral> tuple : values.getTuples()) {
                Object[] row = new Object[tuple.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = Literals.value(tuple.get(i));
                }
                rows.add(row);
            }
            return new ValuesNode(ctx -> rows, values.getRowType().getFieldCount());
        }
        if (rel instanceof Filter filter) {
            return new FilterNode(build(filter.getInput()), compiler.compile(filter.getCondition()));
        }
        if (rel instanceof Project project) {
            return new ProjectNode(build(project.getInput()), compiler.compileAll(project.getProjects()));
        }
        if (rel instanceof Join join) {
            return join(join);
        }
        if (rel instanceof Correlate c) {
            return new CorrelateNode(build(c.getLeft()), build(c.getRight()), c.getCorrelationId(), c.getJoinType());
        }
        if (rel instanceof Aggregate agg) {
            return new AggregateNode(build(agg.getInput()), agg.getGroupSet(), agg.getGroupSets(), agg.getAggCallList());
        }
        if (rel instanceof Sort sort) {
            long offset = sort.offset == null ? 0 : limitValue(sort.offset);
            long fetch = sort.fetch == null ? -1 : limitValue(sort.fetch);
            RowComparator order = sort.getCollation().getFieldCollations().isEmpty() ? null
                    : new RowComparator(sort.getCollation().getFieldCollations());
            return new SortNode(build(sort.getInput()), order, offset, fetch);
        }
        if (rel instanceof RepeatUnion repeat) {
            return repeatUnion(repeat);
        }
        if (rel instanceof TableSpool spool) {
            // The spool's writes into the working table are RepeatUnionNode's job.
            return build(spool.getInput());
        }
        if (rel instanceof SetOp setOp) {
            List<PhysicalNode> inputs = new ArrayList<>();
            for (RelNode in : setOp.getInputs()) {
                inputs.add(build(in));
            }
            SetOpNode.Kind kind = rel instanceof Union ? SetOpNode.Kind.UNION
                    : rel instanceof Intersect ? SetOpNode.Kind.INTERSECT : SetOpNode.Kind.EXCEPT;
            if (!(rel instanceof Union) && !(rel instanceof Intersect) && !(rel instanceof Minus)) {
                throw unsupported(rel);
            }
            return new SetOpNode(kind, setOp.all, inputs);
        }
        if (rel instanceof Window window) {
            List<Object> constants = new ArrayList<>();
            for (RexLiteral lit : window.constants) {
                constants.add(Literals.value(lit));
            }
            return new WindowNode(build(window.getInput()), window.groups, constants);
        }
        throw unsupported(rel);
    }

    private PhysicalNode repeatUnion(RepeatUnion repeat) {
        RelOptTable table = repeat.getTransientTable();
        if (table == null) {
            throw unsupported(repeat);
        }
        Object key = new Object();
        List<String> name = table.getQualifiedName();
        forbidAggregation(repeat.getIterativeRel(), name);
        Object outer = workingTables.put(name, key);
        try {
            return new RepeatUnionNode(build(repeat.getSeedRel()), build(repeat.getIterativeRel()), repeat.all, key);
        } finally {
            if (outer == null) {
                workingTables.remove(name);
            } else {
                workingTables.put(name, outer);
            }
        }
    }

    /** MySQL's rule: a recursive query block neither aggregates nor uses window functions. */
    private static void forbidAggregation(RelNode iterative, List<String> cte) {
        new org.apache.calcite.rel.RelVisitor() {
            @Override
            public void visit(RelNode node, int ordinal, RelNode parent) {
                if (node instanceof RepeatUnion) {
                    return;
                }
                if ((node instanceof Aggregate || node instanceof Window) && reads(node, cte)) {
                    throw BasaltException.of(ErrorCode.CTE_RECURSIVE_FORBIDS_AGGREGATION, "Recursive Common Table "
                            + "Expression '%s' can contain neither aggregation nor window functions in recursive query "
                            + "block", cte.get(cte.size() - 1));
                }
                super.visit(node, ordinal, parent);
            }
        }.go(iterative);
    }

    /** Whether {@code rel} scans the working table named {@code name}. */
    private static boolean reads(RelNode rel, List<String> name) {
        if (rel instanceof TableScan scan && scan.getTable().getQualifiedName().equals(name)) {
            return true;
        }
        for (RelNode in : rel.getInputs()) {
            if (reads(in, name)) {
                return true;
            }
        }
        return false;
    }

    private PhysicalNode scan(BasaltTableScan scan) {
        RexNode filter = scan.filter();
        Scalar compiled = filter == null ? null : compiler.compile(filter);
        int[] filterColumns = filter == null ? null : inputs(filter).toArray();
        return new TableScanNode(scan.basaltTable().definition(), stores, scan.projects().toIntArray(), compiled,
                filterColumns, PruningRanges.from(filter, scan.basaltTable().definition(), rexBuilder));
    }

    private static ImmutableBitSet inputs(RexNode node) {
        ImmutableBitSet.Builder b = ImmutableBitSet.builder();
        node.accept(new RexVisitorImpl<Void>(true) {
            @Override
            public Void visitInputRef(RexInputRef ref) {
                b.set(ref.getIndex());
                return null;
            }
        });
        return b.build();
    }

    private PhysicalNode join(Join join) {
        PhysicalNode left = build(join.getLeft());
        PhysicalNode right = build(join.getRight());
        JoinInfo info = join.analyzeCondition();
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        List<RexNode> residual = new ArrayList<>(info.nonEquiConditions);
        List<RelDataType> leftTypes = join.getLeft().getRowType().getFieldList().stream().map(f -> f.getType()).toList();
        List<RelDataType> rightTypes = join.getRight().getRowType().getFieldList().stream().map(f -> f.getType()).toList();
        int leftWidth = leftTypes.size();
        for (int i = 0; i < info.leftKeys.size(); i++) {
            int l = info.leftKeys.get(i);
            int r = info.rightKeys.get(i);
            if (hashCompatible(leftTypes.get(l), rightTypes.get(r))) {
                leftKeys.add(l);
                rightKeys.add(r);
            } else {
                // Keys MySQL compares across types (string = number) are checked row by row.
                residual.add(rexBuilder.makeCall(org.apache.calcite.sql.fun.SqlStdOperatorTable.EQUALS,
                        rexBuilder.makeInputRef(leftTypes.get(l), l),
                        rexBuilder.makeInputRef(rightTypes.get(r), leftWidth + r)));
            }
        }
        Scalar cond = residual.isEmpty() ? null : compiler.compile(RexUtil.composeConjunction(rexBuilder, residual));
        return new JoinNode(left, right, join.getJoinType(), leftKeys.stream().mapToInt(Integer::intValue).toArray(),
                rightKeys.stream().mapToInt(Integer::intValue).toArray(), cond);
    }

    /** True when equal values of both types hash alike under {@code RowKey}. */
    private static boolean hashCompatible(RelDataType a, RelDataType b) {
        SqlTypeFamily fa = family(a);
        SqlTypeFamily fb = family(b);
        return fa != null && fa == fb;
    }

    private static SqlTypeFamily family(RelDataType t) {
        return switch (t.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, BOOLEAN -> SqlTypeFamily.EXACT_NUMERIC;
            case DOUBLE, FLOAT, REAL -> SqlTypeFamily.APPROXIMATE_NUMERIC;
            case CHAR, VARCHAR -> SqlTypeFamily.CHARACTER;
            case DATE -> SqlTypeFamily.DATE;
            case TIMESTAMP -> SqlTypeFamily.TIMESTAMP;
            case TIME -> SqlTypeFamily.TIME;
            case BINARY, VARBINARY -> SqlTypeFamily.BINARY;
            default -> null;
        };
    }

    private static long limitValue(RexNode n) {
        if (n instanceof RexLiteral lit) {
            Object v = Literals.value(lit);
            return v instanceof Number num ? num.longValue() : 0;
        }
        if (n instanceof RexDynamicParam) {
            throw new BasaltException(ErrorCode.NOT_SUPPORTED,
                    "This version of Basalt doesn't yet support '? in LIMIT'");
        }
        throw unsupported(n.toString());
    }

    private static BasaltException unsupported(RelNode rel) {
        return unsupported(rel.getRelTypeName());
    }

    private static BasaltException unsupported(String what) {
        return new BasaltException(ErrorCode.NOT_SUPPORTED, "This version of Basalt doesn't yet support '" + what + "'");
    }
}
