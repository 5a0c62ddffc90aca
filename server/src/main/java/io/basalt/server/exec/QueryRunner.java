package io.basalt.server.exec;

import io.basalt.server.exec.op.PhysicalNode;
import io.basalt.server.exec.op.RowSource;
import io.basalt.server.sql.plan.PlannedQuery;
import io.basalt.server.sql.plan.QueryPlanner;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlNode;

/** Plans a query and builds its executable plan. */
public final class QueryRunner {
    private final PlannedQuery planned;
    private final PhysicalNode physical;

    private QueryRunner(PlannedQuery planned, PhysicalNode physical) {
        this.planned = planned;
        this.physical = physical;
    }

    /** Plans {@code query}; {@code locatorTableId} exposes a table's hidden locator columns (-1 for none). */
    public static QueryRunner prepare(SqlNode query, QueryContext qc, long locatorTableId) {
        QueryPlanner planner = new QueryPlanner(qc.catalog(), qc.database(), qc.systemSchemas().apply(qc.catalog()),
                qc.variables(), qc.env(), locatorTableId);
        PlannedQuery planned = planner.plan(query);
        if (qc.access() != null) {
            for (List<String> object : planned.readObjects()) {
                if (object.size() == 2 && !object.get(0).startsWith("$")
                        && !object.get(0).equalsIgnoreCase(io.basalt.server.infoschema.InformationSchema.NAME)) {
                    qc.access().requireTable(io.basalt.server.catalog.Privilege.SELECT, object.get(0), object.get(1));
                }
            }
        }
        PhysicalNode physical = new PhysicalPlanner(planner.rexBuilder(), qc.stores()).build(planned.rel());
        return new QueryRunner(planned, physical);
    }

    public PlannedQuery planned() {
        return planned;
    }

    public RowSource open(ExecContext ctx) {
        return physical.open(ctx);
    }

    /** Runs to completion and returns every row. */
    public List<Object[]> all(ExecContext ctx) {
        List<Object[]> rows = new ArrayList<>();
        try (RowSource s = physical.open(ctx)) {
            Object[] row;
            while ((row = s.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }
}
