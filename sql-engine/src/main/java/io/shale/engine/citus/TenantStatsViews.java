package io.shale.engine.citus;

import io.shale.catalog.Catalog;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Namespace;
import io.shale.catalog.distribution.ClusterNode;
import io.shale.catalog.distribution.DistributedSchema;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import io.shale.engine.distributed.ClusterHooks;
import io.shale.engine.system.CatalogFunction;
import io.shale.engine.system.SystemColumn;
import io.shale.engine.system.SystemRelation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.shale.engine.citus.CitusRelations.column;

/**
 * Citus's tenant monitoring functions and views ({@code reference/citus.md} §9.3): citus_stat_tenants_local(bool) and
 * its view (this node), citus_stat_tenants(bool) and its view (every active primary node of pg_dist_node, asked over
 * the internal request {@link TenantStatsService#METHOD}), citus_stat_tenants_local_reset() and
 * citus_stat_tenants_reset(). Schema tenants show their schema's name as tenant attribute.
 */
public final class TenantStatsViews {
    private static final long FIRST_FUNCTION_OID = 1_000_250_000L;
    private static final int LOCAL_VIEW_OID = CitusRelations.FIRST_OID + 50;
    private static final int CLUSTER_VIEW_OID = CitusRelations.FIRST_OID + 51;

    private TenantStatsViews() {
    }

    /** One tenant row with the node it came from. */
    private record NodeRow(int nodeId, TenantStats.Row row) {
    }

    /** The functions, over this node's monitor and its cluster. */
    public static List<CatalogFunction> functions(TenantStats stats, Supplier<ClusterHooks> cluster) {
        List<CatalogFunction> out = new ArrayList<>();
        long oid = FIRST_FUNCTION_OID;
        for (List<Integer> args : List.of(List.<Integer>of(), List.of(TypeOids.BOOL))) {
            out.add(new CatalogFunction("pg_catalog", "citus_stat_tenants_local", oid++, args, TypeOids.RECORD, true,
                    'v', new CatalogFunction.SetReturning((c, a) -> localRows(stats, c.catalog(), c.databaseOid(),
                    a.length > 0 && (Boolean) a[0], true).iterator(), columns(false, true))));
            out.add(new CatalogFunction("pg_catalog", "citus_stat_tenants", oid++, args, TypeOids.RECORD, true, 'v',
                    new CatalogFunction.SetReturning((c, a) -> clusterRows(stats, cluster.get(), c.catalog(),
                            c.databaseOid(), a.length > 0 && (Boolean) a[0], true).iterator(), columns(true, true))));
        }
        out.add(new CatalogFunction("pg_catalog", "citus_stat_tenants_local_reset", oid++, List.of(), TypeOids.VOID,
                false, 'v', new CatalogFunction.Scalar((c, a) -> {
                    stats.reset();
                    return null;
                })));
        out.add(new CatalogFunction("pg_catalog", "citus_stat_tenants_reset", oid, List.of(), TypeOids.VOID, false, 'v',
                new CatalogFunction.Scalar((c, a) -> {
                    resetAll(stats, cluster.get(), c.catalog());
                    return null;
                })));
        return List.copyOf(out);
    }

    /** The views citus_stat_tenants_local and citus_stat_tenants. */
    public static List<SystemRelation> relations(TenantStats stats, Supplier<ClusterHooks> cluster) {
        return List.of(
                new CitusRelation(LOCAL_VIEW_OID, "pg_catalog", "citus_stat_tenants_local", 'v', columns(false, false),
                        c -> localRows(stats, c.catalog(), c.databaseOid(), false, false)),
                new CitusRelation(CLUSTER_VIEW_OID, "pg_catalog", "citus_stat_tenants", 'v', columns(true, false),
                        c -> clusterRows(stats, cluster.get(), c.catalog(), c.databaseOid(), false, false)));
    }

    private static List<SystemColumn> columns(boolean nodeId, boolean score) {
        List<SystemColumn> columns = new ArrayList<>();
        if (nodeId) {
            columns.add(column("nodeid", SqlType.INT4));
        }
        columns.add(column("colocation_id", SqlType.INT4));
        columns.add(column("tenant_attribute", SqlType.TEXT));
        columns.add(column("read_count_in_this_period", SqlType.INT4));
        columns.add(column("read_count_in_last_period", SqlType.INT4));
        columns.add(column("query_count_in_this_period", SqlType.INT4));
        columns.add(column("query_count_in_last_period", SqlType.INT4));
        columns.add(column("cpu_usage_in_this_period", SqlType.FLOAT8));
        columns.add(column("cpu_usage_in_last_period", SqlType.FLOAT8));
        if (score) {
            columns.add(column("score", SqlType.INT8));
        }
        return columns;
    }

    static List<Object[]> localRows(TenantStats stats, Catalog catalog, int databaseOid, boolean all, boolean score) {
        List<Object[]> rows = new ArrayList<>();
        Map<Integer, String> schemas = schemaNames(catalog, databaseOid);
        for (TenantStats.Row r : stats.rows(databaseOid, all)) {
            rows.add(values(null, r, schemas, score));
        }
        return rows;
    }

    private static List<Object[]> clusterRows(TenantStats stats, ClusterHooks cluster, Catalog catalog, int databaseOid,
                                              boolean all, boolean score) {
        List<NodeRow> collected = new ArrayList<>();
        int localGroup = cluster.localGroupId();
        for (ClusterNode node : catalog.nodes()) {
            if (!node.isActivePrimary()) {
                continue;
            }
            List<TenantStats.Row> rows = node.groupId() == localGroup ? stats.rows(databaseOid, all)
                    : TenantStatsCodec.decodeRows(cluster.tenantStats(node.groupId(),
                            TenantStatsCodec.rowsRequest(databaseOid, all)));
            if (rows == null) {
                continue;
            }
            for (TenantStats.Row r : rows) {
                collected.add(new NodeRow(node.nodeId(), r));
            }
        }
        collected.sort((a, b) -> Long.compare(b.row().score(), a.row().score()));
        Map<Integer, String> schemas = schemaNames(catalog, databaseOid);
        List<Object[]> out = new ArrayList<>();
        for (NodeRow r : collected) {
            if (!all && out.size() >= stats.limit()) {
                break;
            }
            out.add(values(r.nodeId(), r.row(), schemas, score));
        }
        return out;
    }

    private static void resetAll(TenantStats stats, ClusterHooks cluster, Catalog catalog) {
        int localGroup = cluster.localGroupId();
        stats.reset();
        for (ClusterNode node : catalog.nodes()) {
            if (node.isActivePrimary() && node.groupId() != localGroup) {
                cluster.tenantStats(node.groupId(), TenantStatsCodec.resetRequest());
            }
        }
    }

    /** Colocation id → name of the distributed schema of that group. */
    private static Map<Integer, String> schemaNames(Catalog catalog, int databaseOid) {
        DatabaseCatalog objects = catalog.objects(databaseOid);
        Map<Integer, String> names = new HashMap<>();
        if (objects == null) {
            return names;
        }
        for (DistributedSchema s : objects.distributedSchemas()) {
            Namespace namespace = objects.namespace(s.schemaOid());
            if (namespace != null) {
                names.put(s.colocationId(), namespace.name());
            }
        }
        return names;
    }

    private static Object[] values(Integer nodeId, TenantStats.Row r, Map<Integer, String> schemas, boolean score) {
        List<Object> v = new ArrayList<>(11);
        if (nodeId != null) {
            v.add(nodeId);
        }
        v.add(r.colocationId());
        v.add(r.attribute() != null ? r.attribute() : schemas.get(r.colocationId()));
        v.add(r.readsThisPeriod());
        v.add(r.readsLastPeriod());
        v.add(r.queriesThisPeriod());
        v.add(r.queriesLastPeriod());
        v.add(r.cpuThisPeriod());
        v.add(r.cpuLastPeriod());
        if (score) {
            v.add(r.score());
        }
        return v.toArray();
    }
}
