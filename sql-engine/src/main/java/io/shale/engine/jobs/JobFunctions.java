package io.shale.engine.jobs;

import io.shale.catalog.Catalog;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.Jsonb;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import io.shale.engine.citus.CitusTypes;
import io.shale.engine.citus.DistributionContext;
import io.shale.engine.citus.MoveProgress;
import io.shale.engine.system.CatalogFunction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Citus's background job functions (citus.md §1.7, §7.7): citus_job_list(), citus_job_status(job_id, raw),
 * citus_job_wait(jobid, desired_status), citus_task_wait(taskid, desired_status), citus_job_cancel(jobid). The waits
 * and the cancel run on the coordinator only, as in Citus.
 */
public final class JobFunctions {
    private static final long FIRST_OID = 1_000_270_000L;
    /** pg_signal_backend's oid. */
    private static final int SIGNAL_BACKEND = 4200;

    private JobFunctions() {
    }

    /** The functions over the node's jobs; {@code localGroup} tells the coordinator (group 0) apart. */
    public static List<CatalogFunction> definitions(Catalog catalog, Supplier<BackgroundJobs> jobs,
                                                    IntSupplier localGroup) {
        int jobStatus = CitusTypes.enumOid(catalog, CitusTypes.JOB_STATUS);
        int taskStatus = CitusTypes.enumOid(catalog, CitusTypes.TASK_STATUS);
        List<CatalogFunction> out = new ArrayList<>();
        long oid = FIRST_OID;
        out.add(new CatalogFunction("pg_catalog", "citus_job_list", oid++, List.of(), TypeOids.RECORD, false, 'v',
                new CatalogFunction.SetReturning((c, a) -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (BackgroundJob j : jobs.get().jobs(c.databaseOid())) {
                        rows.add(JobRelations.jobRow(j));
                    }
                    return rows.iterator();
                }, JobRelations.jobColumns(SqlType.of(jobStatus), false))));
        for (List<Integer> args : List.of(List.of(TypeOids.INT8), List.of(TypeOids.INT8, TypeOids.BOOL))) {
            out.add(new CatalogFunction("pg_catalog", "citus_job_status", oid++, args, TypeOids.RECORD, true, 'v',
                    new CatalogFunction.SetReturning((c, a) -> status(jobs.get(), c, (Long) a[0],
                            a.length > 1 && Boolean.TRUE.equals(a[1])),
                            JobRelations.jobColumns(SqlType.of(jobStatus), true))));
        }
        for (List<Integer> args : List.of(List.of(TypeOids.INT8), List.of(TypeOids.INT8, jobStatus))) {
            out.add(new CatalogFunction("pg_catalog", "citus_job_wait", oid++, args, TypeOids.VOID, false, 'v',
                    new CatalogFunction.Scalar((c, a) -> {
                        requireCoordinator(localGroup);
                        if (a[0] != null) {
                            RebalanceJobFunctions.waitingForMoves(c, () -> jobs.get().waitForJob(c.databaseOid(),
                                    (Long) a[0], a.length > 1 && a[1] != null ? JobStatus.ofLabel(a[1].toString())
                                            : null, c::checkInterrupted));
                        }
                        return null;
                    })));
        }
        for (List<Integer> args : List.of(List.of(TypeOids.INT8), List.of(TypeOids.INT8, taskStatus))) {
            out.add(new CatalogFunction("pg_catalog", "citus_task_wait", oid++, args, TypeOids.VOID, false, 'v',
                    new CatalogFunction.Scalar((c, a) -> {
                        requireCoordinator(localGroup);
                        if (a[0] != null) {
                            RebalanceJobFunctions.waitingForMoves(c, () -> jobs.get().waitForTask(c.databaseOid(),
                                    (Long) a[0], a.length > 1 && a[1] != null ? TaskStatus.ofLabel(a[1].toString())
                                            : null, c::checkInterrupted));
                        }
                        return null;
                    })));
        }
        out.add(new CatalogFunction("pg_catalog", "citus_job_cancel", oid, List.of(TypeOids.INT8), TypeOids.VOID, true,
                'v', new CatalogFunction.Scalar((c, a) -> {
                    requireCoordinator(localGroup);
                    requireMayCancel(c, jobs.get().tasks(c.databaseOid(), (Long) a[0]));
                    jobs.get().cancel(c.databaseOid(), (Long) a[0]);
                    return null;
                })));
        out.addAll(RebalanceJobFunctions.definitions(SqlType.of(jobStatus), jobs, localGroup));
        return List.copyOf(out);
    }

    /** Citus's EnsureCoordinator. */
    static void requireCoordinator(IntSupplier localGroup) {
        if (localGroup.getAsInt() != 0) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "operation is not allowed on this node")
                    .withHint("Connect to the coordinator and run it again.");
        }
    }

    /** The checks of pg_cancel_backend, which Citus applies to the owners of the job's tasks that did not end. */
    static void requireMayCancel(io.shale.engine.function.EvalContext c, List<BackgroundTask> tasks) {
        Catalog catalog = c.catalog();
        int user = c.currentUserOid();
        for (BackgroundTask t : tasks) {
            if (t.status().terminal()) {
                continue;
            }
            if (io.shale.engine.access.AccessChecks.isSuperuser(catalog, t.ownerOid())
                    && !io.shale.engine.access.AccessChecks.isSuperuser(catalog, user)) {
                throw new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE, "must be a superuser to cancel superuser tasks");
            }
            if (!io.shale.catalog.Privileges.hasMembership(catalog, user, t.ownerOid())
                    && !io.shale.catalog.Privileges.hasMembership(catalog, user, SIGNAL_BACKEND)) {
                throw new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE, "must be a member of the role whose task is "
                        + "being canceled or member of pg_signal_backend");
            }
        }
    }

    /** citus_job_status's row of a job (none when it does not exist), with the running moves' progress. */
    public static java.util.Iterator<Object[]> status(BackgroundJobs jobs, io.shale.engine.function.EvalContext c,
                                                      long jobId, boolean raw) {
        BackgroundJob job = jobs.job(c.databaseOid(), jobId);
        if (job == null) {
            return java.util.Collections.emptyIterator();
        }
        Object[] base = JobRelations.jobRow(job);
        Object[] row = java.util.Arrays.copyOf(base, base.length + 1);
        List<MoveProgress.Status> moves = c instanceof DistributionContext d ? d.moveProgress().statuses() : List.of();
        row[base.length] = details(jobs.tasks(c.databaseOid(), jobId), moves, raw);
        return java.util.Collections.singletonList(row).iterator();
    }

    /** {@link #details(List, List, boolean)} with no move under way. */
    public static Jsonb details(List<BackgroundTask> tasks) {
        return details(tasks, List.of(), false);
    }

    /**
     * The {@code details} of citus_job_status (citus.md §7.7): {@code task_state_counts} (status → count of the job's
     * tasks) and {@code tasks}: the running tasks, then those in error, then runnable ones that were retried, each
     * with state, retried, message, command and task_id; a running task whose session runs a shard move (in
     * {@code moves}) also has phase, size, hosts and LSN, sizes as pg_size_pretty text or bytes when {@code raw}.
     */
    public static Jsonb details(List<BackgroundTask> tasks, List<MoveProgress.Status> moves, boolean raw) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (BackgroundTask t : tasks) {
            counts.merge(t.status().label(), 1, Integer::sum);
        }
        StringBuilder json = new StringBuilder("{\"task_state_counts\": {");
        boolean first = true;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            json.append(first ? "" : ", ").append('"').append(e.getKey()).append("\": ").append(e.getValue());
            first = false;
        }
        json.append("}, \"tasks\": [");
        first = true;
        for (int pass = 0; pass < 3; pass++) {
            for (BackgroundTask t : tasks) {
                boolean shown = switch (pass) {
                    case 0 -> t.status() == TaskStatus.RUNNING;
                    case 1 -> t.status() == TaskStatus.ERROR;
                    default -> t.status() == TaskStatus.RUNNABLE && t.retryCount() != null && t.retryCount() > 0;
                };
                if (!shown) {
                    continue;
                }
                json.append(first ? "" : ", ").append("{\"state\": ").append(Jsonb.quote(t.status().label()))
                        .append(", \"retried\": ").append(t.retryCount() == null ? 0 : t.retryCount());
                if (t.status() == TaskStatus.RUNNING) {
                    TaskMoveDetails.append(json, t, moves, raw);
                }
                json.append(", \"message\": ").append(Jsonb.quote(t.message()))
                        .append(", \"command\": ").append(Jsonb.quote(t.command()))
                        .append(", \"task_id\": ").append(t.taskId()).append('}');
                first = false;
            }
        }
        return Jsonb.parse(json.append("]}").toString());
    }
}
