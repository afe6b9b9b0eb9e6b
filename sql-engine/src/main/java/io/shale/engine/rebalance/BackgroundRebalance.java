package io.shale.engine.rebalance;

import io.shale.catalog.DatabaseCatalog;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.citus.DistributionContext;
import io.shale.engine.jobs.BackgroundJob;
import io.shale.engine.jobs.TaskSpec;
import io.shale.engine.session.Notice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * citus_rebalance_start (citus.md §1.6, §7.4): one background job of type 'rebalance', a task per shard-group move
 * running {@code citus_move_shard_placement} by node ids, after a task copying the reference tables when some node
 * lacks them. A move waits for the previous move of its colocation group (unless
 * {@code parallel_transfer_colocated_shards}) and for every earlier move off its target node; a move waiting for
 * nothing else waits for the reference-table copy.
 */
final class BackgroundRebalance {
    static final String JOB_TYPE = "rebalance";
    static final String DESCRIPTION = "Rebalance all colocation groups";
    /** citus_rebalance_start's move limit (Citus's). */
    private static final int MAX_MOVES = 10_000_000;

    private BackgroundRebalance() {
    }

    private static ShaleException alreadyRunning(long jobId) {
        return new ShaleException(ErrorCode.INTERNAL_ERROR, "A rebalance is already running as job " + jobId)
                .withDetail("A rebalance was already scheduled as background job")
                .withHint("To monitor progress, run: SELECT * FROM citus_rebalance_status();");
    }

    /** The move's task command. */
    static String moveCommand(RebalanceMove move, String mode) {
        return "SELECT pg_catalog.citus_move_shard_placement(" + move.shardId() + "," + move.sourceNodeId() + ","
                + move.targetNodeId() + "," + ForegroundRebalance.quote(mode) + ")";
    }

    /** Schedules the job; its id, or null when there is nothing to move. */
    static Long start(DistributionContext context, int ownerOid, String strategy, boolean drainOnly, String mode,
                      boolean parallelColocated) {
        RebalanceChecks.requireCoordinator(context);
        BackgroundJob running = context.backgroundJobs().unfinishedJob(context.databaseOid(), JOB_TYPE);
        if (running != null) {
            throw alreadyRunning(running.jobId());
        }
        DatabaseCatalog objects = context.catalog().objects(context.databaseOid());
        RebalancePlanning.strategy(objects, strategy);
        if (!RebalanceChecks.hasTablesToRebalance(objects)) {
            context.notice(new Notice("NOTICE", "00000", "No tables to rebalance", null, null));
            return null;
        }
        RebalanceOptions options = RebalancePlanning.options(context, 0, Float.NaN, MAX_MOVES, Set.of(), drainOnly,
                Float.NaN);
        RebalancePlanning.Planned planned = RebalancePlanning.plan(context, strategy, options);
        for (Notice n : planned.plan().notices()) {
            context.notice(n);
        }
        if (planned.plan().moves().isEmpty()) {
            context.notice(new Notice("NOTICE", "00000", "No moves available for rebalancing", null, null));
            return null;
        }
        RebalanceChecks.ensureReplicaIdentities(objects, planned.inputs(), planned.plan(), mode);
        boolean copyReferenceTables = RebalanceChecks.referenceTablesMissing(context.catalog(), context.databaseOid());
        RebalanceInputs inputs = planned.inputs();
        List<TaskSpec> tasks = tasks(planned.plan().moves(), anchor -> objects.distributedTable(
                inputs.colocatedShards().get(anchor).getFirst().relationOid()).colocationId(), mode,
                copyReferenceTables, parallelColocated);
        long jobId = context.backgroundJobs().scheduleAlone(context.databaseOid(), ownerOid, JOB_TYPE, DESCRIPTION,
                tasks);
        if (jobId < 0) {
            throw alreadyRunning(-jobId);
        }
        int moves = planned.plan().moves().size();
        context.notice(new Notice("NOTICE", "00000", "Scheduled " + moves + " moves as job " + jobId,
                "Rebalance scheduled as background job",
                "To monitor progress, run: SELECT * FROM citus_rebalance_status();"));
        return jobId;
    }

    /**
     * The job's tasks in order: the reference-table copy (when asked), then one per move; {@code colocationOf} gives
     * the colocation id of a move's anchor shard.
     */
    static List<TaskSpec> tasks(List<RebalanceMove> moves, java.util.function.LongToIntFunction colocationOf,
                                String mode, boolean copyReferenceTables, boolean parallelColocated) {
        List<TaskSpec> tasks = new ArrayList<>();
        int referenceTask = -1;
        if (copyReferenceTables) {
            referenceTask = 0;
            tasks.add(TaskSpec.of("SELECT pg_catalog.replicate_reference_tables(" + ForegroundRebalance.quote(mode)
                    + ")"));
        }
        Map<Integer, Integer> lastOfGroup = new HashMap<>();
        for (int i = 0; i < moves.size(); i++) {
            RebalanceMove move = moves.get(i);
            List<Integer> depends = new ArrayList<>();
            int group = colocationOf.applyAsInt(move.shardId());
            Integer previous = lastOfGroup.get(group);
            if (previous != null && !parallelColocated) {
                depends.add(previous);
            }
            for (int j = 0; j < i; j++) {
                int position = j + (referenceTask < 0 ? 0 : 1);
                if (moves.get(j).sourceNodeId() == move.targetNodeId() && !depends.contains(position)) {
                    depends.add(position);
                }
            }
            if (depends.isEmpty() && referenceTask >= 0) {
                depends.add(referenceTask);
            }
            depends.sort(null);
            lastOfGroup.put(group, tasks.size());
            tasks.add(new TaskSpec(moveCommand(move, mode), List.of(move.sourceNodeId(), move.targetNodeId()),
                    depends));
        }
        return tasks;
    }
}
