package io.shale.catalog;

import io.shale.catalog.distribution.CleanupRecord;
import io.shale.catalog.distribution.ColocationGroup;
import io.shale.catalog.distribution.DistributedSchema;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.RebalanceStrategy;
import io.shale.catalog.distribution.Shard;
import io.shale.catalog.distribution.ShardNames;
import io.shale.catalog.distribution.ShardPlacement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distribution metadata of one database (pg_dist_partition, pg_dist_shard, pg_dist_placement,
 * pg_dist_colocation, pg_dist_schema, pg_dist_cleanup, pg_dist_rebalance_strategy and their id
 * sequences), immutable, with its look-ups. No stored strategy rows means Citus's built-in ones.
 */
final class DistributionMetadata {
    static final DistributionMetadata EMPTY = new DistributionMetadata(List.of(), List.of(), List.of(), List.of(),
            List.of(), ShardNames.FIRST_SHARD_ID, 1, 1, List.of(), 1, 1);

    final Map<Integer, DistributedTable> tables;
    final Map<Long, Shard> shards;
    final Map<Integer, List<Shard>> shardsByRelation;
    final Map<Integer, Shard> shardsByShardRelation;
    final Map<Long, ShardPlacement> placements;
    final Map<Long, List<ShardPlacement>> placementsByShard;
    final Map<Integer, ColocationGroup> colocationGroups;
    final Map<Integer, DistributedSchema> schemas;
    final long nextShardId;
    final long nextPlacementId;
    final int nextColocationId;
    final Map<Long, CleanupRecord> cleanups;
    final long nextCleanupRecordId;
    final long nextOperationId;
    /** The stored pg_dist_rebalance_strategy rows in insertion order; empty: the built-in rows. */
    final List<RebalanceStrategy> strategies;

    DistributionMetadata(Collection<DistributedTable> tables, Collection<Shard> shards,
                         Collection<ShardPlacement> placements, Collection<ColocationGroup> colocationGroups,
                         Collection<DistributedSchema> schemas, long nextShardId, long nextPlacementId,
                         int nextColocationId, Collection<CleanupRecord> cleanups, long nextCleanupRecordId,
                         long nextOperationId) {
        this(tables, shards, placements, colocationGroups, schemas, nextShardId, nextPlacementId, nextColocationId,
                cleanups, nextCleanupRecordId, nextOperationId, List.of());
    }

    DistributionMetadata(Collection<DistributedTable> tables, Collection<Shard> shards,
                         Collection<ShardPlacement> placements, Collection<ColocationGroup> colocationGroups,
                         Collection<DistributedSchema> schemas, long nextShardId, long nextPlacementId,
                         int nextColocationId, Collection<CleanupRecord> cleanups, long nextCleanupRecordId,
                         long nextOperationId, List<RebalanceStrategy> strategies) {
        Map<Integer, DistributedTable> t = new HashMap<>();
        for (DistributedTable table : tables) {
            t.put(table.relationOid(), table);
        }
        Map<Long, Shard> s = new HashMap<>();
        Map<Integer, List<Shard>> byRelation = new HashMap<>();
        Map<Integer, Shard> byShardRelation = new HashMap<>();
        for (Shard shard : shards) {
            s.put(shard.shardId(), shard);
            byRelation.computeIfAbsent(shard.relationOid(), k -> new ArrayList<>()).add(shard);
            byShardRelation.put(shard.shardRelationOid(), shard);
        }
        byRelation.replaceAll((k, v) -> sortedCopy(v, Comparator.comparingLong(Shard::shardId)));
        Map<Long, ShardPlacement> p = new HashMap<>();
        Map<Long, List<ShardPlacement>> byShard = new HashMap<>();
        for (ShardPlacement placement : placements) {
            p.put(placement.placementId(), placement);
            byShard.computeIfAbsent(placement.shardId(), k -> new ArrayList<>()).add(placement);
        }
        byShard.replaceAll((k, v) -> sortedCopy(v, Comparator.comparingLong(ShardPlacement::placementId)));
        Map<Integer, ColocationGroup> c = new HashMap<>();
        for (ColocationGroup group : colocationGroups) {
            c.put(group.colocationId(), group);
        }
        Map<Integer, DistributedSchema> d = new HashMap<>();
        for (DistributedSchema schema : schemas) {
            d.put(schema.schemaOid(), schema);
        }
        this.tables = Map.copyOf(t);
        this.shards = Map.copyOf(s);
        this.shardsByRelation = Map.copyOf(byRelation);
        this.shardsByShardRelation = Map.copyOf(byShardRelation);
        this.placements = Map.copyOf(p);
        this.placementsByShard = Map.copyOf(byShard);
        this.colocationGroups = Map.copyOf(c);
        this.schemas = Map.copyOf(d);
        this.nextShardId = nextShardId;
        this.nextPlacementId = nextPlacementId;
        this.nextColocationId = nextColocationId;
        Map<Long, CleanupRecord> cl = new HashMap<>();
        for (CleanupRecord r : cleanups) {
            cl.put(r.recordId(), r);
        }
        this.cleanups = Map.copyOf(cl);
        this.nextCleanupRecordId = nextCleanupRecordId;
        this.nextOperationId = nextOperationId;
        this.strategies = List.copyOf(strategies);
    }

    /** The same metadata with other strategy rows. */
    DistributionMetadata withStrategies(List<RebalanceStrategy> rows) {
        return new DistributionMetadata(tables.values(), shards.values(), placements.values(),
                colocationGroups.values(), schemas.values(), nextShardId, nextPlacementId, nextColocationId,
                cleanups.values(), nextCleanupRecordId, nextOperationId, rows);
    }

    static <T> List<T> sortedCopy(Collection<T> values, Comparator<T> order) {
        List<T> list = new ArrayList<>(values);
        list.sort(order);
        return List.copyOf(list);
    }
}
