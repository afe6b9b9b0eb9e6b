package io.shale.engine.citus;

import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Relation;
import io.shale.catalog.distribution.Shard;
import io.shale.catalog.distribution.ShardPlacement;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

/**
 * citus_relation_size, citus_table_size, citus_total_relation_size: the sizes of a Citus table's
 * shard relations, one placement per shard (this node's when it has one), measured where it is.
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
        java.util.List<ShardPlacement> placements = new java.util.ArrayList<>();
        for (Shard shard : objects.shards((int) relationOid)) {
            java.util.List<ShardPlacement> copies = objects.placements(shard.shardId());
            ShardPlacement chosen = copies.isEmpty() ? null : copies.getFirst();
            for (ShardPlacement p : copies) {
                if (p.groupId() == context.localGroupId()) {
                    chosen = p;
                }
            }
            if (chosen != null) {
                placements.add(chosen);
            }
        }
        java.util.Map<Long, Long> sizes = PlacementSizes.of(objects, placements, (group, oids) -> {
            if (group != context.localGroupId()) {
                return context.remoteRelationSizes(group, withIndexes ? oids : tablesOnly(objects, oids));
            }
            long[] result = new long[oids.length];
            for (int i = 0; i < oids.length; i++) {
                result[i] = withIndexes || objects.shardOfRelation(oids[i]) != null ? context.relationSize(oids[i]) : 0;
            }
            return result;
        });
        long total = 0;
        for (long size : sizes.values()) {
            total += size;
        }
        return total;
    }

    /** The oids with those of indexes replaced by 0 (an unknown relation, size 0), for sizes without indexes. */
    private static int[] tablesOnly(DatabaseCatalog objects, int[] oids) {
        int[] result = oids.clone();
        for (int i = 0; i < result.length; i++) {
            if (objects.shardOfRelation(result[i]) == null) {
                result[i] = 0;
            }
        }
        return result;
    }
}
