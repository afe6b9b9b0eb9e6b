package io.shale.engine.citus;

import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogEditor;
import io.shale.common.types.FormatSettings;
import io.shale.engine.exec.TableAccess;
import io.shale.engine.session.Notice;
import io.shale.storage.Transaction;

import java.util.List;

/**
 * What the Citus table functions need of the session calling them: its catalog change, its
 * store transaction, notices and settings. Implemented by the engine's session state; must not
 * be kept beyond the call.
 */
public interface DistributionContext {
    /** The catalog the session sees, its own uncommitted DDL included. */
    Catalog catalog();

    int databaseOid();

    /** Starts (or continues) the transaction's catalog change, taking the node's DDL lock. */
    CatalogEditor editCatalog();

    /**
     * Commits and publishes a catalog change at once, outside the session's transaction (which must not have changed
     * the catalog), taking and releasing the node's DDL lock: the write-block mark of a shard move.
     */
    void commitCatalogNow(java.util.function.Consumer<CatalogEditor> change);

    /**
     * Waits until the store transactions running on this node now, other than the session's own, have ended
     * (polled every few milliseconds); 55P03 after {@code timeoutMillis}.
     */
    void awaitRunningTransactions(long timeoutMillis);

    /** The number of shard moves this node runs now (the coordinator's), to tell a stale write-block mark. */
    java.util.concurrent.atomic.AtomicInteger runningMoves();

    /** The node's registry of running shard moves, for get_rebalance_progress and citus_rebalance_status. */
    MoveProgress moveProgress();

    /** Runs {@code action} after the session's transaction committed. */
    void afterCommit(Runnable action);

    /** Runs {@code action} after the session's transaction rolled back or failed to commit. */
    void afterRollback(Runnable action);

    /** Records the catalog the change made, visible to the session's later statements. */
    void catalogChanged(Catalog next);

    void notice(Notice notice);

    /** The session's store transaction. */
    Transaction transaction();

    /** The node's row and index access. */
    TableAccess tableAccess();

    /** Frees the store ranges of storage ids once the transaction commits. */
    void freeStorageAfterCommit(List<Long> storageIds);

    /**
     * Adds a row (RowCodec, the shard relation's stored layout) for a shard relation placed on
     * another group's node; it is written there with the staged catalog at commit.
     */
    void stageShardRow(int groupId, int shardRelationOid, byte[] encodedRow);

    /** An integer setting in its base unit (citus.logical_replication_timeout in ms). */
    long integerSetting(String name);

    /** A setting's value, or null when unset and {@code missingOk}. */
    String setting(String name, boolean missingOk);

    /** The group id of this node (0 on the coordinator and on a node outside a cluster). */
    int localGroupId();

    /** The node's background jobs (the rebalancer schedules its moves there). */
    io.shale.engine.jobs.BackgroundJobs backgroundJobs();

    /** The effective search path, implicit schemas included when asked. */
    List<String> currentSchemas(boolean includeImplicit);

    FormatSettings formatSettings();

    /** The value of a column's DEFAULT for one row (null without a default), evaluated anew at each call. */
    java.util.function.Supplier<Object> columnDefault(io.shale.catalog.Column column);

    /** Whether a row of {@code table} passes a CHECK expression (SQL text): false only when it yields false. */
    java.util.function.Predicate<Object[]> checkConstraint(io.shale.catalog.Table table, String checkSql);

    /** The bytes a table's or index's data takes in this node's store. */
    long relationSize(int relationOid);

    /** Sizes of relations in the store of another group's node (request shard.size), or null when unknown. */
    long[] remoteRelationSizes(int groupId, int[] relationOids);

    /**
     * The session's task runner: tasks run on their group's node inside the session's distributed
     * transaction (those of this node's group in the session itself).
     */
    io.shale.engine.distributed.TaskRunner taskRunner();

    /** Sends a {@code shard.transfer} request to the node of {@code groupId} (this node's own answered here). */
    byte[] shardTransfer(int groupId, byte[] request);

    /** The session's process id (pg_backend_pid()), as get_rebalance_progress().sessionid shows it. */
    int processId();

    /** Throws 57014 when the statement was cancelled or timed out. */
    void checkInterrupted();

    /**
     * Runs {@code action} (a wait for moves run by other sessions: a foreground rebalance, a wait for a job) with
     * this session's transaction left out of what a shard move waits for, when the transaction has not written.
     */
    <T> T whileWaitingForMoves(java.util.function.Supplier<T> action);
}
