package io.basalt.server.exec.op;

import io.basalt.server.exec.ExecContext;

/**
 * An executable plan node. Nodes are reusable: {@link #open} starts a fresh run, which is how a
 * correlated subquery's plan is run once per outer row.
 */
public interface PhysicalNode {
    RowSource open(ExecContext ctx);

    /** Number of columns each row has. */
    int width();
}
