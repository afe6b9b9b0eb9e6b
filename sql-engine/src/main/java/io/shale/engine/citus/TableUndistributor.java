package io.shale.engine.citus;

import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogEditor;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Index;
import io.shale.catalog.Relation;
import io.shale.catalog.Table;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.session.Notice;

import java.util.List;

/**
 * {@code undistribute_table} (the rows of the shards come back into the table, which becomes a
 * plain local table again) and {@code truncate_local_data_after_distributing_table} (the rows the
 * table had before distribution are removed from its own storage).
 */
final class TableUndistributor {
    private final DistributionContext context;
    private final int database;

    TableUndistributor(DistributionContext context) {
        this.context = context;
        this.database = context.databaseOid();
    }

    void undistribute(long relationOid) {
        DatabaseCatalog objects = context.catalog().objects(database);
        Relation relation = objects.relation((int) relationOid);
        DistributedTable table = objects.distributedTable((int) relationOid);
        if (!(relation instanceof Table shell) || table == null) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "cannot undistribute table because the table is not distributed");
        }
        String name = ShardDataCopier.qualifiedName(objects, shell);
        if (objects.distributedSchema(shell.namespaceOid()) != null) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, name
                    + " is not allowed for undistribute_table because it belongs to a distributed schema");
        }
        notice("creating a new table for " + name);
        moveRowsBack(objects, shell, true);
        notice("renaming the new table to " + name);
    }

    /**
     * Brings the rows of a Citus table's shards back into the table, which becomes a plain table again
     * (its shards and metadata dropped), with undistribute_table's notices when asked.
     */
    void moveRowsBack(DatabaseCatalog objects, Table shell, boolean notices) {
        String name = ShardDataCopier.qualifiedName(objects, shell);
        List<Object[]> rows = new ShardRowReader(context).readAll(objects, shell);
        if (notices) {
            notice("moving the data of " + name);
        }
        CatalogEditor editor = context.editCatalog();
        StorageChanges changes = new StorageChanges();
        Table renewed = renewStorage(editor, shell, changes);
        if (notices) {
            notice("dropping the old " + name);
        }
        DistributionRemover.remove(editor, database, shell.oid(), changes);
        Catalog next = editor.build();
        context.catalogChanged(next);
        for (Object[] row : rows) {
            context.tableAccess().insert(context.transaction(), next, database, renewed, row, context.formatSettings());
        }
        context.freeStorageAfterCommit(changes.freed);
    }

    void truncateLocalData(long relationOid) {
        DatabaseCatalog objects = context.catalog().objects(database);
        Relation relation = objects.relation((int) relationOid);
        if (!(relation instanceof Table shell) || objects.distributedTable(shell.oid()) == null) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "supplied parameter is not a distributed relation")
                    .withDetail("This UDF only truncates local records of distributed tables.");
        }
        for (var fk : objects.foreignKeysReferencing(shell.oid())) {
            if (fk.tableOid() != shell.oid() && objects.distributedTable(fk.tableOid()) == null
                    && objects.shardOfRelation(fk.tableOid()) == null) {
                throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                        "cannot truncate a table referenced in a foreign key constraint by a local table")
                        .withDetail("Table \"" + objects.relation(fk.tableOid()).name() + "\" references \""
                                + shell.name() + "\"");
            }
        }
        CatalogEditor editor = context.editCatalog();
        StorageChanges changes = new StorageChanges();
        renewStorage(editor, shell, changes);
        context.catalogChanged(editor.build());
        context.freeStorageAfterCommit(changes.freed);
    }

    /** Gives the table and its indexes new, empty storage; the old ranges are freed after commit. */
    private Table renewStorage(CatalogEditor editor, Table shell, StorageChanges changes) {
        Table renewed = shell.withStorageId(editor.newStorageId());
        editor.putRelation(database, renewed);
        changes.freed.add(shell.storageId());
        for (Index index : editor.objects(database).indexesOf(shell.oid())) {
            editor.putRelation(database, index.withStorageId(editor.newStorageId()));
            changes.freed.add(index.storageId());
        }
        return renewed;
    }

    private void notice(String message) {
        context.notice(new Notice("NOTICE", "00000", message, null, null));
    }
}
