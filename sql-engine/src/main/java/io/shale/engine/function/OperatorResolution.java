package io.shale.engine.function;

import io.shale.common.types.SqlType;

/**
 * The operator chosen for {@code left symbol right}: cast the operands to {@code leftType} and
 * {@code rightType} (leftType is null for a prefix operator), then call {@code function}.
 */
public record OperatorResolution(String symbol, OperatorDefinition operator, FunctionDefinition function,
                                 SqlType leftType, SqlType rightType, SqlType returnType) {
}
