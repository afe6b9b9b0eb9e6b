package io.shale.engine;

import io.shale.engine.exec.Operator;
import io.shale.engine.plan.OutputColumn;

import java.util.List;
import java.util.function.LongFunction;

/** What running one statement produced: rows to send, or only a command tag. */
sealed interface Outcome {

    /** Rows of {@code columns}; {@code tag} makes the command tag from the number of rows sent. */
    record Rows(List<OutputColumn> columns, Operator rows, LongFunction<String> tag) implements Outcome {
    }

    /** A statement without rows (CommandComplete with this tag). */
    record Done(String tag) implements Outcome {
    }

    /** An empty query string. */
    record Empty() implements Outcome {
    }
}
