package io.basalt.server.exec.op;

import io.basalt.server.exec.ExecContext;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/** Constant rows (VALUES, SELECT without FROM) or rows computed when the node opens. */
public final class ValuesNode implements PhysicalNode {
    private final Function<ExecContext, List<Object[]>> rows;
    private final int width;

    public ValuesNode(Function<ExecContext, List<Object[]>> rows, int width) {
        this.rows = rows;
        this.width = width;
    }

    @Override
    public RowSource open(ExecContext ctx) {
        Iterator<Object[]> it = rows.apply(ctx).iterator();
        return () -> it.hasNext() ? it.next().clone() : null;
    }

    @Override
    public int width() {
        return width;
    }
}
