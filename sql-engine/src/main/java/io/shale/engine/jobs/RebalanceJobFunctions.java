package io.shale.engine.jobs;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import io.shale.engine.citus.DistributionContext;
import io.shale.engine.function.EvalContext;
import io.shale.engine.session.Notice;
import io.shale.engine.system.CatalogFunction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The background rebalance's job functions (citus.md §1.6, §7.7): citus_rebalance_status(raw) (the newest job of type
 * 'rebalance', as citus_job_status shows it), citus_rebalance_wait() and citus_rebalance_stop() (the rebalance job
 * that has not ended: waited for, or cancelled). pg_proc oids from {@link #FIRST_OID}.
 */
final class RebalanceJobFunctions {
    private static final long FIRST_OID = 1_000_280_100L;
    private static final String JOB_TYPE = "rebalance";

    private RebalanceJobFunctions() {
    }

    static List<CatalogFunction> definitions(SqlType jobStatus, Supplier<BackgroundJobs> jobs, IntSupplier localGroup) {
        List<CatalogFunction> out = new ArrayList<>();
        long oid = FIRST_OID;
        for (List<Integer> args : List.of(List.<Integer>of(), List.of(TypeOids.BOOL))) {
            out.add(new CatalogFunction("pg_catalog", "citus_rebalance_status", oid++, args, TypeOids.RECORD, false,
                    'v', new CatalogFunction.SetReturning((c, a) -> status(jobs.get(), c,
                            a.length > 0 && Boolean.TRUE.equals(a[0])), JobRelations.jobColumns(jobStatus, true))));
        }
        out.add(new CatalogFunction("pg_catalog", "citus_rebalance_wait", oid++, List.of(), TypeOids.VOID, false, 'v',
                new CatalogFunction.Scalar((c, a) -> {
                    JobFunctions.requireCoordinator(localGroup);
                    BackgroundJob job = jobs.get().unfinishedJob(c.databaseOid(), JOB_TYPE);
                    if (job == null) {
                        notice(c, new Notice("WARNING", "01000", "no ongoing rebalance that can be waited on", null,
                                null));
                        return null;
                    }
                    Runnable wait = () -> jobs.get().waitForJob(c.databaseOid(), job.jobId(), null,
                            c::checkInterrupted);
                    waitingForMoves(c, wait);
                    return null;
                })));
        out.add(new CatalogFunction("pg_catalog", "citus_rebalance_stop", oid, List.of(), TypeOids.VOID, false, 'v',
                new CatalogFunction.Scalar((c, a) -> {
                    JobFunctions.requireCoordinator(localGroup);
                    BackgroundJob job = jobs.get().unfinishedJob(c.databaseOid(), JOB_TYPE);
                    if (job == null) {
                        throw new ShaleException(ErrorCode.INTERNAL_ERROR, "no ongoing rebalance that can be stopped");
                    }
                    JobFunctions.requireMayCancel(c, jobs.get().tasks(c.databaseOid(), job.jobId()));
                    jobs.get().cancel(c.databaseOid(), job.jobId());
                    return null;
                })));
        return out;
    }

    private static java.util.Iterator<Object[]> status(BackgroundJobs jobs, EvalContext c, boolean raw) {
        BackgroundJob newest = null;
        for (BackgroundJob j : jobs.jobs(c.databaseOid())) {
            if (j.jobType().equals(JOB_TYPE)) {
                newest = j;
            }
        }
        return newest == null ? Collections.emptyIterator() : JobFunctions.status(jobs, c, newest.jobId(), raw);
    }

    /**
     * Runs a wait for moves made by other sessions with this session's transaction left out of what the moves wait
     * for (when it has not written).
     */
    static void waitingForMoves(EvalContext c, Runnable wait) {
        if (c instanceof DistributionContext d) {
            d.whileWaitingForMoves(() -> {
                wait.run();
                return null;
            });
        } else {
            wait.run();
        }
    }

    private static void notice(EvalContext c, Notice notice) {
        if (c instanceof DistributionContext d) {
            d.notice(notice);
        }
    }
}
