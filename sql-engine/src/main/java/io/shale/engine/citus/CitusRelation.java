package io.shale.engine.citus;

import io.shale.engine.system.SystemColumn;
import io.shale.engine.system.SystemContext;
import io.shale.engine.system.SystemRelation;

import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/** One of Citus's metadata tables or views, its rows computed from the session's catalog snapshot. */
record CitusRelation(int oid, String schema, String name, char kind, List<SystemColumn> columns,
                     Function<SystemContext, List<Object[]>> source) implements SystemRelation {
    CitusRelation {
        columns = List.copyOf(columns);
    }

    @Override
    public Iterator<Object[]> rows(SystemContext context) {
        return source.apply(context).iterator();
    }
}
