package io.shale.engine.rebalance;

import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.distribution.ClusterNode;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.Shard;
import io.shale.catalog.distribution.ShardPlacement;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.citus.PlacementSizes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The strategy callbacks Shale can call (citus.md §1.6, §7.1): citus_shard_cost_1,
 * citus_shard_cost_by_disk_size, citus_node_capacity_1 and citus_shard_allowed_on_node_true.
 * A strategy naming any other function is refused when it is added.
 */
final class StrategyFunctions {
    static final String COST_1 = "citus_shard_cost_1";
    static final String BY_DISK_SIZE = "citus_shard_cost_by_disk_size";
    static final String CAPACITY_1 = "citus_node_capacity_1";
    static final String ALLOWED_TRUE = "citus_shard_allowed_on_node_true";
    static final Set<String> COST_FUNCTIONS = Set.of(COST_1, BY_DISK_SIZE);

    private StrategyFunctions() {
    }

    static float constantShardCost(String function) {
        if (COST_1.equals(function)) {
            return 1f;
        }
        throw unsupported(function);
    }

    static float nodeCapacity(String function) {
        if (CAPACITY_1.equals(function)) {
            return 1f;
        }
        throw unsupported(function);
    }

    static ShardAllowedOnNode shardAllowed(String function) {
        if (ALLOWED_TRUE.equals(function)) {
            return ShardAllowedOnNode.ALWAYS;
        }
        throw unsupported(function);
    }

    static ShaleException unsupported(String function) {
        return new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                "rebalance strategy function " + function + " is not supported");
    }

    /** The shards of a shard's group: the same shard index in every table of its colocation group. */
    static List<Shard> colocatedShards(DatabaseCatalog objects, Shard shard) {
        DistributedTable table = objects.distributedTable(shard.relationOid());
        int index = objects.shards(shard.relationOid()).indexOf(shard);
        List<DistributedTable> tables = new ArrayList<>();
        for (DistributedTable t : objects.distributedTables()) {
            if (t.relationOid() == table.relationOid()
                    || (table.colocationId() != 0 && t.colocationId() == table.colocationId())) {
                tables.add(t);
            }
        }
        tables.sort((a, b) -> Integer.compare(a.relationOid(), b.relationOid()));
        List<Shard> shards = new ArrayList<>();
        for (DistributedTable t : tables) {
            List<Shard> own = objects.shards(t.relationOid());
            if (index < own.size()) {
                shards.add(own.get(index));
            }
        }
        return shards;
    }

    /**
     * citus_shard_cost_by_disk_size: the size of the shard's group on its first active placement,
     * measured there, plus the base cost; at least 1.
     */
    static float costByDiskSize(DatabaseCatalog objects, List<ClusterNode> nodes, long shardId, long baseCost,
                                PlacementSizes.Source sizes) {
        Shard shard = objects.shard(shardId);
        if (shard == null) {
            throw new ShaleException(ErrorCode.INTERNAL_ERROR, "could not find valid entry for shard " + shardId);
        }
        int group = -1;
        for (ShardPlacement p : objects.placements(shardId)) {
            for (ClusterNode n : nodes) {
                if (group < 0 && n.isActivePrimary() && n.groupId() == p.groupId()) {
                    group = p.groupId();
                }
            }
        }
        List<ShardPlacement> measured = new ArrayList<>();
        for (Shard s : colocatedShards(objects, shard)) {
            for (ShardPlacement p : objects.placements(s.shardId())) {
                if (p.groupId() == group) {
                    measured.add(p);
                }
            }
        }
        long total = baseCost;
        for (long size : PlacementSizes.of(objects, measured, sizes).values()) {
            total += size;
        }
        return total <= 0 ? 1f : (float) total;
    }
}
