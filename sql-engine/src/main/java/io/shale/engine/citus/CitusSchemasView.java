package io.shale.engine.citus;

import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Namespace;
import io.shale.catalog.Role;
import io.shale.catalog.distribution.DistributedSchema;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.Shard;
import io.shale.catalog.distribution.ShardPlacement;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import io.shale.engine.system.SizeFunctions;
import io.shale.engine.system.SystemContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.shale.engine.citus.CitusRelations.column;

/**
 * The view citus_schemas ({@code reference/citus.md} §2.10): one row per distributed schema with its
 * colocation group, the pretty-printed sum of its shards' sizes measured on their nodes, and its owner.
 */
final class CitusSchemasView {
    private CitusSchemasView() {
    }

    static CitusRelation citusSchemas(int oid) {
        return new CitusRelation(oid, "pg_catalog", "citus_schemas", 'v', List.of(
                column("schema_name", SqlType.of(TypeOids.REGNAMESPACE)), column("colocation_id", SqlType.INT4),
                column("schema_size", SqlType.TEXT), column("schema_owner", SqlType.NAME)),
                CitusSchemasView::rows);
    }

    private static List<Object[]> rows(SystemContext context) {
        DatabaseCatalog objects = CitusRelations.objects(context);
        List<DistributedSchema> schemas = new ArrayList<>(objects.distributedSchemas());
        schemas.sort(Comparator.comparingInt(DistributedSchema::colocationId));
        List<Object[]> rows = new ArrayList<>(schemas.size());
        for (DistributedSchema s : schemas) {
            Namespace ns = objects.namespace(s.schemaOid());
            if (ns == null) {
                continue;
            }
            boolean usage = io.shale.engine.access.AccessChecks.hasOnSchema(context.catalog(), context.databaseOid(),
                    context.currentUserOid(), ns, io.shale.catalog.Privilege.USAGE);
            List<ShardPlacement> placements = new ArrayList<>();
            for (DistributedTable t : usage ? objects.colocatedTables(s.colocationId()) : List.<DistributedTable>of()) {
                for (Shard shard : objects.shards(t.relationOid())) {
                    for (ShardPlacement p : objects.placements(shard.shardId())) {
                        if (p.shardState() == 1) {
                            placements.add(p);
                        }
                    }
                }
            }
            long total = 0;
            for (Map.Entry<Long, Long> e : PlacementSizes.of(objects, placements, CitusViews.source(context)).entrySet()) {
                total += e.getValue();
            }
            Role owner = context.catalog().role(ns.ownerOid());
            rows.add(new Object[] {(long) ns.oid(), s.colocationId(), usage ? SizeFunctions.pretty(total) : null,
                    owner == null ? null : owner.name()});
        }
        return rows;
    }
}
