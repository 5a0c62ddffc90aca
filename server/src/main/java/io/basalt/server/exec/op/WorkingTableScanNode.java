package io.basalt.server.exec.op;

import io.basalt.server.exec.ExecContext;
import java.util.List;

/** The recursive part's reference to its common table expression: the previous iteration's rows. */
public final class WorkingTableScanNode implements PhysicalNode {
    private final Object workingTable;
    private final int width;

    public WorkingTableScanNode(Object workingTable, int width) {
        this.workingTable = workingTable;
        this.width = width;
    }

    @Override
    public RowSource open(ExecContext ctx) {
        List<Object[]> rows = ctx.workingTable(workingTable);
        return new RowSource() {
            int i;

            @Override
            public Object[] next() {
                return i < rows.size() ? rows.get(i++) : null;
            }
        };
    }

    @Override
    public int width() {
        return width;
    }
}
