package io.basalt.server.sql.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.ImmutableIntList;

/**
 * The rules that plug Basalt's storage scan into Calcite: a table scan becomes a
 * {@link BasaltTableScan}, then filters and projections above it move into it.
 */
public final class ScanRules {
    private ScanRules() {}

    /** LogicalTableScan of a Basalt table → BasaltTableScan of all columns. */
    public static final RelOptRule TABLE_SCAN = new RelOptRule(
            RelOptRule.operand(LogicalTableScan.class, RelOptRule.none()), "BasaltTableScanRule") {
        @Override
        public boolean matches(RelOptRuleCall call) {
            LogicalTableScan scan = call.rel(0);
            return scan.getTable().unwrap(BasaltTable.class) != null;
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            LogicalTableScan scan = call.rel(0);
            call.transformTo(BasaltTableScan.of(scan.getCluster(), scan.getTable()));
        }
    };

    /** Filter over BasaltTableScan → the scan with the filter pushed in. */
    public static final RelOptRule FILTER_INTO_SCAN = new RelOptRule(
            RelOptRule.operand(Filter.class, RelOptRule.operand(BasaltTableScan.class, RelOptRule.none())),
            "BasaltFilterIntoScanRule") {
        @Override
        public boolean matches(RelOptRuleCall call) {
            Filter filter = call.rel(0);
            return RexUtil.isDeterministic(filter.getCondition()) && !RexUtil.containsCorrelation(filter.getCondition())
                    && !containsSubQuery(filter.getCondition());
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            Filter filter = call.rel(0);
            BasaltTableScan scan = call.rel(1);
            RexBuilder rb = filter.getCluster().getRexBuilder();
            ImmutableIntList projects = scan.projects();
            // Rewrite the condition from the scan's output columns to table columns.
            RexNode mapped = filter.getCondition().accept(new RexShuttle() {
                @Override
                public RexNode visitInputRef(RexInputRef ref) {
                    int tableIndex = projects.get(ref.getIndex());
                    return rb.makeInputRef(ref.getType(), tableIndex);
                }
            });
            RexNode combined = scan.filter() == null ? mapped : RexUtil.composeConjunction(rb, List.of(scan.filter(), mapped));
            call.transformTo(scan.withFilter(combined));
        }
    };

    /** Project over BasaltTableScan → the scan reads only the columns the projection uses. */
    public static final RelOptRule PROJECT_INTO_SCAN = new RelOptRule(
            RelOptRule.operand(Project.class, RelOptRule.operand(BasaltTableScan.class, RelOptRule.none())),
            "BasaltProjectIntoScanRule") {
        @Override
        public boolean matches(RelOptRuleCall call) {
            Project project = call.rel(0);
            BasaltTableScan scan = call.rel(1);
            ImmutableBitSet used = RelOptInputFinder.inputs(project.getProjects());
            return used.cardinality() < scan.projects().size() || allInputRefs(project);
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            Project project = call.rel(0);
            BasaltTableScan scan = call.rel(1);
            ImmutableBitSet used = RelOptInputFinder.inputs(project.getProjects());
            List<Integer> newProjects = new ArrayList<>();
            int[] remap = new int[scan.projects().size()];
            for (int i : used) {
                remap[i] = newProjects.size();
                newProjects.add(scan.projects().get(i));
            }
            BasaltTableScan newScan = scan.withProjects(ImmutableIntList.copyOf(newProjects));
            RexBuilder rb = project.getCluster().getRexBuilder();
            List<RexNode> exprs = new ArrayList<>();
            for (RexNode e : project.getProjects()) {
                exprs.add(e.accept(new RexShuttle() {
                    @Override
                    public RexNode visitInputRef(RexInputRef ref) {
                        return rb.makeInputRef(ref.getType(), remap[ref.getIndex()]);
                    }
                }));
            }
            RelBuilder b = call.builder();
            b.push(newScan);
            b.project(exprs, project.getRowType().getFieldNames(), false);
            call.transformTo(b.build());
        }
    };

    private static boolean allInputRefs(Project project) {
        for (RexNode e : project.getProjects()) {
            if (!(e instanceof RexInputRef)) {
                return false;
            }
        }
        // Only worth it when the projection actually narrows or reorders the scan.
        return !project.getProjects().isEmpty() && project.getProjects().size() < project.getInput().getRowType().getFieldCount();
    }

    private static boolean containsSubQuery(RexNode node) {
        return RexUtil.SubQueryFinder.find(node) != null;
    }

    /** The input columns an expression list reads. */
    static final class RelOptInputFinder extends RexVisitorImpl<Void> {
        private final ImmutableBitSet.Builder bits = ImmutableBitSet.builder();

        private RelOptInputFinder() {
            super(true);
        }

        static ImmutableBitSet inputs(List<RexNode> nodes) {
            RelOptInputFinder f = new RelOptInputFinder();
            for (RexNode n : nodes) {
                n.accept(f);
            }
            return f.bits.build();
        }

        @Override
        public Void visitInputRef(RexInputRef ref) {
            bits.set(ref.getIndex());
            return null;
        }
    }
}
