package io.shale.engine;

import io.shale.common.types.SqlType;
import io.shale.engine.analyze.AnalyzerContext;
import io.shale.engine.analyze.StandaloneExpressions;
import io.shale.engine.exec.ExecContext;
import io.shale.engine.exec.OperatorFactory;
import io.shale.grammar.ast.Expression;

import java.util.List;

/** Evaluates constant argument expressions (EXECUTE name(…)) to values of given types. */
final class ConstantArguments {
    private ConstantArguments() {
    }

    static Object[] evaluate(StatementExecutor executor, List<Expression> expressions, List<SqlType> types) {
        AnalyzerContext context = executor.analyzerContext(List.of());
        ExecContext exec = executor.context(new Object[0]);
        OperatorFactory factory = new OperatorFactory();
        Object[] values = new Object[expressions.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = factory.compiler().compile(StandaloneExpressions.analyze(context, expressions.get(i), types.get(i),
                    "EXECUTE parameter")).eval(null, exec);
        }
        return values;
    }
}
