package io.basalt.server.sql.plan;

import io.basalt.server.catalog.DatabaseDef;
import io.basalt.server.catalog.TableDef;
import io.basalt.server.catalog.ViewDef;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** One database of a catalog snapshot as a Calcite schema: its tables and views. */
final class DatabaseSchema extends AbstractSchema {
    private final Map<String, Table> tables;

    DatabaseSchema(DatabaseDef db, BasaltView.Expander expander, long locatorTableId) {
        Map<String, Table> m = new HashMap<>();
        for (TableDef t : db.tables().values()) {
            m.put(t.name(), new BasaltTable(t, t.id() == locatorTableId));
        }
        for (ViewDef v : db.views().values()) {
            m.put(v.name(), new BasaltView(v, expander));
        }
        this.tables = m;
    }

    DatabaseSchema(Map<String, Table> tables) {
        this.tables = tables;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return tables;
    }
}
