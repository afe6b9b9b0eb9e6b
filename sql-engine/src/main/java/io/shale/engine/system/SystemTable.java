package io.shale.engine.system;

import java.util.Iterator;
import java.util.List;

/** A system relation whose rows a {@link RowSource} writes. */
final class SystemTable implements SystemRelation {
    private final RelationSpecs.Spec spec;
    private final RowSource source;

    SystemTable(RelationSpecs.Spec spec, RowSource source) {
        this.spec = spec;
        this.source = source;
    }

    /** Writes the rows of one scan. */
    @FunctionalInterface
    interface RowSource {
        void write(SystemContext context, RowWriter out);
    }

    @Override
    public int oid() {
        return spec.oid();
    }

    @Override
    public String schema() {
        return spec.schema();
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public char kind() {
        return spec.kind();
    }

    @Override
    public List<SystemColumn> columns() {
        return spec.columns();
    }

    @Override
    public Iterator<Object[]> rows(SystemContext context) {
        RowWriter out = new RowWriter(spec.columns());
        source.write(context, out);
        return out.rows().iterator();
    }
}
