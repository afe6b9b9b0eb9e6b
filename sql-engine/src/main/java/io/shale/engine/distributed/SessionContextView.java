package io.shale.engine.distributed;

/**
 * What a task session on another node needs to know of the client session that sent the task: identity and the
 * settings that change how SQL text is read or results are computed.
 */
public interface SessionContextView {
    /** The backend process id of the client session. */
    int processId();

    /** The current role's name. */
    String roleName();

    /** The database's name. */
    String databaseName();

    /** The current value of a setting, as SHOW prints it. */
    String setting(String name);

    /**
     * Whether the running statement is its whole transaction (autocommit, nothing else done in it yet), so that its
     * tasks on a single other node may run there in an implicit transaction of their own.
     */
    default boolean statementIsTransaction() {
        return false;
    }

    /** The version of the catalog the session's statements see. */
    long catalogVersion();
}
