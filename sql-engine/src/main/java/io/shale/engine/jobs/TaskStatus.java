package io.shale.engine.jobs;

/** The states of a background task, the labels of Citus's enum {@code pg_catalog.citus_task_status}. */
public enum TaskStatus {
    BLOCKED, RUNNABLE, RUNNING, CANCELLING, DONE, ERROR, UNSCHEDULED, CANCELLED;

    /** The enum label as SQL shows it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the task will not change any more. */
    public boolean terminal() {
        return this == DONE || this == ERROR || this == UNSCHEDULED || this == CANCELLED;
    }

    /** The state of {@code label}; null when there is none. */
    public static TaskStatus ofLabel(String label) {
        for (TaskStatus s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        return null;
    }
}
