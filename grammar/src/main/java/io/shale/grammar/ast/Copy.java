package io.shale.grammar.ast;

import java.util.List;

/** A COPY statement: a table or a query, from or to STDIN/STDOUT (null file) or a file or program. Nullable components: table, query, file, where. */
public record Copy(QualifiedName table, List<String> columns, PreparableStatement query, boolean from, String file, boolean program, List<CopyOption> options, Expression where) implements Statement {
    public Copy {
        columns = List.copyOf(columns);
        options = List.copyOf(options);
    }
}
