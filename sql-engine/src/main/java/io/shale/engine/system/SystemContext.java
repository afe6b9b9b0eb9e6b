package io.shale.engine.system;

import io.shale.catalog.Catalog;
import io.shale.engine.settings.Settings;

import java.util.List;

/**
 * What a scan of a system relation may know of the session: implemented by the session for the
 * statement being run. Must not be kept beyond the scan.
 */
public interface SystemContext {
    /** The catalog snapshot the statement plans against. */
    Catalog catalog();

    /** The session's database. */
    int databaseOid();

    /** The current role. */
    int currentUserOid();

    /**
     * The effective search path, implicit pg_catalog included, only existing schemas
     * ({@link SearchPath#effective} computes it from the settings).
     */
    List<String> searchPath();

    /** The session's settings (pg_settings). */
    Settings settings();

    /** The functions of the registry (pg_proc). */
    List<ProcInfo> functions();

    /** The node's sessions (pg_stat_activity). */
    List<ActivityInfo> activity();

    /** Prepared transactions of the node (pg_prepared_xacts). */
    List<PreparedTransactionInfo> preparedTransactions();

    /** Sizes of relations and databases on disk. */
    RelationSizes sizes();

    /** Sizes of relations in the store of another group's node (request shard.size), or null when unknown. */
    default long[] remoteRelationSizes(int groupId, int[] relationOids) {
        return null;
    }

    /** The group id of this node in its cluster (0 on the coordinator and outside a cluster). */
    default int localGroupId() {
        return 0;
    }
}
