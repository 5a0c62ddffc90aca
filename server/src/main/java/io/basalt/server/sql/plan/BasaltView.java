package io.basalt.server.sql.plan;

import static java.util.Objects.requireNonNull;

import io.basalt.server.catalog.ViewDef;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** A view: expanded into its query's plan wherever it is referenced. */
public final class BasaltView extends AbstractTable implements TranslatableTable {
    /** Plans a view's query inside the referencing query's planning session. */
    public interface Expander {
        RelDataType rowType(ViewDef view);

        RelNode expand(ViewDef view, RelOptTable.ToRelContext context);
    }

    private final ViewDef definition;
    private final Expander expander;

    public BasaltView(ViewDef definition, Expander expander) {
        this.definition = requireNonNull(definition, "definition");
        this.expander = requireNonNull(expander, "expander");
    }

    public ViewDef definition() {
        return definition;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return expander.rowType(definition);
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        return expander.expand(definition, context);
    }

    @Override
    public org.apache.calcite.schema.Schema.TableType getJdbcTableType() {
        return org.apache.calcite.schema.Schema.TableType.VIEW;
    }
}
