package io.shale.engine.citus;

import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogEditor;
import io.shale.catalog.Column;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Index;
import io.shale.catalog.Relation;
import io.shale.catalog.Table;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.Shard;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.List;
import java.util.Objects;

/**
 * DDL on Citus tables reaches their shards in the same catalog change: after a DDL statement
 * edited the shell tables, every Citus table whose shell (columns, name, storage, indexes or
 * constraints) changed gets its shard relations brought in step, a dropped shell takes its shards
 * and metadata with it, and a TRUNCATE gives the shards new storage. Citus's refusals (unique
 * constraints without the distribution column, changes of the distribution column) are raised here.
 * New indexes of shards placed on this node are built from their rows.
 */
public final class DistributedDdl {
    private DistributedDdl() {
    }

    /** Propagates the DDL in {@code editor} (not yet built) to the shard relations. */
    public static void propagate(DistributionContext context, CatalogEditor editor) {
        int database = context.databaseOid();
        TenantSchemas.convertNewTables(context, editor);
        DatabaseCatalog objects = editor.objects(database);
        List<DistributedTable> tables = objects.distributedTables();
        if (tables.isEmpty()) {
            return;
        }
        Catalog base = context.catalog();
        DatabaseCatalog before = base.objects(database);
        StorageChanges changes = new StorageChanges();
        ShardRelations relations = new ShardRelations(editor, database, changes);
        boolean changed = false;
        List<Table[]> altered = new java.util.ArrayList<>();
        for (DistributedTable table : tables) {
            Relation now = objects.relation(table.relationOid());
            Relation then = before == null ? null : before.relation(table.relationOid());
            if (!(now instanceof Table shell)) {
                DistributionRemover.remove(editor, database, table.relationOid(), changes);
                changed = true;
                continue;
            }
            if (then instanceof Table old && sameDefinition(objects, before, shell, old)
                    && before.distributedTable(table.relationOid()) != null) {
                continue;
            }
            checkDistributionColumn(shell, then instanceof Table old ? old : null, table);
            DistributionRules.checkUniqueness(objects, shell, table);
            DistributionRules.checkForeignKeys(objects, shell, table);
            boolean truncated = then instanceof Table old && old.storageId() != shell.storageId();
            List<Shard> shards = objects.shards(table.relationOid());
            for (int i = 0; i < shards.size(); i++) {
                relations.sync(shell, shards.get(i), i, truncated);
            }
            if (then instanceof Table old && !truncated && !old.columns().equals(shell.columns())) {
                altered.add(new Table[] {old, shell});
            }
            changed = true;
        }
        DistributionRules.checkLocalForeignKeys(editor.objects(database));
        if (!changed) {
            return;
        }
        context.freeStorageAfterCommit(changes.freed);
        Catalog next = editor.build();
        for (Table[] pair : altered) {
            LocalShardRewriter.rewrite(context, base, next, pair[0], pair[1]);
        }
        LocalShardChecks.validate(context, base, next);
        buildLocalIndexes(context, editor, changes);
    }

    private static boolean sameDefinition(DatabaseCatalog now, DatabaseCatalog then, Table shell, Table old) {
        return shell.equals(old) && now.indexesOf(shell.oid()).equals(then.indexesOf(old.oid()))
                && Objects.equals(now.constraintsOf(shell.oid()), then.constraintsOf(old.oid()));
    }

    private static void checkDistributionColumn(Table shell, Table old, DistributedTable table) {
        if (old == null || !table.hasDistributionColumn()) {
            return;
        }
        Column before = old.column(table.distributionAttnum());
        Column after = shell.column(table.distributionAttnum());
        if (after.dropped() || !after.type().equals(before.type())) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "cannot execute ALTER TABLE command involving partition column");
        }
    }

    /** Entries of new indexes on shard tables that hold rows on this node. */
    private static void buildLocalIndexes(DistributionContext context, CatalogEditor editor, StorageChanges changes) {
        if (changes.newIndexes.isEmpty()) {
            return;
        }
        int database = context.databaseOid();
        Catalog preview = editor.build();
        DatabaseCatalog objects = preview.objects(database);
        for (int indexOid : changes.newIndexes) {
            Index index = (Index) objects.relation(indexOid);
            Shard shard = objects.shardOfRelation(index.tableOid());
            if (shard != null && objects.hasPlacement(shard.shardId(), context.localGroupId())) {
                context.tableAccess().buildIndex(context.transaction(), preview, database,
                        (Table) objects.relation(index.tableOid()), index, context.formatSettings());
            }
        }
    }
}
