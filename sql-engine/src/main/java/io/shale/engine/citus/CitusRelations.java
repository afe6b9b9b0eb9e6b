package io.shale.engine.citus;

import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.distribution.ColocationGroup;
import io.shale.catalog.distribution.DistributedSchema;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.Shard;
import io.shale.catalog.distribution.ShardPlacement;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import io.shale.engine.system.SystemColumn;
import io.shale.engine.system.SystemContext;
import io.shale.engine.system.SystemRelation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Citus's metadata tables {@code pg_dist_partition}, {@code pg_dist_shard}, {@code pg_dist_placement},
 * {@code pg_dist_colocation}, {@code pg_dist_schema}, {@code pg_dist_cleanup} (pg_catalog) with Citus's columns and types
 * ({@code reference/citus.md} §2), computed from the catalog snapshot; the views citus_tables and
 * citus_shards are in {@link CitusViews}. Their pg_class oids are fixed from {@link #FIRST_OID}.
 */
public final class CitusRelations {
    /** The first pg_class oid of these relations (Citus's own are assigned at CREATE EXTENSION). */
    public static final int FIRST_OID = 1_000_100_000;

    static final SqlType CHAR = SqlType.of(TypeOids.CHAR);
    static final SqlType REGCLASS = SqlType.REGCLASS;

    private CitusRelations() {
    }

    /** Every Citus relation of this module, for the engine's system catalog. */
    public static List<SystemRelation> all() {
        List<SystemRelation> all = new ArrayList<>();
        all.add(new CitusRelation(FIRST_OID, "pg_catalog", "pg_dist_partition", 'r', List.of(
                column("logicalrelid", REGCLASS), column("partmethod", CHAR), column("partkey", SqlType.TEXT),
                column("colocationid", SqlType.INT4), column("repmodel", CHAR), column("autoconverted", SqlType.BOOL)),
                CitusRelations::partitions));
        all.add(new CitusRelation(FIRST_OID + 1, "pg_catalog", "pg_dist_shard", 'r', List.of(
                column("logicalrelid", REGCLASS), column("shardid", SqlType.INT8), column("shardstorage", CHAR),
                column("shardminvalue", SqlType.TEXT), column("shardmaxvalue", SqlType.TEXT)),
                CitusRelations::shards));
        all.add(new CitusRelation(FIRST_OID + 2, "pg_catalog", "pg_dist_placement", 'r', List.of(
                column("placementid", SqlType.INT8), column("shardid", SqlType.INT8), column("shardstate", SqlType.INT4),
                column("shardlength", SqlType.INT8), column("groupid", SqlType.INT4)),
                CitusRelations::placements));
        all.add(new CitusRelation(FIRST_OID + 3, "pg_catalog", "pg_dist_colocation", 'r', List.of(
                column("colocationid", SqlType.INT4), column("shardcount", SqlType.INT4),
                column("replicationfactor", SqlType.INT4), column("distributioncolumntype", SqlType.OID),
                column("distributioncolumncollation", SqlType.OID)),
                CitusRelations::colocationGroups));
        all.add(new CitusRelation(FIRST_OID + 4, "pg_catalog", "pg_dist_schema", 'r', List.of(
                column("schemaid", SqlType.OID), column("colocationid", SqlType.INT4)),
                CitusRelations::schemas));
        all.add(CitusViews.citusTables(FIRST_OID + 5));
        all.add(CitusViews.citusShards(FIRST_OID + 6));
        all.add(CitusSchemasView.citusSchemas(FIRST_OID + 7));
        all.add(new CitusRelation(FIRST_OID + 30, "pg_catalog", "pg_dist_cleanup", 'r', List.of(
                column("record_id", SqlType.INT8), column("operation_id", SqlType.INT8),
                column("object_type", SqlType.INT4), column("object_name", SqlType.TEXT),
                column("node_group_id", SqlType.INT4), column("policy_type", SqlType.INT4)),
                CitusRelations::cleanupRecords));
        return List.copyOf(all);
    }

    static SystemColumn column(String name, SqlType type) {
        return new SystemColumn(name, type);
    }

    static DatabaseCatalog objects(SystemContext context) {
        return context.catalog().objects(context.databaseOid());
    }

    private static List<Object[]> partitions(SystemContext context) {
        DatabaseCatalog objects = objects(context);
        List<Object[]> rows = new ArrayList<>();
        for (DistributedTable t : objects.distributedTables()) {
            rows.add(new Object[] {(long) t.relationOid(), String.valueOf(t.partitionMethod()), partitionKey(objects, t),
                    t.colocationId(), String.valueOf(t.replicationModel()), t.autoConverted()});
        }
        return rows;
    }

    /** The distribution column as PostgreSQL 15 prints its {@code Var} node, as pg_dist_partition.partkey holds it. */
    static String partitionKey(DatabaseCatalog objects, DistributedTable t) {
        if (!t.hasDistributionColumn()) {
            return null;
        }
        var table = (io.shale.catalog.Table) objects.relation(t.relationOid());
        SqlType type = table.column(t.distributionAttnum()).type();
        int collation = DistributionRules.collation(type);
        return "{VAR :varno 1 :varattno " + t.distributionAttnum() + " :vartype " + type.oid() + " :vartypmod "
                + type.typmod() + " :varcollid " + collation + " :varlevelsup 0 :varnosyn 1 :varattnosyn "
                + t.distributionAttnum() + " :location -1}";
    }

    private static List<Object[]> shards(SystemContext context) {
        DatabaseCatalog objects = objects(context);
        List<Shard> shards = new ArrayList<>(objects.allShards());
        shards.sort(Comparator.comparingLong(Shard::shardId));
        List<Object[]> rows = new ArrayList<>(shards.size());
        for (Shard s : shards) {
            rows.add(new Object[] {(long) s.relationOid(), s.shardId(), String.valueOf(s.storage()), s.minValue(),
                    s.maxValue()});
        }
        return rows;
    }

    private static List<Object[]> placements(SystemContext context) {
        List<ShardPlacement> placements = new ArrayList<>(objects(context).allPlacements());
        placements.sort(Comparator.comparingLong(ShardPlacement::placementId));
        List<Object[]> rows = new ArrayList<>(placements.size());
        for (ShardPlacement p : placements) {
            int state = p.shardState() == ShardMover.WRITE_BLOCKED ? 1 : p.shardState();
            rows.add(new Object[] {p.placementId(), p.shardId(), state, p.shardLength(), p.groupId()});
        }
        return rows;
    }

    private static List<Object[]> cleanupRecords(SystemContext context) {
        List<Object[]> rows = new ArrayList<>();
        for (io.shale.catalog.distribution.CleanupRecord r : objects(context).cleanupRecords()) {
            rows.add(new Object[] {r.recordId(), r.operationId(), r.objectType(), r.objectName(), r.groupId(),
                    r.policyType()});
        }
        return rows;
    }

    private static List<Object[]> colocationGroups(SystemContext context) {
        List<Object[]> rows = new ArrayList<>();
        for (ColocationGroup g : objects(context).colocationGroups()) {
            rows.add(new Object[] {g.colocationId(), g.shardCount(), g.replicationFactor(),
                    (long) g.distributionColumnType(), (long) g.distributionColumnCollation()});
        }
        return rows;
    }

    private static List<Object[]> schemas(SystemContext context) {
        List<Object[]> rows = new ArrayList<>();
        for (DistributedSchema s : objects(context).distributedSchemas()) {
            rows.add(new Object[] {(long) s.schemaOid(), s.colocationId()});
        }
        return rows;
    }
}
