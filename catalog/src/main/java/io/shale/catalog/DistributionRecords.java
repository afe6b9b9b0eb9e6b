package io.shale.catalog;

import io.shale.catalog.distribution.CleanupRecord;
import io.shale.catalog.distribution.ClusterNode;
import io.shale.catalog.distribution.ColocationGroup;
import io.shale.catalog.distribution.DistributedSchema;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.RebalanceStrategy;
import io.shale.catalog.distribution.Shard;
import io.shale.catalog.distribution.ShardPlacement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@link CatalogCodec}'s encodings of the distribution metadata (format version 2 and later). */
final class DistributionRecords {
    private DistributionRecords() {
    }

    static void writeCluster(CatalogOutput out, ClusterMetadata cluster) {
        out.varInt(cluster.nextNodeId());
        out.varInt(cluster.nextGroupId());
        out.varInt(cluster.nodes().size());
        for (ClusterNode n : cluster.nodes()) {
            out.varInt(n.nodeId());
            out.varInt(n.groupId());
            out.string(n.nodeName());
            out.varInt(n.nodePort());
            out.string(n.nodeRack());
            out.bool(n.hasMetadata());
            out.bool(n.isActive());
            out.string(n.nodeRole());
            out.string(n.nodeCluster());
            out.bool(n.metadataSynced());
            out.bool(n.shouldHaveShards());
        }
    }

    static ClusterMetadata readCluster(CatalogInput in) {
        int nextNodeId = in.varInt();
        int nextGroupId = in.varInt();
        List<ClusterNode> nodes = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            nodes.add(new ClusterNode(in.varInt(), in.varInt(), in.string(), in.varInt(), in.string(), in.bool(),
                    in.bool(), in.string(), in.string(), in.bool(), in.bool()));
        }
        return new ClusterMetadata(nodes, nextNodeId, nextGroupId);
    }

    static void writeDistribution(CatalogOutput out, DistributionMetadata d) {
        out.varLong(d.nextShardId);
        out.varLong(d.nextPlacementId);
        out.varInt(d.nextColocationId);
        List<DistributedTable> tables = CatalogCodec.sorted(d.tables.values(),
                Comparator.comparingInt(DistributedTable::relationOid));
        out.varInt(tables.size());
        for (DistributedTable t : tables) {
            out.varInt(t.relationOid());
            out.u16(t.partitionMethod());
            out.varInt(t.distributionAttnum());
            out.varInt(t.colocationId());
            out.u16(t.replicationModel());
            out.bool(t.autoConverted());
        }
        List<Shard> shards = CatalogCodec.sorted(d.shards.values(), Comparator.comparingLong(Shard::shardId));
        out.varInt(shards.size());
        for (Shard s : shards) {
            out.varLong(s.shardId());
            out.varInt(s.relationOid());
            out.varInt(s.shardRelationOid());
            out.u16(s.storage());
            out.string(s.minValue());
            out.string(s.maxValue());
        }
        List<ShardPlacement> placements = CatalogCodec.sorted(d.placements.values(),
                Comparator.comparingLong(ShardPlacement::placementId));
        out.varInt(placements.size());
        for (ShardPlacement p : placements) {
            out.varLong(p.placementId());
            out.varLong(p.shardId());
            out.varInt(p.groupId());
            out.varInt(p.shardState());
            out.varLong(p.shardLength());
        }
        List<ColocationGroup> groups = CatalogCodec.sorted(d.colocationGroups.values(),
                Comparator.comparingInt(ColocationGroup::colocationId));
        out.varInt(groups.size());
        for (ColocationGroup g : groups) {
            out.varInt(g.colocationId());
            out.varInt(g.shardCount());
            out.varInt(g.replicationFactor());
            out.varInt(g.distributionColumnType());
            out.varInt(g.distributionColumnCollation());
        }
        List<DistributedSchema> schemas = CatalogCodec.sorted(d.schemas.values(),
                Comparator.comparingInt(DistributedSchema::schemaOid));
        out.varInt(schemas.size());
        for (DistributedSchema s : schemas) {
            out.varInt(s.schemaOid());
            out.varInt(s.colocationId());
        }
        out.varLong(d.nextCleanupRecordId);
        out.varLong(d.nextOperationId);
        List<CleanupRecord> cleanups = CatalogCodec.sorted(d.cleanups.values(),
                Comparator.comparingLong(CleanupRecord::recordId));
        out.varInt(cleanups.size());
        for (CleanupRecord r : cleanups) {
            out.varLong(r.recordId());
            out.varLong(r.operationId());
            out.varInt(r.objectType());
            out.string(r.objectName());
            out.varInt(r.groupId());
            out.varInt(r.policyType());
            out.varInt(r.storageIds().size());
            for (long id : r.storageIds()) {
                out.varLong(id);
            }
        }
    }

    /** Format 5 added pg_dist_cleanup and its id sequences. */
    static DistributionMetadata readDistribution(CatalogInput in, int formatVersion) {
        long nextShardId = in.varLong();
        long nextPlacementId = in.varLong();
        int nextColocationId = in.varInt();
        List<DistributedTable> tables = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            tables.add(new DistributedTable(in.varInt(), in.character(), in.varInt(), in.varInt(), in.character(),
                    in.bool()));
        }
        List<Shard> shards = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            shards.add(new Shard(in.varLong(), in.varInt(), in.varInt(), in.character(), in.string(), in.string()));
        }
        List<ShardPlacement> placements = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            placements.add(new ShardPlacement(in.varLong(), in.varLong(), in.varInt(), in.varInt(), in.varLong()));
        }
        List<ColocationGroup> groups = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            groups.add(new ColocationGroup(in.varInt(), in.varInt(), in.varInt(), in.varInt(), in.varInt()));
        }
        List<DistributedSchema> schemas = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            schemas.add(new DistributedSchema(in.varInt(), in.varInt()));
        }
        long nextCleanupRecordId = 1;
        long nextOperationId = 1;
        List<CleanupRecord> cleanups = new ArrayList<>();
        if (formatVersion >= 5) {
            nextCleanupRecordId = in.varLong();
            nextOperationId = in.varLong();
            for (int i = in.count(); i > 0; i--) {
                long recordId = in.varLong();
                long operationId = in.varLong();
                int objectType = in.varInt();
                String objectName = in.string();
                int groupId = in.varInt();
                int policyType = in.varInt();
                List<Long> storageIds = new ArrayList<>();
                for (int j = in.count(); j > 0; j--) {
                    storageIds.add(in.varLong());
                }
                cleanups.add(new CleanupRecord(recordId, operationId, objectType, objectName, groupId, policyType,
                        storageIds));
            }
        }
        return new DistributionMetadata(tables, shards, placements, groups, schemas, nextShardId, nextPlacementId,
                nextColocationId, cleanups, nextCleanupRecordId, nextOperationId);
    }

    /** Format version 4: a database's pg_dist_rebalance_strategy rows (float4 as their IEEE bits). */
    static void writeStrategies(CatalogOutput out, List<RebalanceStrategy> strategies) {
        out.varInt(strategies.size());
        for (RebalanceStrategy s : strategies) {
            out.string(s.name());
            out.bool(s.defaultStrategy());
            out.string(s.shardCostFunction());
            out.string(s.nodeCapacityFunction());
            out.string(s.shardAllowedOnNodeFunction());
            out.fixedInt(Float.floatToRawIntBits(s.defaultThreshold()));
            out.fixedInt(Float.floatToRawIntBits(s.minimumThreshold()));
            out.fixedInt(Float.floatToRawIntBits(s.improvementThreshold()));
        }
    }

    static List<RebalanceStrategy> readStrategies(CatalogInput in) {
        List<RebalanceStrategy> strategies = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            strategies.add(new RebalanceStrategy(in.string(), in.bool(), in.string(), in.string(), in.string(),
                    Float.intBitsToFloat(in.fixedInt()), Float.intBitsToFloat(in.fixedInt()),
                    Float.intBitsToFloat(in.fixedInt())));
        }
        return strategies;
    }
}
