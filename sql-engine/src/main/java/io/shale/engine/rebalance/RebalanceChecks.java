package io.shale.engine.rebalance;

import io.shale.catalog.Catalog;
import io.shale.catalog.Constraint;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Table;
import io.shale.catalog.distribution.ClusterNode;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.Shard;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.citus.DistributionContext;

import java.util.HashSet;
import java.util.Set;

/**
 * What the rebalancer checks before its first move (citus.md §7.3): the coordinator, the transfer mode, with 'auto'
 * a replica identity on every table of every shard group to move, and whether reference tables must be copied first.
 */
final class RebalanceChecks {
    private RebalanceChecks() {
    }

    /** Citus's EnsureCoordinator. */
    static void requireCoordinator(DistributionContext context) {
        if (context.localGroupId() != 0) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "operation is not allowed on this node")
                    .withHint("Connect to the coordinator and run it again.");
        }
    }

    /** The citus.shard_transfer_mode label; null stands for 'auto'. */
    static String transferMode(Object mode) {
        if (mode == null) {
            return "auto";
        }
        String label = mode.toString();
        if (label.equals("auto") || label.equals("force_logical") || label.equals("block_writes")) {
            return label;
        }
        throw new ShaleException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                "invalid input value for enum citus.shard_transfer_mode: \"" + label + "\"");
    }

    /**
     * With 'auto', every table of the shard groups the plan moves needs a replica identity (a primary key, FULL or
     * USING INDEX); Citus's error otherwise, before any move.
     */
    static void ensureReplicaIdentities(DatabaseCatalog objects, RebalanceInputs inputs, RebalancePlan plan,
                                        String mode) {
        if (!mode.equals("auto")) {
            return;
        }
        Set<Integer> checked = new HashSet<>();
        for (RebalanceMove move : plan.moves()) {
            for (Shard s : inputs.colocatedShards().get(move.shardId())) {
                if (!checked.add(s.relationOid())) {
                    continue;
                }
                Table shell = (Table) objects.relation(s.relationOid());
                if (!hasReplicaIdentity(objects, shell)) {
                    throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                            "cannot use logical replication to transfer shards of the relation " + shell.name()
                                    + " since it doesn't have a REPLICA IDENTITY or PRIMARY KEY")
                            .withDetail("UPDATE and DELETE commands on the shard will error out during logical "
                                    + "replication unless there is a REPLICA IDENTITY or PRIMARY KEY.")
                            .withHint("If you wish to continue without a replica identity set the "
                                    + "shard_transfer_mode to 'force_logical' or 'block_writes'.");
                }
            }
        }
    }

    private static boolean hasReplicaIdentity(DatabaseCatalog objects, Table table) {
        if (table.replicaIdentity() == 'f' || table.replicaIdentity() == 'i') {
            return true;
        }
        if (table.replicaIdentity() == 'n') {
            return false;
        }
        for (Constraint c : objects.constraintsOf(table.oid())) {
            if (c.type() == 'p') {
                return true;
            }
        }
        return false;
    }

    /** Whether some active primary node lacks a placement of a reference table of the database. */
    static boolean referenceTablesMissing(Catalog catalog, int databaseOid) {
        DatabaseCatalog objects = catalog.objects(databaseOid);
        for (DistributedTable table : objects.distributedTables()) {
            if (!table.isReferenceTable()) {
                continue;
            }
            for (Shard shard : objects.shards(table.relationOid())) {
                for (ClusterNode n : catalog.nodes()) {
                    if (n.isActivePrimary() && !objects.hasPlacement(shard.shardId(), n.groupId())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether the database has a distributed table the rebalancer balances (not a reference or Citus local one). */
    static boolean hasTablesToRebalance(DatabaseCatalog objects) {
        for (DistributedTable table : objects.distributedTables()) {
            if (!table.isReferenceTable() && table.colocationId() != 0) {
                return true;
            }
        }
        return false;
    }
}
