package io.basalt.server.exec;

import io.basalt.server.exec.arrow.RowBatchStream;
import io.basalt.server.exec.arrow.ScanBatchStream;
import io.basalt.server.exec.op.PhysicalNode;
import io.basalt.server.exec.op.RowSource;
import io.basalt.server.sql.plan.PlannedQuery;
import io.basalt.server.sql.plan.QueryPlanner;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlNode;

/** Plans a query and builds its executable plan. */
public final class QueryRunner {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QueryRunner.class);

    private final PlannedQuery planned;
    private final PhysicalNode physical;

    private QueryRunner(PlannedQuery planned, PhysicalNode physical) {
        this.planned = planned;
        this.physical = physical;
    }

    /** Plans {@code query}; {@code locatorTableId} exposes a table's hidden locator columns (-1 for none). */
    public static QueryRunner prepare(SqlNode query, QueryContext qc, long locatorTableId) {
        QueryPlanner planner = planner(qc, locatorTableId);
        PlannedQuery planned = planner.plan(query);
        requireSelect(planned, qc);
        PhysicalNode physical = new PhysicalPlanner(planner.rexBuilder(), qc.stores()).build(planned.rel());
        return new QueryRunner(planned, physical);
    }

    /** A planner over the catalog, database, variables and environment of {@code qc}. */
    static QueryPlanner planner(QueryContext qc, long locatorTableId) {
        return new QueryPlanner(qc.catalog(), qc.database(), qc.systemSchemas().apply(qc.catalog()), qc.variables(),
                qc.env(), locatorTableId);
    }

    /**
     * Runs a prepared query from its template with {@code values} (which the template
     * {@linkplain QueryTemplate#accepts accepts}); privileges are checked as for a planned query.
     */
    public static QueryRunner fromTemplate(QueryTemplate template, List<Object> values, QueryContext qc) {
        PlannedQuery planned = template.bind(values);
        requireSelect(planned, qc);
        PhysicalNode physical = new PhysicalPlanner(planned.rel().getCluster().getRexBuilder(), qc.stores())
                .build(planned.rel());
        return new QueryRunner(planned, physical);
    }

    private static void requireSelect(PlannedQuery planned, QueryContext qc) {
        if (qc.access() != null) {
            for (List<String> object : planned.readObjects()) {
                if (object.size() == 2 && !object.get(0).startsWith("$")
                        && !object.get(0).equalsIgnoreCase(io.basalt.server.infoschema.InformationSchema.NAME)) {
                    qc.access().requireTable(io.basalt.server.catalog.Privilege.SELECT, object.get(0), object.get(1));
                }
            }
        }
    }

    public PlannedQuery planned() {
        return planned;
    }

    public RowSource open(ExecContext ctx) {
        return physical.open(ctx);
    }

    /**
     * Starts the query as a stream of result batches in {@code schema}: a plain table scan hands
     * storage's batches over whole ({@link ScanBatchStream}); anything else runs row by row into
     * batches ({@link RowBatchStream}).
     *
     * @param allocator owned by the stream from here on, closed with it (or at once if this throws)
     */
    public io.basalt.session.BatchStream stream(ExecContext ctx, org.apache.arrow.vector.types.pojo.Schema schema,
            org.apache.arrow.memory.BufferAllocator allocator, Runnable onClose) {
        try {
            PhysicalNode root = physical;
            long limit = -1;
            // a client's row limit can add a LIMIT over the query's own: the smaller one holds
            while (root instanceof io.basalt.server.exec.op.SortNode sort && sort.limitOnlyInput() != null) {
                long fetch = sort.fetch();
                if (fetch >= 0) {
                    limit = limit < 0 ? fetch : Math.min(limit, fetch);
                }
                root = sort.limitOnlyInput();
            }
            if (root instanceof io.basalt.server.exec.op.TableScanNode scan && scan.plain()) {
                io.basalt.storage.Scanner scanner = scan.openScanner();
                int[] sources = scan.outputSources();
                if (ScanBatchStream.matches(schema, scanner, sources)) {
                    return new ScanBatchStream(schema, scanner, sources, limit, ctx, allocator, onClose);
                }
                scanner.close();
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("result built row by row; plan:\n{}", org.apache.calcite.plan.RelOptUtil.toString(planned.rel()));
            }
            List<org.apache.calcite.rel.type.RelDataType> types = new ArrayList<>();
            for (org.apache.calcite.rel.type.RelDataTypeField f : planned.rowType().getFieldList()) {
                types.add(f.getType());
            }
            return new RowBatchStream(schema, types, physical.open(ctx), ctx, allocator, onClose);
        } catch (RuntimeException e) {
            allocator.close();
            throw e;
        }
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
