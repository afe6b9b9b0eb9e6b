package io.shale.engine;

import io.shale.engine.analyze.SystemRelations;
import io.shale.engine.plan.OutputColumn;
import io.shale.engine.system.SystemColumn;
import io.shale.engine.system.SystemRelation;

import java.util.ArrayList;
import java.util.List;

/** The analyzer's view of the pg_catalog and information_schema relations. */
final class SessionSystemRelations implements SystemRelations {
    private final Engine engine;

    SessionSystemRelations(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Info find(String schema, String name) {
        SystemRelation r = engine.systemCatalog().relation(schema, name);
        if (r == null) {
            return null;
        }
        List<OutputColumn> columns = new ArrayList<>();
        short attnum = 1;
        for (SystemColumn c : r.columns()) {
            columns.add(new OutputColumn(c.name(), c.type(), r.oid(), attnum++));
        }
        return new Info(r.schema(), r.name(), r.oid(), columns);
    }
}
