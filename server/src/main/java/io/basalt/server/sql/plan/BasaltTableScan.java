package io.basalt.server.sql.plan;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableIntList;

/**
 * A scan of a Basalt table with the projection and filter pushed into it. The filter refers to
 * the table's full row; the output row is the projected columns. The storage skips segments whose
 * min/max statistics cannot satisfy the filter, and the scan applies the filter row by row.
 */
public final class BasaltTableScan extends TableScan {
    private final ImmutableIntList projects;
    private final RexNode filter;

    public BasaltTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, ImmutableIntList projects,
            RexNode filter) {
        super(cluster, traits, List.of(), table);
        this.projects = projects;
        this.filter = filter;
    }

    /** A scan of every column without a filter. */
    public static BasaltTableScan of(RelOptCluster cluster, RelOptTable table) {
        return new BasaltTableScan(cluster, cluster.traitSet(), table,
                ImmutableIntList.identity(table.getRowType().getFieldCount()), null);
    }

    /** Table column indexes of the output columns. */
    public ImmutableIntList projects() {
        return projects;
    }

    /** The pushed filter over the table's full row, or null. */
    public RexNode filter() {
        return filter;
    }

    public BasaltTable basaltTable() {
        return table.unwrap(BasaltTable.class);
    }

    public BasaltTableScan withProjects(ImmutableIntList newProjects) {
        return new BasaltTableScan(getCluster(), traitSet, table, newProjects, filter);
    }

    public BasaltTableScan withFilter(RexNode newFilter) {
        return new BasaltTableScan(getCluster(), traitSet, table, projects, newFilter);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new BasaltTableScan(getCluster(), traitSet, table, projects, filter);
    }

    @Override
    public RelDataType deriveRowType() {
        List<RelDataTypeField> fields = table.getRowType().getFieldList();
        RelDataTypeFactory.Builder b = getCluster().getTypeFactory().builder();
        for (int i : projects) {
            b.add(fields.get(i));
        }
        return b.build();
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw)
                .itemIf("projects", projects, projects.size() != table.getRowType().getFieldCount()
                        || !projects.equals(ImmutableIntList.identity(projects.size())))
                .itemIf("filter", filter, filter != null);
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        double rows = table.getRowCount();
        double fraction = (double) projects.size() / Math.max(1, table.getRowType().getFieldCount());
        return planner.getCostFactory().makeCost(rows, rows * fraction, rows * fraction);
    }
}
