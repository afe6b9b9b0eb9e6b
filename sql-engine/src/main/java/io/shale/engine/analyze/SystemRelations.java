package io.shale.engine.analyze;

import io.shale.engine.plan.OutputColumn;

import java.util.List;

/** The pg_catalog and information_schema relations the analyzer can read. */
public interface SystemRelations {

    /** The relation of that schema and name, or null. */
    Info find(String schema, String name);

    /** A system relation's identity and columns. */
    record Info(String schema, String name, int oid, List<OutputColumn> columns) {
        public Info {
            columns = List.copyOf(columns);
        }
    }
}
