package io.shale.engine.citus;

import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Namespace;
import io.shale.catalog.distribution.ClusterNode;
import io.shale.catalog.distribution.DistributedSchema;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.Shard;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.List;

/**
 * {@code citus_schema_move} (citus.md §6.5): moves the one shard group of a distributed schema's colocation group,
 * that is every table of the schema, through {@link ShardMover}.
 */
final class SchemaMover {
    private final DistributionContext context;

    SchemaMover(DistributionContext context) {
        this.context = context;
    }

    void move(long schemaOid, String targetName, int targetPort, String mode) {
        ShardMoveChecks.ensureCoordinator(context);
        Shard anchor = anchor(schemaOid);
        ClusterNode source = sourceOf(anchor);
        new ShardMover(context).move(anchor.shardId(), source.nodeName(), source.nodePort(), targetName, targetPort,
                mode);
    }

    void move(long schemaOid, int targetNodeId, String mode) {
        ShardMoveChecks.ensureCoordinator(context);
        Shard anchor = anchor(schemaOid);
        ClusterNode source = sourceOf(anchor);
        new ShardMover(context).move(anchor.shardId(), source.nodeId(), targetNodeId, mode);
    }

    private Shard anchor(long schemaOid) {
        DatabaseCatalog objects = context.catalog().objects(context.databaseOid());
        Namespace schema = objects.namespace((int) schemaOid);
        if (schema == null) {
            throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "schema with OID " + schemaOid + " does not exist");
        }
        DistributedSchema tenant = objects.distributedSchema(schema.oid());
        if (tenant == null) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "schema " + schema.name()
                    + " is not a distributed schema");
        }
        Shard anchor = null;
        for (DistributedTable t : objects.distributedTables()) {
            if (t.colocationId() == tenant.colocationId()) {
                List<Shard> shards = objects.shards(t.relationOid());
                if (!shards.isEmpty() && (anchor == null || shards.getFirst().shardId() < anchor.shardId())) {
                    anchor = shards.getFirst();
                }
            }
        }
        if (anchor == null) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot move distributed schema "
                    + schema.name() + " because it is empty");
        }
        return anchor;
    }

    private ClusterNode sourceOf(Shard anchor) {
        DatabaseCatalog objects = context.catalog().objects(context.databaseOid());
        int group = objects.placements(anchor.shardId()).getFirst().groupId();
        ClusterNode node = context.catalog().nodeOfGroup(group);
        if (node == null) {
            throw new ShaleException(ErrorCode.INTERNAL_ERROR, "could not find the node of group " + group);
        }
        return node;
    }
}
