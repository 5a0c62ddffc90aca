package io.basalt.server.exec.op;

import io.basalt.server.exec.ExecContext;

/** Running state of one aggregate function over one group. */
public interface Accumulator {
    void add(Object[] row, ExecContext ctx);

    Object result(ExecContext ctx);
}
