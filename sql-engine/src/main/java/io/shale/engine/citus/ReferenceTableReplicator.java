package io.shale.engine.citus;

import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogEditor;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Table;
import io.shale.catalog.distribution.ClusterNode;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.Shard;
import io.shale.engine.exec.TableAccess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code replicate_reference_tables}: every active primary node without a placement of a reference table of the
 * session's database gets one, with the rows read from an existing placement (a task when it is on another node).
 * Rows for other nodes travel with the staged catalog; rows for this node are written in the session's transaction.
 */
final class ReferenceTableReplicator {
    private final DistributionContext context;

    ReferenceTableReplicator(DistributionContext context) {
        this.context = context;
    }

    /** Adds the missing placements to the transaction's catalog change; returns how many it added. */
    int replicate() {
        int database = context.databaseOid();
        DatabaseCatalog objects = context.catalog().objects(database);
        List<Shard> missing = new ArrayList<>();
        for (DistributedTable table : objects.distributedTables()) {
            if (!table.isReferenceTable()) {
                continue;
            }
            for (Shard shard : objects.shards(table.relationOid())) {
                if (!targets(context.catalog(), objects, shard).isEmpty()) {
                    missing.add(shard);
                }
            }
        }
        if (missing.isEmpty()) {
            return 0;
        }
        List<List<Object[]>> contents = new ArrayList<>(missing.size());
        ShardRowReader reader = new ShardRowReader(context);
        for (Shard shard : missing) {
            contents.add(reader.read(objects, shard));
        }
        CatalogEditor editor = context.editCatalog();
        List<int[]> added = new ArrayList<>();
        for (int i = 0; i < missing.size(); i++) {
            Shard shard = missing.get(i);
            for (int group : targets(context.catalog(), editor.objects(database), shard)) {
                editor.putPlacement(database, new io.shale.catalog.distribution.ShardPlacement(
                        editor.allocatePlacementId(database), shard.shardId(), group, 1, 0));
                added.add(new int[] {i, group});
            }
        }
        Catalog next = editor.build();
        context.catalogChanged(next);
        DatabaseCatalog after = next.objects(database);
        for (int[] a : added) {
            Table shardTable = (Table) after.relation(missing.get(a[0]).shardRelationOid());
            for (Object[] row : contents.get(a[0])) {
                if (a[1] == context.localGroupId()) {
                    Object[] copy = Arrays.copyOf(row, shardTable.columns().size() + 1);
                    context.tableAccess().insert(context.transaction(), next, database, shardTable, copy,
                            context.formatSettings());
                } else {
                    context.stageShardRow(a[1], shardTable.oid(), TableAccess.encodeStored(shardTable, row));
                }
            }
        }
        return added.size();
    }

    /** The groups of active primary nodes lacking a placement of {@code shard}. */
    private static List<Integer> targets(Catalog catalog, DatabaseCatalog objects, Shard shard) {
        List<Integer> groups = new ArrayList<>();
        for (ClusterNode n : catalog.nodes()) {
            if (n.isActivePrimary() && !objects.hasPlacement(shard.shardId(), n.groupId())
                    && !groups.contains(n.groupId())) {
                groups.add(n.groupId());
            }
        }
        return groups;
    }
}
