package io.shale.engine.session;

import java.util.List;

/**
 * What Describe of a statement returns.
 *
 * @param parameterTypes the type oid of each parameter $1..$n, after inference
 * @param columns the result columns; empty when the statement returns no rows (NoData)
 */
public record StatementDescription(int[] parameterTypes, List<ColumnDescription> columns) {
    public StatementDescription {
        parameterTypes = parameterTypes.clone();
        columns = List.copyOf(columns);
    }

    @Override
    public int[] parameterTypes() {
        return parameterTypes.clone();
    }
}
