package io.basalt.server.exec.op;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.exec.ExecContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A recursive common table expression: the seed's rows, then the rows of each iteration of the
 * recursive part, which reads the previous iteration's rows from the working table, until an
 * iteration adds none. Under UNION DISTINCT a row already produced counts as none. Iterations past
 * {@link ExecContext#recursionLimit()} (cte_max_recursion_depth) fail with error 3636, as in MySQL.
 *
 * <p>Rows are produced one iteration at a time, so a LIMIT above stops the recursion early.
 */
public final class RepeatUnionNode implements PhysicalNode {
    private final PhysicalNode seed;
    private final PhysicalNode iterative;
    private final boolean all;
    private final Object workingTable;

    /**
     * @param workingTable the key under which {@link WorkingTableScanNode}s in {@code iterative}
     *     read the previous iteration's rows
     */
    public RepeatUnionNode(PhysicalNode seed, PhysicalNode iterative, boolean all, Object workingTable) {
        this.seed = seed;
        this.iterative = iterative;
        this.all = all;
        this.workingTable = workingTable;
    }

    @Override
    public RowSource open(ExecContext ctx) {
        return new RowSource() {
            final Set<RowKey> seen = all ? null : new HashSet<>();
            List<Object[]> current = collect(seed, ctx, seen);
            int next;
            long iterations;

            @Override
            public Object[] next() {
                while (next >= current.size()) {
                    if (current.isEmpty()) {
                        return null;
                    }
                    ctx.setWorkingTable(workingTable, current);
                    List<Object[]> produced = collect(iterative, ctx, seen);
                    if (!produced.isEmpty() && ++iterations > ctx.recursionLimit()) {
                        throw BasaltException.of(ErrorCode.CTE_MAX_RECURSION_DEPTH, "Recursive query aborted after "
                                + iterations + " iterations. Try increasing @@cte_max_recursion_depth to a larger value.");
                    }
                    current = produced;
                    next = 0;
                }
                return current.get(next++);
            }
        };
    }

    /** The rows of one run of {@code node}; under DISTINCT only those not produced before. */
    private static List<Object[]> collect(PhysicalNode node, ExecContext ctx, Set<RowKey> seen) {
        List<Object[]> rows = new ArrayList<>();
        try (RowSource in = node.open(ctx)) {
            Object[] row;
            while ((row = in.next()) != null) {
                ctx.tick();
                // Operators may reuse their row arrays; the working table outlives this loop.
                Object[] copy = row.clone();
                if (seen == null || seen.add(RowKey.ofRow(copy))) {
                    rows.add(copy);
                }
            }
        }
        return rows;
    }

    @Override
    public int width() {
        return seed.width();
    }
}
