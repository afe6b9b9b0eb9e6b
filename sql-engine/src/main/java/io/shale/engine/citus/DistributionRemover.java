package io.shale.engine.citus;

import io.shale.catalog.CatalogEditor;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.distribution.DistributedSchema;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.Shard;

/**
 * Removes a table's distribution metadata from a catalog change: its shard relations, shards,
 * placements and pg_dist_partition row, and its colocation group once no table is left in it
 * (a tenant schema's group stays as long as the schema).
 */
final class DistributionRemover {
    private DistributionRemover() {
    }

    static void remove(CatalogEditor editor, int database, int relationOid, StorageChanges changes) {
        DatabaseCatalog objects = editor.objects(database);
        DistributedTable table = objects.distributedTable(relationOid);
        if (table == null) {
            return;
        }
        ShardRelations relations = new ShardRelations(editor, database, changes);
        for (Shard shard : objects.shards(relationOid)) {
            relations.drop(shard);
            editor.removeShard(database, shard.shardId());
        }
        editor.removeDistributedTable(database, relationOid);
        DatabaseCatalog after = editor.objects(database);
        if (table.colocationId() != 0 && after.colocatedTables(table.colocationId()).isEmpty()
                && !isTenantGroup(after, table.colocationId())) {
            editor.removeColocationGroup(database, table.colocationId());
        }
    }

    private static boolean isTenantGroup(DatabaseCatalog objects, int colocationId) {
        for (DistributedSchema s : objects.distributedSchemas()) {
            if (s.colocationId() == colocationId) {
                return true;
            }
        }
        return false;
    }
}
