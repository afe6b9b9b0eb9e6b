package io.shale.engine.citus;

import io.shale.catalog.Catalog;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Role;
import io.shale.catalog.Table;
import io.shale.catalog.distribution.ClusterNode;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.Shard;
import io.shale.catalog.distribution.ShardPlacement;
import io.shale.common.types.SqlType;
import io.shale.engine.system.SizeFunctions;
import io.shale.engine.system.SystemContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.shale.engine.citus.CitusRelations.column;

/**
 * The views citus_tables and citus_shards ({@code reference/citus.md} §2.10), in pg_catalog (where Citus puts
 * them when there is no schema public, so that they stay out of listings of public).
 * Sizes are measured where the placements are: in this node's store for its own group, through the
 * {@code shard.size} request for other nodes (a NULL shard_size when that node does not answer).
 */
final class CitusViews {
    private CitusViews() {
    }

    static CitusRelation citusTables(int oid) {
        return new CitusRelation(oid, "pg_catalog", "citus_tables", 'v', List.of(
                column("table_name", CitusRelations.REGCLASS), column("citus_table_type", SqlType.TEXT),
                column("distribution_column", SqlType.TEXT), column("colocation_id", SqlType.INT4),
                column("table_size", SqlType.TEXT), column("shard_count", SqlType.INT8),
                column("table_owner", SqlType.NAME), column("access_method", SqlType.NAME)),
                CitusViews::tables);
    }

    static CitusRelation citusShards(int oid) {
        return new CitusRelation(oid, "pg_catalog", "citus_shards", 'v', List.of(
                column("table_name", CitusRelations.REGCLASS), column("shardid", SqlType.INT8),
                column("shard_name", SqlType.TEXT), column("citus_table_type", SqlType.TEXT),
                column("colocation_id", SqlType.INT4), column("nodename", SqlType.TEXT),
                column("nodeport", SqlType.INT4), column("shard_size", SqlType.INT8)),
                CitusViews::shards);
    }

    /** The Citus tables other than Citus local ones, ordered by name as text. */
    private static List<DistributedTable> listed(DatabaseCatalog objects) {
        List<DistributedTable> tables = new ArrayList<>();
        for (DistributedTable t : objects.distributedTables()) {
            if (!ShardNaming.tableType(objects, t).equals("local") && objects.relation(t.relationOid()) != null) {
                tables.add(t);
            }
        }
        tables.sort(Comparator.comparing(t -> objects.relation(t.relationOid()).name()));
        return tables;
    }

    private static List<Object[]> tables(SystemContext context) {
        Catalog catalog = context.catalog();
        DatabaseCatalog objects = CitusRelations.objects(context);
        List<Object[]> rows = new ArrayList<>();
        for (DistributedTable t : listed(objects)) {
            Table shell = (Table) objects.relation(t.relationOid());
            List<ShardPlacement> placements = placementsOf(objects, t);
            Map<Long, Long> sizes = PlacementSizes.of(objects, placements, source(context));
            Map<Long, Long> perShard = new HashMap<>();
            for (ShardPlacement p : placements) {
                Long size = sizes.get(p.placementId());
                if (size != null) {
                    perShard.merge(p.shardId(), size, Math::max);
                }
            }
            long total = 0;
            for (long size : perShard.values()) {
                total += size;
            }
            Role owner = catalog.role(shell.ownerOid());
            rows.add(new Object[] {(long) t.relationOid(), ShardNaming.tableType(objects, t),
                    t.hasDistributionColumn() ? shell.column(t.distributionAttnum()).name() : "<none>", t.colocationId(),
                    SizeFunctions.pretty(total), (long) objects.shards(t.relationOid()).size(),
                    owner == null ? null : owner.name(), shell.accessMethod()});
        }
        return rows;
    }

    private static List<Object[]> shards(SystemContext context) {
        Catalog catalog = context.catalog();
        DatabaseCatalog objects = CitusRelations.objects(context);
        List<Object[]> rows = new ArrayList<>();
        for (DistributedTable t : listed(objects)) {
            Table shell = (Table) objects.relation(t.relationOid());
            String type = ShardNaming.tableType(objects, t);
            List<ShardPlacement> placements = placementsOf(objects, t);
            Map<Long, Long> sizes = PlacementSizes.of(objects, placements, source(context));
            for (ShardPlacement p : placements) {
                ClusterNode node = catalog.nodeOfGroup(p.groupId());
                rows.add(new Object[] {(long) t.relationOid(), p.shardId(),
                        ShardNaming.shardName(objects, shell, p.shardId(), true), type, t.colocationId(),
                        node == null ? null : node.nodeName(), node == null ? null : node.nodePort(),
                        sizes.get(p.placementId())});
            }
        }
        return rows;
    }

    /** The active placements of a table's shards, shard by shard. */
    private static List<ShardPlacement> placementsOf(DatabaseCatalog objects, DistributedTable table) {
        List<ShardPlacement> placements = new ArrayList<>();
        for (Shard s : objects.shards(table.relationOid())) {
            for (ShardPlacement p : objects.placements(s.shardId())) {
                if (p.shardState() == 1) {
                    placements.add(p);
                }
            }
        }
        return placements;
    }

    /** Sizes from this node's store for its own group, from the group's node (shard.size) for the others. */
    static PlacementSizes.Source source(SystemContext context) {
        return (group, oids) -> {
            if (group != context.localGroupId()) {
                return context.remoteRelationSizes(group, oids);
            }
            long[] sizes = new long[oids.length];
            for (int i = 0; i < oids.length; i++) {
                sizes[i] = context.sizes().relationSize(oids[i]);
            }
            return sizes;
        };
    }
}
