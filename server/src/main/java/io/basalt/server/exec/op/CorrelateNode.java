package io.basalt.server.exec.op;

import io.basalt.server.exec.ExecContext;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;

/**
 * A correlated nested loop: for each left row, binds the correlation variable and runs the right
 * plan again. Used where Calcite could not decorrelate a subquery.
 */
public final class CorrelateNode implements PhysicalNode {
    private final PhysicalNode left;
    private final PhysicalNode right;
    private final CorrelationId correlation;
    private final JoinRelType type;

    public CorrelateNode(PhysicalNode left, PhysicalNode right, CorrelationId correlation, JoinRelType type) {
        this.left = left;
        this.right = right;
        this.correlation = correlation;
        this.type = type;
    }

    @Override
    public int width() {
        return type.projectsRight() ? left.width() + right.width() : left.width();
    }

    @Override
    public RowSource open(ExecContext ctx) {
        RowSource in = left.open(ctx);
        int lw = left.width();
        int rw = right.width();
        return new RowSource() {
            final Deque<Object[]> pending = new ArrayDeque<>();

            @Override
            public Object[] next() {
                while (pending.isEmpty()) {
                    Object[] l = in.next();
                    if (l == null) {
                        return null;
                    }
                    ctx.tick();
                    ctx.bindCorrelation(correlation, l);
                    boolean matched = false;
                    try (RowSource r = right.open(ctx)) {
                        Object[] row;
                        while ((row = r.next()) != null) {
                            matched = true;
                            if (type == JoinRelType.SEMI || type == JoinRelType.ANTI) {
                                break;
                            }
                            Object[] out = new Object[lw + rw];
                            System.arraycopy(l, 0, out, 0, lw);
                            System.arraycopy(row, 0, out, lw, rw);
                            pending.add(out);
                        }
                    }
                    if (type == JoinRelType.SEMI && matched || type == JoinRelType.ANTI && !matched) {
                        pending.add(l);
                    } else if (type == JoinRelType.LEFT && !matched) {
                        Object[] out = new Object[lw + rw];
                        System.arraycopy(l, 0, out, 0, lw);
                        pending.add(out);
                    }
                }
                return pending.poll();
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }
}
