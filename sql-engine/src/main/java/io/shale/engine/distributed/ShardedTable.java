package io.shale.engine.distributed;

import io.shale.catalog.Column;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Relation;
import io.shale.catalog.Table;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.HashFunctions;
import io.shale.catalog.distribution.Shard;
import io.shale.catalog.distribution.ShardIntervalIndex;
import io.shale.catalog.distribution.ShardPlacement;
import io.shale.catalog.distribution.ShardRange;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.ArrayList;
import java.util.List;

/**
 * A Citus table as the distributed planner sees it: the shell table, how it is distributed, and its shards in
 * range order with the schema-qualified names of their relations and the groups that hold them.
 */
record ShardedTable(Table shell, String schema, DistributedTable meta, Column distributionColumn,
                    List<ShardRoute> shards, ShardIntervalIndex index) {

    /** One shard: its id, the name of its relation, and the groups of its placements (placement id order). */
    record ShardRoute(long shardId, String relationName, int[] groups) {
    }

    /** The table's distribution, or null when {@code relation} is not a Citus table. */
    static ShardedTable of(DatabaseCatalog objects, Relation relation) {
        if (!(relation instanceof Table table)) {
            return null;
        }
        DistributedTable meta = objects.distributedTable(table.oid());
        if (meta == null) {
            return null;
        }
        Column column = null;
        if (meta.hasDistributionColumn()) {
            for (Column c : table.columns()) {
                if (c.attnum() == meta.distributionAttnum()) {
                    column = c;
                }
            }
        }
        List<ShardRoute> routes = new ArrayList<>();
        List<ShardRange> ranges = new ArrayList<>();
        for (Shard shard : objects.shards(table.oid())) {
            Relation shardRelation = objects.relation(shard.shardRelationOid());
            String name = shardRelation != null ? shardRelation.name() : table.name() + "_" + shard.shardId();
            List<ShardPlacement> placements = objects.placements(shard.shardId());
            int[] groups = new int[placements.size()];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = placements.get(i).groupId();
            }
            routes.add(new ShardRoute(shard.shardId(), name, groups));
            if (shard.range() != null) {
                ranges.add(shard.range());
            }
        }
        ShardIntervalIndex index = meta.isHashDistributed() && ranges.size() == routes.size()
                ? new ShardIntervalIndex(ranges) : null;
        String schema = objects.namespace(table.namespaceOid()).name();
        return new ShardedTable(table, schema, meta, column, List.copyOf(routes), index);
    }

    boolean isReference() {
        return meta.isReferenceTable();
    }

    boolean isHash() {
        return meta.isHashDistributed() && distributionColumn != null;
    }

    int colocationId() {
        return meta.colocationId();
    }

    String name() {
        return shell.name();
    }

    /** The position of the shard that holds rows whose distribution value is {@code value} (not null). */
    int shardIndexOf(Object value) {
        if (index == null) {
            return 0;
        }
        return index.shardIndex(HashFunctions.hash(distributionColumn.type(), value));
    }

    ShardRoute shard(int index) {
        if (index >= shards.size()) {
            throw new ShaleException(ErrorCode.INTERNAL_ERROR, "could not find shard " + index + " of relation \""
                    + shell.name() + "\"");
        }
        return shards.get(index);
    }

    /** The group a read of shard {@code index} goes to: the local group when it holds a placement, else the first. */
    int readGroup(int index, int localGroup) {
        int[] groups = shard(index).groups();
        if (groups.length == 0) {
            throw new ShaleException(ErrorCode.INTERNAL_ERROR, "could not find any shard placement for shard "
                    + shard(index).shardId());
        }
        for (int g : groups) {
            if (g == localGroup) {
                return g;
            }
        }
        return groups[0];
    }
}
