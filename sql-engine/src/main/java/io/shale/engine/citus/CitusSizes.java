package io.shale.engine.citus;

import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Index;
import io.shale.catalog.Relation;
import io.shale.catalog.distribution.Shard;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

/**
 * citus_relation_size, citus_table_size, citus_total_relation_size: the sizes of a Citus table's
 * shard relations. Only placements on this node are measured (sizes of remote placements need
 * the {@code shard.size} request of the cluster).
 */
final class CitusSizes {
    private CitusSizes() {
    }

    static Object tableSize(DistributionContext context, long relationOid, boolean withIndexes, boolean failOnError) {
        DatabaseCatalog objects = context.catalog().objects(context.databaseOid());
        if (objects.distributedTable((int) relationOid) == null) {
            if (!failOnError) {
                return null;
            }
            Relation r = objects.relation((int) relationOid);
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot calculate the size because relation '"
                    + (r == null ? Long.toString(relationOid) : r.name()) + "' is not distributed");
        }
        long total = 0;
        for (Shard shard : objects.shards((int) relationOid)) {
            if (objects.hasPlacement(shard.shardId(), context.localGroupId())) {
                total += shardSize(context, objects, shard, withIndexes);
            }
        }
        return total;
    }

    /** The bytes of one shard relation on this node, with its indexes when asked. */
    static long shardSize(DistributionContext context, DatabaseCatalog objects, Shard shard, boolean withIndexes) {
        long size = context.relationSize(shard.shardRelationOid());
        if (withIndexes) {
            for (Index index : objects.indexesOf(shard.shardRelationOid())) {
                size += context.relationSize(index.oid());
            }
        }
        return size;
    }
}
