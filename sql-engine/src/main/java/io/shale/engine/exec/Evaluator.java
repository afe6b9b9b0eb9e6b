package io.shale.engine.exec;

/** A compiled expression: its value over one row. */
@FunctionalInterface
public interface Evaluator {
    Object eval(Object[] row, ExecContext context);
}
