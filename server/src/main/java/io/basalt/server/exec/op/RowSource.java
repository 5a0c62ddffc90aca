package io.basalt.server.exec.op;

/** A running operator: a pull iterator over rows. */
public interface RowSource extends AutoCloseable {
    /** The next row, or null at the end. Rows may be reused only if documented by the caller. */
    Object[] next();

    @Override
    default void close() {}
}
