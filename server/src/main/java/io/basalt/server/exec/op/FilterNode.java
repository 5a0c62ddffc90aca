package io.basalt.server.exec.op;

import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.expr.Scalar;

/** Keeps the rows for which the condition is TRUE. */
public final class FilterNode implements PhysicalNode {
    private final PhysicalNode input;
    private final Scalar condition;

    public FilterNode(PhysicalNode input, Scalar condition) {
        this.input = input;
        this.condition = condition;
    }

    @Override
    public RowSource open(ExecContext ctx) {
        RowSource in = input.open(ctx);
        return new RowSource() {
            @Override
            public Object[] next() {
                Object[] row;
                while ((row = in.next()) != null) {
                    ctx.tick();
                    if (Boolean.TRUE.equals(condition.eval(row, ctx))) {
                        return row;
                    }
                }
                return null;
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    @Override
    public int width() {
        return input.width();
    }
}
