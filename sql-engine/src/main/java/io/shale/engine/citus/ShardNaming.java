package io.shale.engine.citus;

import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Namespace;
import io.shale.catalog.Relation;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.DistributedSchema;
import io.shale.catalog.distribution.ShardNames;
import io.shale.engine.system.Identifiers;

/** Names and classifications as Citus's functions and views print them. */
final class ShardNaming {
    private ShardNaming() {
    }

    /** {@code shard_name(table, shardid)}: the quoted shard name, schema-qualified unless public (when asked). */
    static String shardName(DatabaseCatalog objects, Relation table, long shardId, boolean skipQualifyPublic) {
        String name = Identifiers.quote(ShardNames.shardName(table.name(), shardId));
        Namespace ns = objects.namespace(table.namespaceOid());
        return skipQualifyPublic && ns.name().equals("public") ? name : Identifiers.quote(ns.name()) + "." + name;
    }

    /** The citus_table_type of citus_tables and citus_shards: schema, distributed, reference or local. */
    static String tableType(DatabaseCatalog objects, DistributedTable table) {
        for (DistributedSchema s : objects.distributedSchemas()) {
            if (s.colocationId() == table.colocationId()) {
                return "schema";
            }
        }
        if (table.hasDistributionColumn()) {
            return "distributed";
        }
        if (table.replicationModel() == 't') {
            return "reference";
        }
        return table.colocationId() == 0 ? "local" : "distributed";
    }
}
