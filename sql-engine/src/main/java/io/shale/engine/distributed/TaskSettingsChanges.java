package io.shale.engine.distributed;

import java.util.Map;

/**
 * Settings the client session changed after its task session on this node opened (for example
 * {@code SET LOCAL TimeZone} between two statements of one block): every task request carries the
 * client's current task settings ({@link TaskSettings}), and the ones that differ from what the
 * task session has are set with SET LOCAL before the task runs, so they end with its block as the
 * client's own do. Used under the task session's lock.
 */
final class TaskSettingsChanges {
    private TaskSettingsChanges() {
    }

    /** Brings {@code task} to {@code wanted} (the settings of the request it is about to run). */
    static void apply(TaskSession task, Map<String, String> wanted) {
        Map<String, String> applied = task.appliedSettings;
        if (wanted.equals(applied)) {
            return;
        }
        StringBuilder sql = new StringBuilder();
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            if (!e.getValue().equals(applied.get(e.getKey()))) {
                sql.append("SET LOCAL ").append(e.getKey()).append(" TO ").append(value(e.getKey(), e.getValue()))
                        .append(';');
            }
        }
        if (!sql.isEmpty()) {
            task.session.simpleQuery(sql.toString(), new TaskResultWriter(null));
        }
        task.appliedSettings = Map.copyOf(wanted);
    }

    /** search_path as SHOW prints it is already a list of quoted identifiers; the others are string literals. */
    private static String value(String name, String shown) {
        if (name.equals("search_path") && !shown.isBlank() && !shown.contains(";")) {
            return shown;
        }
        return "'" + shown.replace("'", "''") + "'";
    }
}
