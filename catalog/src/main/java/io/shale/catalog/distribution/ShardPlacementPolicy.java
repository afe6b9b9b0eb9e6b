package io.shale.catalog.distribution;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Where Citus puts new shards ({@code reference/citus.md} §3.9): over the candidate nodes sorted
 * by (name, port), replica r of hash shard i goes to node {@code (i mod n + r) mod n}; the shard
 * of a single-shard or tenant group to node {@code colocationid mod n}.
 */
public final class ShardPlacementPolicy {
    private ShardPlacementPolicy() {
    }

    /** The candidates in placement order: sorted by (name, port). */
    public static List<NodeAddress> sorted(Collection<NodeAddress> candidates) {
        List<NodeAddress> nodes = new ArrayList<>(candidates);
        nodes.sort(null);
        return List.copyOf(nodes);
    }

    /** The position, in the sorted candidates, of replica {@code replica} of hash shard {@code shardIndex}. */
    public static int nodeIndex(int shardIndex, int replica, int nodeCount) {
        return (shardIndex % nodeCount + replica) % nodeCount;
    }

    /** The position, in the sorted candidates, of the first shard of a single-shard or tenant group. */
    public static int singleShardNodeIndex(long colocationId, int nodeCount) {
        return (int) Math.floorMod(colocationId, (long) nodeCount);
    }

    /**
     * The nodes of every shard of a new hash table, shard index order, each list in replica order;
     * fails as Citus does when there are fewer candidates than replicas.
     */
    public static List<List<NodeAddress>> placeHashShards(Collection<NodeAddress> candidates, int shardCount,
                                                          int replicationFactor) {
        List<NodeAddress> nodes = sorted(candidates);
        int n = nodes.size();
        if (replicationFactor > n) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "replication_factor (" + replicationFactor
                    + ") exceeds number of worker nodes (" + n + ")")
                    .withHint("Add more worker nodes or try again with a lower replication factor.");
        }
        List<List<NodeAddress>> placements = new ArrayList<>(shardCount);
        for (int i = 0; i < shardCount; i++) {
            List<NodeAddress> replicas = new ArrayList<>(replicationFactor);
            for (int r = 0; r < replicationFactor; r++) {
                replicas.add(nodes.get(nodeIndex(i, r, n)));
            }
            placements.add(List.copyOf(replicas));
        }
        return List.copyOf(placements);
    }
}
