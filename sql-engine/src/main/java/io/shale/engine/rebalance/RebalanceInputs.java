package io.shale.engine.rebalance;

import io.shale.catalog.Catalog;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.distribution.ClusterNode;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.RebalanceStrategy;
import io.shale.catalog.distribution.Shard;
import io.shale.catalog.distribution.ShardPlacement;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.citus.PlacementSizes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The planner's input built from a catalog snapshot (citus.md §7.1): the active primary nodes
 * sorted by name and port, one representative table per colocation group (the lowest relation oid;
 * reference and Citus local tables left out), its shards as anchors of their shard groups, each
 * group its own unit when it has at least as many placements as nodes allowed to have shards, the
 * others pooled into one last unit; costs from the strategy, disk sizes measured on the nodes.
 *
 * @param request the planner's request
 * @param colocatedShards anchor shard id → the shards of its shard group, in relation oid order
 * @param nodes node id → node
 */
public record RebalanceInputs(RebalanceRequest request, Map<Long, List<Shard>> colocatedShards,
                              Map<Integer, ClusterNode> nodes) {
    public RebalanceInputs {
        colocatedShards = Map.copyOf(colocatedShards);
        nodes = Map.copyOf(nodes);
    }

    /** The inputs for a database; {@code sizes} measures relations on a group's node (only by_disk_size asks). */
    public static RebalanceInputs build(Catalog catalog, int databaseOid, RebalanceStrategy strategy,
                                        RebalanceOptions options, PlacementSizes.Source sizes) {
        DatabaseCatalog objects = catalog.objects(databaseOid);
        List<ClusterNode> active = new ArrayList<>();
        Map<Integer, ClusterNode> byGroup = new HashMap<>();
        Map<Integer, ClusterNode> byId = new HashMap<>();
        for (ClusterNode n : catalog.nodes()) {
            if (n.isActivePrimary()) {
                active.add(n);
                byGroup.put(n.groupId(), n);
                byId.put(n.nodeId(), n);
            }
        }
        active.sort((a, b) -> {
            int byName = a.nodeName().compareTo(b.nodeName());
            return byName != 0 ? byName : Integer.compare(a.nodePort(), b.nodePort());
        });
        float capacity = StrategyFunctions.nodeCapacity(strategy.nodeCapacityFunction());
        List<RebalanceNode> nodes = new ArrayList<>();
        int allowedNodes = 0;
        for (ClusterNode n : active) {
            nodes.add(new RebalanceNode(n.nodeId(), n.nodeName(), n.nodePort(), capacity, n.shouldHaveShards()));
            allowedNodes += n.shouldHaveShards() ? 1 : 0;
        }
        Map<Integer, List<DistributedTable>> groups = groups(objects, options.relationOid());
        Map<Long, List<Shard>> colocated = new HashMap<>();
        List<List<ShardPlacement>> anchorsPerGroup = new ArrayList<>();
        for (List<DistributedTable> tables : groups.values()) {
            List<Shard> anchors = objects.shards(tables.getFirst().relationOid());
            List<ShardPlacement> placements = new ArrayList<>();
            for (int i = 0; i < anchors.size(); i++) {
                Shard anchor = anchors.get(i);
                if (options.excludedShards().contains(anchor.shardId())) {
                    continue;
                }
                List<Shard> shards = new ArrayList<>();
                for (DistributedTable t : tables) {
                    List<Shard> own = objects.shards(t.relationOid());
                    if (i < own.size()) {
                        shards.add(own.get(i));
                    }
                }
                colocated.put(anchor.shardId(), shards);
                for (ShardPlacement p : objects.placements(anchor.shardId())) {
                    if (byGroup.containsKey(p.groupId())) {
                        placements.add(p);
                    }
                }
            }
            anchorsPerGroup.add(placements);
        }
        Map<Long, Float> costs = costs(objects, strategy, options, colocated, byGroup, sizes);
        List<List<RebalancePlacement>> units = new ArrayList<>();
        List<RebalancePlacement> pooled = new ArrayList<>();
        for (List<ShardPlacement> placements : anchorsPerGroup) {
            List<RebalancePlacement> unit = new ArrayList<>();
            for (ShardPlacement p : placements) {
                unit.add(new RebalancePlacement(p.shardId(), byGroup.get(p.groupId()).nodeId(), costs.get(p.shardId())));
            }
            if (unit.size() >= allowedNodes) {
                units.add(unit);
            } else {
                pooled.addAll(unit);
            }
        }
        if (!pooled.isEmpty()) {
            units.add(pooled);
        }
        float threshold = Float.isNaN(options.threshold()) ? strategy.defaultThreshold() : options.threshold();
        float improvement = Float.isNaN(options.improvementThreshold()) ? strategy.improvementThreshold()
                : options.improvementThreshold();
        RebalanceRequest request = new RebalanceRequest(nodes, units,
                StrategyFunctions.shardAllowed(strategy.shardAllowedOnNodeFunction()), threshold,
                strategy.minimumThreshold(), options.maxShardMoves(), options.drainOnly(), improvement,
                options.maxLoggedIgnoredMoves());
        return new RebalanceInputs(request, colocated, byId);
    }

    /** Colocation id → its Citus tables in relation oid order, the representative first. */
    private static Map<Integer, List<DistributedTable>> groups(DatabaseCatalog objects, int relationOid) {
        int only = 0;
        if (relationOid != 0) {
            DistributedTable table = objects.distributedTable(relationOid);
            if (table == null) {
                var relation = objects.relation(relationOid);
                throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "relation "
                        + (relation == null ? Integer.toString(relationOid) : relation.name()) + " is not distributed");
            }
            only = table.colocationId();
        }
        Map<Integer, List<DistributedTable>> groups = new TreeMap<>();
        for (DistributedTable t : objects.distributedTables()) {
            if (t.isReferenceTable() || t.colocationId() == 0 || (only != 0 && t.colocationId() != only)) {
                continue;
            }
            groups.computeIfAbsent(t.colocationId(), k -> new ArrayList<>()).add(t);
        }
        for (List<DistributedTable> tables : groups.values()) {
            tables.sort((a, b) -> Integer.compare(a.relationOid(), b.relationOid()));
        }
        return groups;
    }

    private static Map<Long, Float> costs(DatabaseCatalog objects, RebalanceStrategy strategy,
                                          RebalanceOptions options, Map<Long, List<Shard>> colocated,
                                          Map<Integer, ClusterNode> byGroup, PlacementSizes.Source sizes) {
        Map<Long, Float> costs = new HashMap<>();
        if (!StrategyFunctions.BY_DISK_SIZE.equals(strategy.shardCostFunction())) {
            float cost = StrategyFunctions.constantShardCost(strategy.shardCostFunction());
            for (Long anchor : colocated.keySet()) {
                costs.put(anchor, cost);
            }
            return costs;
        }
        List<ShardPlacement> measured = new ArrayList<>();
        Map<Long, List<Long>> placementsOfAnchor = new HashMap<>();
        for (Map.Entry<Long, List<Shard>> e : colocated.entrySet()) {
            int group = firstActiveGroup(objects, e.getKey(), byGroup);
            List<Long> ids = new ArrayList<>();
            for (Shard s : e.getValue()) {
                for (ShardPlacement p : objects.placements(s.shardId())) {
                    if (p.groupId() == group) {
                        measured.add(p);
                        ids.add(p.placementId());
                    }
                }
            }
            placementsOfAnchor.put(e.getKey(), ids);
        }
        Map<Long, Long> measuredSizes = PlacementSizes.of(objects, measured, sizes);
        for (Map.Entry<Long, List<Long>> e : placementsOfAnchor.entrySet()) {
            long total = options.diskSizeBaseCost();
            for (Long placementId : e.getValue()) {
                total += measuredSizes.getOrDefault(placementId, 0L);
            }
            costs.put(e.getKey(), total <= 0 ? 1f : (float) total);
        }
        return costs;
    }

    private static int firstActiveGroup(DatabaseCatalog objects, long shardId, Map<Integer, ClusterNode> byGroup) {
        for (ShardPlacement p : objects.placements(shardId)) {
            if (byGroup.containsKey(p.groupId())) {
                return p.groupId();
            }
        }
        return -1;
    }
}
