package io.shale.engine;

import io.shale.catalog.CatalogEditor;
import io.shale.catalog.Column;
import io.shale.catalog.Constraint;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Index;
import io.shale.catalog.Relation;
import io.shale.catalog.Sequence;
import io.shale.catalog.Table;
import io.shale.catalog.View;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.List;

/** Drops relations together with what belongs to them, and (with CASCADE) what depends on them. */
final class Dropper {
    private final DdlExecutor ddl;
    private final CatalogEditor editor;
    private final boolean cascade;
    private final List<Long> freed;

    Dropper(DdlExecutor ddl, CatalogEditor editor, boolean cascade, List<Long> freed) {
        this.ddl = ddl;
        this.editor = editor;
        this.cascade = cascade;
        this.freed = freed;
    }

    private DatabaseCatalog objects() {
        return editor.objects(ddl.database());
    }

    void dropRelation(Relation r) {
        switch (r) {
            case Table t -> dropTable(t);
            case Index i -> dropIndex(i);
            case Sequence s -> dropSequence(s);
            case View v -> editor.dropRelation(ddl.database(), v.oid());
        }
    }

    private void dropTable(Table t) {
        for (Constraint fk : objects().foreignKeysReferencing(t.oid())) {
            if (fk.tableOid() == t.oid()) {
                continue;
            }
            Relation referencing = objects().relation(fk.tableOid());
            if (!cascade) {
                throw new ShaleException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop table " + t.name()
                        + " because other objects depend on it")
                        .withDetail("constraint " + fk.name() + " on table " + referencing.name() + " depends on table " + t.name())
                        .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
            }
            ddl.notice("drop cascades to constraint " + fk.name() + " on table " + referencing.name());
            editor.dropConstraint(ddl.database(), fk.oid());
        }
        for (Constraint c : objects().constraintsOf(t.oid())) {
            editor.dropConstraint(ddl.database(), c.oid());
        }
        for (Index i : objects().indexesOf(t.oid())) {
            editor.dropRelation(ddl.database(), i.oid());
            freed.add(i.storageId());
        }
        for (Relation r : objects().relations()) {
            if (r instanceof Sequence s && s.ownedByTable() == t.oid()) {
                editor.dropRelation(ddl.database(), s.oid());
                ddl.state().afterCommit(() -> ddl.engine.sequences().drop(s.oid()));
            }
        }
        editor.dropRelation(ddl.database(), t.oid());
        freed.add(t.storageId());
    }

    void dropIndex(Index i) {
        for (Constraint c : objects().constraintsOf(i.tableOid())) {
            if (c.indexOid() == i.oid()) {
                Relation table = objects().relation(i.tableOid());
                throw new ShaleException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop index " + i.name()
                        + " because constraint " + c.name() + " on table " + table.name() + " requires it")
                        .withHint("You can drop constraint " + c.name() + " on table " + table.name() + " instead.");
            }
        }
        editor.dropRelation(ddl.database(), i.oid());
        freed.add(i.storageId());
    }

    private void dropSequence(Sequence s) {
        for (Relation r : objects().relations()) {
            if (!(r instanceof Table t)) {
                continue;
            }
            for (Column c : t.columns()) {
                if (io.shale.engine.citus.DistributedSequences.defaultUses(c.defaultSql(), objects(), s)) {
                    if (!cascade) {
                        throw new ShaleException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop sequence " + s.name()
                                + " because other objects depend on it")
                                .withDetail("default value for column " + c.name() + " of table " + t.name() + " depends on sequence " + s.name())
                                .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
                    }
                    ddl.notice("drop cascades to default value for column " + c.name() + " of table " + t.name());
                    List<Column> columns = new java.util.ArrayList<>(t.columns());
                    columns.set(c.attnum() - 1, c.withDefault(null));
                    editor.putRelation(ddl.database(), t.withColumns(columns));
                }
            }
        }
        editor.dropRelation(ddl.database(), s.oid());
        ddl.state().afterCommit(() -> ddl.engine.sequences().drop(s.oid()));
    }
}
