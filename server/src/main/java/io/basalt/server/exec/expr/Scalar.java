package io.basalt.server.exec.expr;

import io.basalt.server.exec.ExecContext;

/** A compiled scalar expression evaluated against one row. */
@FunctionalInterface
public interface Scalar {
    Object eval(Object[] row, ExecContext ctx);
}
