package io.shale.engine.jobs;

import io.shale.catalog.Catalog;
import io.shale.common.types.ArrayValue;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import io.shale.engine.citus.CitusTypes;
import io.shale.engine.system.SystemColumn;
import io.shale.engine.system.SystemContext;
import io.shale.engine.system.SystemRelation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * pg_dist_background_job, pg_dist_background_task and pg_dist_background_task_depend (citus.md §2.8): the rows of the
 * session's database as this node keeps them now (on a worker they are empty, as the coordinator runs every job).
 * Read-only: jobs are made by the functions that schedule them.
 */
public final class JobRelations {
    /** pg_class oids, after Citus's other metadata relations ({@code CitusRelations.FIRST_OID}). */
    private static final int FIRST_OID = 1_000_100_080;

    private JobRelations() {
    }

    /** One relation with rows from the node's jobs. */
    private record JobRelation(int oid, String name, List<SystemColumn> columns,
                               Function<SystemContext, List<Object[]>> source) implements SystemRelation {
        @Override
        public String schema() {
            return "pg_catalog";
        }

        @Override
        public char kind() {
            return 'r';
        }

        @Override
        public Iterator<Object[]> rows(SystemContext context) {
            return source.apply(context).iterator();
        }
    }

    /** The three relations; {@code catalog} gives the enum types, {@code jobs} the node's jobs. */
    public static List<SystemRelation> all(Catalog catalog, Supplier<BackgroundJobs> jobs) {
        SqlType jobStatus = SqlType.of(CitusTypes.enumOid(catalog, CitusTypes.JOB_STATUS));
        SqlType taskStatus = SqlType.of(CitusTypes.enumOid(catalog, CitusTypes.TASK_STATUS));
        return List.of(
                new JobRelation(FIRST_OID, "pg_dist_background_job", jobColumns(jobStatus, false), c -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (BackgroundJob j : jobs.get().jobs(c.databaseOid())) {
                        rows.add(jobRow(j));
                    }
                    return rows;
                }),
                new JobRelation(FIRST_OID + 1, "pg_dist_background_task", List.of(
                        new SystemColumn("job_id", SqlType.INT8), new SystemColumn("task_id", SqlType.INT8),
                        new SystemColumn("owner", SqlType.of(TypeOids.REGROLE)), new SystemColumn("pid", SqlType.INT4),
                        new SystemColumn("status", taskStatus), new SystemColumn("command", SqlType.TEXT),
                        new SystemColumn("retry_count", SqlType.INT4),
                        new SystemColumn("not_before", SqlType.TIMESTAMPTZ),
                        new SystemColumn("message", SqlType.TEXT),
                        new SystemColumn("nodes_involved", SqlType.INT4_ARRAY)), c -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (BackgroundTask t : jobs.get().tasks(c.databaseOid(), null)) {
                        rows.add(new Object[] {t.jobId(), t.taskId(), (long) t.ownerOid(), t.pid(), t.status().label(),
                                t.command(), t.retryCount(), t.notBefore(), t.message(),
                                t.nodesInvolved().isEmpty() ? null
                                        : ArrayValue.of(TypeOids.INT4, t.nodesInvolved().toArray())});
                    }
                    return rows;
                }),
                new JobRelation(FIRST_OID + 2, "pg_dist_background_task_depend", List.of(
                        new SystemColumn("job_id", SqlType.INT8), new SystemColumn("task_id", SqlType.INT8),
                        new SystemColumn("depends_on", SqlType.INT8)), c -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (BackgroundTask t : jobs.get().tasks(c.databaseOid(), null)) {
                        for (long dependency : t.dependsOn()) {
                            rows.add(new Object[] {t.jobId(), t.taskId(), dependency});
                        }
                    }
                    return rows;
                }));
    }

    /** The columns of pg_dist_background_job (citus_job_list), with {@code details} for citus_job_status. */
    static List<SystemColumn> jobColumns(SqlType jobStatus, boolean details) {
        List<SystemColumn> columns = new ArrayList<>(List.of(new SystemColumn("job_id", SqlType.INT8),
                new SystemColumn("state", jobStatus), new SystemColumn("job_type", SqlType.NAME),
                new SystemColumn("description", SqlType.TEXT), new SystemColumn("started_at", SqlType.TIMESTAMPTZ),
                new SystemColumn("finished_at", SqlType.TIMESTAMPTZ)));
        if (details) {
            columns.add(new SystemColumn("details", SqlType.JSONB));
        }
        return columns;
    }

    static Object[] jobRow(BackgroundJob j) {
        return new Object[] {j.jobId(), j.state().label(), j.jobType(), j.description(), j.startedAt(),
                j.finishedAt()};
    }
}
