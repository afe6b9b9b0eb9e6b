package io.shale.engine.citus;

import io.shale.catalog.Catalog;
import io.shale.catalog.Constraint;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Table;
import io.shale.catalog.distribution.ClusterNode;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.Shard;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.List;

/** The refusals of {@code citus_move_shard_placement} before anything moves, with Citus's texts (citus.md §1.5, §7.3). */
final class ShardMoveChecks {
    private ShardMoveChecks() {
    }

    static void ensureCoordinator(DistributionContext context) {
        if (context.localGroupId() != 0) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "operation is not allowed on this node")
                    .withHint("Connect to the coordinator and run it again.");
        }
    }

    static String transferMode(String mode) {
        if (mode == null || mode.equals("auto") || mode.equals("force_logical") || mode.equals("block_writes")) {
            return mode == null ? "auto" : mode;
        }
        throw new ShaleException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                "invalid input value for enum citus.shard_transfer_mode: \"" + mode + "\"");
    }

    static ClusterNode nodeById(Catalog catalog, int nodeId) {
        ClusterNode node = catalog.node(nodeId);
        if (node == null) {
            throw new ShaleException(ErrorCode.INTERNAL_ERROR, "node with node id " + nodeId + " could not be found");
        }
        return node;
    }

    /** The node at name:port, or null. */
    static ClusterNode nodeByAddress(Catalog catalog, String name, int port) {
        for (ClusterNode n : catalog.nodes()) {
            if (n.nodeName().equals(name) && n.nodePort() == port) {
                return n;
            }
        }
        return null;
    }

    static void ensureSourceExists(ClusterNode node, String name, int port) {
        if (node == null) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "node at \"" + name + ":" + port
                    + "\" does not exist");
        }
    }

    static void ensureDifferentNodes(ClusterNode source, ClusterNode target) {
        if (source.groupId() == target.groupId()) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot move shard to the same node");
        }
    }

    static void ensureTargetUsable(ClusterNode target, String name, int port) {
        if (target == null) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "Moving shards to a non-existing node is not supported")
                    .withHint("Add the target node via SELECT citus_add_node('" + name + "', " + port + ");");
        }
        if (!target.isActive()) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "Moving shards to a non-active node is not supported")
                    .withHint("Activate the target node via SELECT citus_activate_node('" + target.nodeName() + "', "
                            + target.nodePort() + ");");
        }
        if (!target.shouldHaveShards()) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "Moving shards to a node that shouldn't have a shard is not supported")
                    .withHint("Allow shards on the target node via SELECT * FROM citus_set_node_property('"
                            + target.nodeName() + "', " + target.nodePort() + ", 'shouldhaveshards', true);");
        }
    }

    static Shard shard(DatabaseCatalog objects, long shardId) {
        Shard shard = objects.shard(shardId);
        if (shard == null) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "could not find valid entry for shard " + shardId);
        }
        return shard;
    }

    static void ensureNotReference(DatabaseCatalog objects, DistributedTable table) {
        if (table.isReferenceTable()) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "table "
                    + ShardDataCopier.qualifiedName(objects, (Table) objects.relation(table.relationOid()))
                    + " is a reference table, moving shard of a reference table is not supported");
        }
    }

    static void ensureSourcePlacement(DatabaseCatalog objects, Shard shard, ClusterNode source) {
        if (!objects.hasPlacement(shard.shardId(), source.groupId())) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "could not find placement matching \""
                    + source.nodeName() + ":" + source.nodePort() + "\"")
                    .withHint("Confirm the placement still exists and try again.");
        }
    }

    /** With 'auto', every table of the group needs a replica identity (a primary key, FULL or USING INDEX). */
    static void ensureReplicaIdentities(DatabaseCatalog objects, List<Shard> group) {
        for (Shard s : group) {
            Table shell = (Table) objects.relation(s.relationOid());
            if (!hasReplicaIdentity(objects, shell)) {
                throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                        "cannot use logical replication to transfer shards of the relation " + shell.name()
                                + " since it doesn't have a REPLICA IDENTITY or PRIMARY KEY")
                        .withDetail("UPDATE and DELETE commands on the shard will error out during logical replication "
                                + "unless there is a REPLICA IDENTITY or PRIMARY KEY.")
                        .withHint("If you wish to continue without a replica identity set the shard_transfer_mode to "
                                + "'force_logical' or 'block_writes'.");
            }
        }
    }

    static boolean hasReplicaIdentity(DatabaseCatalog objects, Table table) {
        return switch (table.replicaIdentity()) {
            case 'f', 'i' -> true;
            case 'n' -> false;
            default -> {
                for (Constraint c : objects.constraintsOf(table.oid())) {
                    if (c.type() == 'p') {
                        yield true;
                    }
                }
                yield false;
            }
        };
    }
}
