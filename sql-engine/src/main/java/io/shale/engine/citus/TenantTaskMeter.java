package io.shale.engine.citus;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Measures one annotated task on the node that runs it and counts it against its tenant: the CPU time of the running
 * thread around the task (on a virtual thread, whose CPU time the JDK does not measure, the task's elapsed time).
 * Made by {@link #start} on the thread that runs the task; {@link #finish} after the task succeeded.
 */
public final class TenantTaskMeter {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final TenantStats stats;
    private final TenantAnnotation annotation;
    private final long cpuStart;
    private final long wallStart;

    private TenantTaskMeter(TenantStats stats, TenantAnnotation annotation) {
        this.stats = stats;
        this.annotation = annotation;
        this.cpuStart = THREADS.getCurrentThreadCpuTime();
        this.wallStart = System.nanoTime();
    }

    /** A meter for the task {@code sql}, or null when its text carries no tenant annotation. */
    public static TenantTaskMeter start(TenantStats stats, String sql) {
        if (stats == null || sql.isEmpty() || sql.charAt(0) != '/') {
            return null;
        }
        TenantAnnotation annotation = TenantAnnotation.parse(sql);
        return annotation == null ? null : new TenantTaskMeter(stats, annotation);
    }

    /** Counts the finished task in the database it ran in; {@code commandTag} tells a read (SELECT) from a write. */
    public void finish(int databaseOid, String commandTag) {
        long cpuEnd = cpuStart < 0 ? -1 : THREADS.getCurrentThreadCpuTime();
        long nanos = cpuStart >= 0 && cpuEnd >= 0 ? cpuEnd - cpuStart : System.nanoTime() - wallStart;
        boolean read = commandTag != null && commandTag.startsWith("SELECT");
        stats.record(databaseOid, annotation.colocationId(), annotation.attribute(), read, nanos / 1e9);
    }
}
