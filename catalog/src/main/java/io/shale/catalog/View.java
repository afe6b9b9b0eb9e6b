package io.shale.catalog;

import java.util.List;

/** A view: its defining query as SQL text and its output columns. */
public record View(int oid, int namespaceOid, String name, int ownerOid, String querySql,
                   List<Column> columns) implements Relation {

    public View {
        columns = List.copyOf(columns);
    }

    @Override
    public char kind() {
        return 'v';
    }
}
