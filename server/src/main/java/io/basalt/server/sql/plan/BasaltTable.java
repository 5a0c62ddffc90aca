package io.basalt.server.sql.plan;

import static java.util.Objects.requireNonNull;

import io.basalt.server.catalog.ColumnDef;
import io.basalt.server.catalog.TableDef;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/** A catalog table as Calcite sees it: its row type; scans read its storage. */
public final class BasaltTable extends AbstractTable {
    /** Hidden column with a row's storage source id, present only when planning a DELETE or UPDATE. */
    public static final String SOURCE_COLUMN = "_basalt_source_";
    /** Hidden column with a row's position in its source. */
    public static final String POSITION_COLUMN = "_basalt_position_";

    private final TableDef definition;
    private final boolean locators;

    public BasaltTable(TableDef definition) {
        this(definition, false);
    }

    /** @param locators expose the two hidden locator columns after the table's own */
    public BasaltTable(TableDef definition, boolean locators) {
        this.definition = requireNonNull(definition, "definition");
        this.locators = locators;
    }

    public TableDef definition() {
        return definition;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder b = typeFactory.builder();
        for (ColumnDef c : definition.columns()) {
            b.add(c.name(), c.type().relType(typeFactory, c.nullable()));
        }
        if (locators) {
            b.add(SOURCE_COLUMN, typeFactory.createSqlType(org.apache.calcite.sql.type.SqlTypeName.BIGINT));
            b.add(POSITION_COLUMN, typeFactory.createSqlType(org.apache.calcite.sql.type.SqlTypeName.BIGINT));
        }
        return b.build();
    }
}
