package io.shale.engine.rebalance;

import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.distribution.ClusterNode;
import io.shale.catalog.distribution.Shard;
import io.shale.engine.citus.DistributionContext;
import io.shale.engine.citus.MoveProgress;
import io.shale.engine.session.Notice;

import java.util.ArrayList;
import java.util.List;

/**
 * rebalance_table_shards and citus_drain_node in the calling session (citus.md §1.6, §7.3): the copy of reference
 * tables missing on a node, the plan's notices, the checks before any move, then each move through
 * {@code citus_move_shard_placement}, each step in a session of its own committed on its own (as Citus runs them over
 * a separate connection), so that a failure keeps the moves done before it. While it runs, the planned shards not
 * moved yet are listed in {@link MoveProgress} as "Not Started Yet"; a move's own entries replace them when it starts.
 */
final class ForegroundRebalance {
    private final DistributionContext context;
    private final int ownerOid;

    ForegroundRebalance(DistributionContext context, int ownerOid) {
        this.context = context;
        this.ownerOid = ownerOid;
    }

    /** Plans with the options and strategy (null: the default) and executes the plan. */
    void run(RebalanceOptions options, String strategy, String mode) {
        RebalanceChecks.requireCoordinator(context);
        if (RebalanceChecks.referenceTablesMissing(context.catalog(), context.databaseOid())) {
            context.whileWaitingForMoves(() -> {
                step("SELECT pg_catalog.replicate_reference_tables(" + quote(mode) + ")");
                return null;
            });
        }
        RebalancePlanning.Planned planned = RebalancePlanning.plan(context, strategy, options);
        for (Notice n : planned.plan().notices()) {
            context.notice(n);
        }
        List<RebalanceMove> moves = planned.plan().moves();
        if (moves.isEmpty()) {
            return;
        }
        DatabaseCatalog objects = context.catalog().objects(context.databaseOid());
        RebalanceChecks.ensureReplicaIdentities(objects, planned.inputs(), planned.plan(), mode);
        context.whileWaitingForMoves(() -> {
            execute(planned.inputs(), moves, mode);
            return null;
        });
    }

    /** Runs {@code command} in a session of its own as the caller, waiting for it. */
    void step(String command) {
        context.backgroundJobs().runNow(context.databaseOid(), ownerOid, command, context::checkInterrupted);
    }

    private void execute(RebalanceInputs inputs, List<RebalanceMove> moves, String mode) {
        List<List<MoveProgress.Entry>> queued = register(inputs, moves);
        try {
            for (int i = 0; i < moves.size(); i++) {
                RebalanceMove move = moves.get(i);
                close(queued.get(i));
                ClusterNode source = inputs.nodes().get(move.sourceNodeId());
                ClusterNode target = inputs.nodes().get(move.targetNodeId());
                context.notice(new Notice("NOTICE", "00000", "Moving shard " + move.shardId() + " from "
                        + source.nodeName() + ":" + source.nodePort() + " to " + target.nodeName() + ":"
                        + target.nodePort() + " ...", null, null));
                step(BackgroundRebalance.moveCommand(move, mode));
            }
        } finally {
            for (List<MoveProgress.Entry> entries : queued) {
                close(entries);
            }
        }
    }

    /** One "Not Started Yet" entry per shard of each planned move, with its size on the source. */
    private List<List<MoveProgress.Entry>> register(RebalanceInputs inputs, List<RebalanceMove> moves) {
        List<List<MoveProgress.Entry>> out = new ArrayList<>(moves.size());
        MoveProgress progress = context.moveProgress();
        for (RebalanceMove move : moves) {
            ClusterNode source = inputs.nodes().get(move.sourceNodeId());
            ClusterNode target = inputs.nodes().get(move.targetNodeId());
            List<Shard> shards = inputs.colocatedShards().get(move.shardId());
            long[] sizes = sizes(source.groupId(), shards);
            List<MoveProgress.Entry> entries = new ArrayList<>(shards.size());
            for (int i = 0; i < shards.size(); i++) {
                Shard s = shards.get(i);
                entries.add(progress.register(new MoveProgress.Status(context.processId(), context.databaseOid(),
                        s.relationOid(), s.shardId(), sizes[i], source.nodeName(), source.nodePort(),
                        target.nodeName(), target.nodePort(), sizes[i], 0, "move", 0, 0,
                        MoveProgress.Phase.NOT_STARTED)));
            }
            out.add(entries);
        }
        return out;
    }

    private long[] sizes(int group, List<Shard> shards) {
        int[] oids = new int[shards.size()];
        for (int i = 0; i < oids.length; i++) {
            oids[i] = shards.get(i).shardRelationOid();
        }
        long[] sizes = RebalanceFunctions.sizes(context).sizes(group, oids);
        return sizes == null ? new long[oids.length] : sizes;
    }

    private static void close(List<MoveProgress.Entry> entries) {
        for (MoveProgress.Entry e : entries) {
            e.close();
        }
    }

    static String quote(String literal) {
        return "'" + literal.replace("'", "''") + "'";
    }
}
