package io.shale.engine.citus;

import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Index;
import io.shale.catalog.distribution.Shard;
import io.shale.catalog.distribution.ShardPlacement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sizes of shard placements (shard table plus its indexes), each measured on the node of its group: one
 * question per group, so that citus_shards over many shards costs one request per node.
 */
public final class PlacementSizes {
    /** Sizes of relations on the node of a group, or null when that node cannot tell. */
    @FunctionalInterface
    public interface Source {
        long[] sizes(int groupId, int[] relationOids);
    }

    private PlacementSizes() {
    }

    /** Placement id → size in bytes; placements whose node did not answer are absent. */
    public static Map<Long, Long> of(DatabaseCatalog objects, List<ShardPlacement> placements, Source source) {
        Map<Integer, List<ShardPlacement>> byGroup = new HashMap<>();
        for (ShardPlacement p : placements) {
            byGroup.computeIfAbsent(p.groupId(), g -> new ArrayList<>()).add(p);
        }
        Map<Long, Long> result = new HashMap<>();
        for (Map.Entry<Integer, List<ShardPlacement>> e : byGroup.entrySet()) {
            List<Integer> oids = new ArrayList<>();
            List<Integer> owners = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                Shard shard = objects.shard(e.getValue().get(i).shardId());
                oids.add(shard.shardRelationOid());
                owners.add(i);
                for (Index index : objects.indexesOf(shard.shardRelationOid())) {
                    oids.add(index.oid());
                    owners.add(i);
                }
            }
            int[] relationOids = new int[oids.size()];
            for (int i = 0; i < relationOids.length; i++) {
                relationOids[i] = oids.get(i);
            }
            long[] sizes = source.sizes(e.getKey(), relationOids);
            if (sizes == null) {
                continue;
            }
            long[] totals = new long[e.getValue().size()];
            for (int i = 0; i < sizes.length; i++) {
                totals[owners.get(i)] += sizes[i];
            }
            for (int i = 0; i < totals.length; i++) {
                result.put(e.getValue().get(i).placementId(), totals[i]);
            }
        }
        return result;
    }
}
