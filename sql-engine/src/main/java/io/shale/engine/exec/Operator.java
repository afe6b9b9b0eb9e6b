package io.shale.engine.exec;

/**
 * A running plan node (Volcano style): {@link #next()} returns the next row or null at the end.
 * Rows returned may be kept by the caller; operators never reuse a returned array.
 */
public interface Operator extends AutoCloseable {
    Object[] next();

    @Override
    default void close() {
    }
}
