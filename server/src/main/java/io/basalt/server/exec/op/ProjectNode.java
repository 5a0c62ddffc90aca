package io.basalt.server.exec.op;

import io.basalt.server.exec.ExecContext;
import io.basalt.server.exec.expr.Scalar;
import java.util.List;

/** Computes output columns from each input row. */
public final class ProjectNode implements PhysicalNode {
    private final PhysicalNode input;
    private final Scalar[] exprs;

    public ProjectNode(PhysicalNode input, List<Scalar> exprs) {
        this.input = input;
        this.exprs = exprs.toArray(new Scalar[0]);
    }

    @Override
    public RowSource open(ExecContext ctx) {
        RowSource in = input.open(ctx);
        return new RowSource() {
            @Override
            public Object[] next() {
                Object[] row = in.next();
                if (row == null) {
                    return null;
                }
                Object[] out = new Object[exprs.length];
                for (int i = 0; i < exprs.length; i++) {
                    out[i] = exprs[i].eval(row, ctx);
                }
                return out;
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    @Override
    public int width() {
        return exprs.length;
    }
}
