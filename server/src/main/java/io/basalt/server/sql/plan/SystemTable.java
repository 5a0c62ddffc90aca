package io.basalt.server.sql.plan;

import io.basalt.server.sql.type.SqlType;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A read-only table computed in memory (information_schema and friends). Its rows are produced
 * when the scan runs, in Basalt's runtime value representation.
 */
public final class SystemTable extends AbstractTable {
    /** A column of a system table. */
    public record Column(String name, SqlType type, boolean nullable) {}

    private final String schema;
    private final String name;
    private final List<Column> columns;
    private final Supplier<List<Object[]>> rows;

    public SystemTable(String schema, String name, List<Column> columns, Supplier<List<Object[]>> rows) {
        this.schema = schema;
        this.name = name;
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    public String schema() {
        return schema;
    }

    public String name() {
        return name;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Object[]> rows() {
        return rows.get();
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder b = typeFactory.builder();
        for (Column c : columns) {
            b.add(c.name(), c.type().relType(typeFactory, c.nullable()));
        }
        return b.build();
    }
}
