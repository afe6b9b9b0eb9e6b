package io.shale.engine.jobs;

/** The states of a background job, the labels of Citus's enum {@code pg_catalog.citus_job_status}. */
public enum JobStatus {
    SCHEDULED, RUNNING, FINISHED, CANCELLING, CANCELLED, FAILING, FAILED;

    /** The enum label as SQL shows it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the job will not change any more. */
    public boolean terminal() {
        return this == FINISHED || this == CANCELLED || this == FAILED;
    }

    /** The state of {@code label}; null when there is none. */
    public static JobStatus ofLabel(String label) {
        for (JobStatus s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        return null;
    }
}
