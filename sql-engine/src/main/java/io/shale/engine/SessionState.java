package io.shale.engine;

import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogEditor;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.FormatSettings;
import io.shale.engine.distributed.SessionContextView;
import io.shale.engine.function.EvalContext;
import io.shale.engine.session.Notice;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * A session's transaction and statement state: the storage transaction, the catalog version its
 * DDL made, savepoints, cancellation and statement_timeout. Also the {@link EvalContext} of the
 * session's statements.
 */
final class SessionState implements EvalContext, io.shale.engine.citus.DistributionContext {
    /** Where the session is in PostgreSQL's transaction state machine. */
    enum Mode { NONE, IMPLICIT, BLOCK, FAILED }

    private final Engine engine;
    private final EngineSession session;
    private Mode mode = Mode.NONE;
    private Transaction transaction;
    private Catalog transactionCatalog;
    /** Rows for shard relations on other nodes, sent with this transaction's staged catalog. */
    private final ShardRowBuffer shardRows = new ShardRowBuffer();
    private boolean holdsDdlLock;
    private final List<Runnable> onCommit = new ArrayList<>();
    private final List<Runnable> onRollback = new ArrayList<>();
    private boolean passedWriteGate;
    private boolean writeGateExempt;
    private final List<SavepointState> savepoints = new ArrayList<>();
    private TransactionOptions.IsolationLevel nextIsolation;
    private boolean readOnly;
    private boolean nextReadOnly;
    /** Whether a statement other than SET/SHOW/transaction control ran in the current transaction. */
    private boolean queried;
    /** Whether the client's current simple Query message holds more than one statement. */
    private boolean multiStatementMessage;
    /** Whether the running statement is the first of its implicit transaction. */
    private boolean firstOfImplicit;
    private TransactionOptions.IsolationLevel isolationLevel;
    /** The node's catalog when the statement's snapshot was taken. */
    private Catalog snapshotCatalog;
    private Instant transactionStart = Instant.now();
    private Instant statementStart = Instant.now();
    private volatile Thread running;
    private volatile boolean cancelRequested;
    private volatile boolean timedOut;
    private ScheduledFuture<?> timeout;
    private RandomGenerator random = new SplittableRandom();
    /** The current user's oid (SET ROLE's role, else the session's), for the catalog and settings version it was read under. */
    private int currentUserOidCache;
    private Catalog currentUserCatalog;
    private long currentUserSettings = -1;
    private FormatSettings formatSettings;
    private Catalog formatCatalog;
    private long formatVersion;
    private StatementSettings statementSettings;
    private final List<Notice> notices = new ArrayList<>();
    private volatile ShaleException cancelReason;
    private final SessionContextView contextView;
    private final SessionSequences sequences = new SessionSequences(this);

    private record SavepointState(String name, int handle, Catalog catalog) {
    }

    SessionState(Engine engine, EngineSession session) {
        this.engine = engine;
        this.session = session;
        this.contextView = new SessionView(session, this);
    }

    char transactionStatus() {
        return switch (mode) {
            case NONE, IMPLICIT -> 'I';
            case BLOCK -> 'T';
            case FAILED -> 'E';
        };
    }

    Mode mode() {
        return mode;
    }

    /**
     * Whether the running statement is its implicit transaction alone (autocommit): the first statement of an
     * implicit transaction, not part of a multi-statement message, with no catalog change and no local write yet.
     * Its work on one other node may then commit there on its own (Citus's single-node autocommit execution).
     */
    boolean statementIsTransaction() {
        return mode == Mode.IMPLICIT && firstOfImplicit && !multiStatementMessage && transactionCatalog == null
                && !(transaction instanceof WriteTrackingTransaction w && w.wrote());
    }

    /**
     * Lets this (internal) session evaluate in {@code txn} against {@code catalog}, a replicated
     * catalog being staged; {@link #releaseAdopted} detaches both without ending the transaction.
     */
    void adopt(Transaction txn, Catalog catalog) {
        transaction = txn;
        transactionCatalog = catalog;
        mode = Mode.BLOCK;
    }

    void releaseAdopted() {
        transaction = null;
        transactionCatalog = null;
        mode = Mode.NONE;
        formatSettings = null;
    }

    /** The catalog the session's statements see: its own DDL included. */
    @Override
    public Catalog catalog() {
        return transactionCatalog != null ? transactionCatalog : engine.catalog();
    }

    @Override
    public Transaction transaction() {
        return transaction;
    }

    void beginMessage(boolean multiStatement) {
        multiStatementMessage = multiStatement;
        if (mode == Mode.NONE) {
            transactionCatalog = null;
        }
    }

    void endMessage() {
        multiStatementMessage = false;
        if (mode == Mode.IMPLICIT) {
            commit();
        }
    }

    void beginExtended() {
    }

    void sync() {
        if (mode == Mode.IMPLICIT) {
            commit();
        }
    }

    /** A statement failed: an implicit transaction ends, a block becomes failed. */
    void failed(RuntimeException e) {
        endStatement();
        multiStatementMessage = false;
        switch (mode) {
            case IMPLICIT -> rollback();
            case BLOCK -> {
                mode = Mode.FAILED;
                if (transaction != null) {
                    abortAtError();
                }
            }
            default -> {
            }
        }
    }

    /**
     * As in PostgreSQL, a failed block is aborted at the error, back to its innermost savepoint or entirely, so
     * that the row locks taken since are released before the client sends ROLLBACK (TO SAVEPOINT); the block stays
     * failed until then.
     */
    private void abortAtError() {
        if (!savepoints.isEmpty()) {
            transaction.rollbackTo(savepoints.get(savepoints.size() - 1).handle());
            return;
        }
        Transaction t = transaction;
        transaction = null;
        t.rollback();
    }

    /** Called before each statement; {@code control} statements manage the transaction themselves. */
    void beginStatement(boolean control, boolean allowedWhenFailed) {
        if (mode == Mode.FAILED && !allowedWhenFailed) {
            throw new ShaleException(ErrorCode.IN_FAILED_SQL_TRANSACTION,
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
        statementStart = session.queryStart();
        cancelRequested = false;
        cancelReason = null;
        timedOut = false;
        running = Thread.currentThread();
        long timeoutMs = statementSettings().statementTimeoutMs();
        if (timeoutMs > 0) {
            Thread thread = running;
            timeout = engine.timers().schedule(() -> {
                timedOut = true;
                thread.interrupt();
            }, timeoutMs, TimeUnit.MILLISECONDS);
        }
        if (control || mode == Mode.FAILED) {
            return;
        }
        if (transaction == null) {
            open(Mode.IMPLICIT);
            firstOfImplicit = true;
        } else {
            firstOfImplicit = false;
            transaction.newSnapshot();
        }
        snapshotCatalog = engine.catalog();
    }

    /**
     * READ COMMITTED: when the node switched to another catalog since the statement's snapshot was taken (it waited at
     * the write gate while a shard moved, or the switch came in between), a new snapshot, so that a shard's new
     * placement is read with everything copied into it before the switch (a no-op under REPEATABLE READ).
     */
    void refreshSnapshotForCatalog() {
        Catalog now = engine.catalog();
        if (transaction != null && transactionCatalog == null && snapshotCatalog != null && now != snapshotCatalog) {
            transaction.newSnapshot();
            snapshotCatalog = now;
        }
    }

    void endStatement() {
        running = null;
        if (passedWriteGate) {
            passedWriteGate = false;
            engine.writeGate().leave();
        }
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
        Thread.interrupted();
    }

    private void open(Mode newMode) {
        StatementSettings settings = statementSettings();
        TransactionOptions.IsolationLevel isolation = nextIsolation != null ? nextIsolation
                : isolation(settings.defaultIsolation());
        boolean readOnly = nextReadOnly || settings.defaultReadOnly();
        transaction = new WriteTrackingTransaction(engine.store().begin(options(isolation, readOnly)));
        transactionStart = statementStart;
        queried = false;
        isolationLevel = isolation;
        mode = newMode;
        session.settings.beginTransaction(isolationName(isolation), readOnly);
        this.readOnly = readOnly;
        nextIsolation = null;
        nextReadOnly = false;
    }

    /** The store transaction's options: the session's timeouts and synchronous_commit. */
    private TransactionOptions options(TransactionOptions.IsolationLevel isolation, boolean readOnly) {
        StatementSettings settings = statementSettings();
        return new TransactionOptions(isolation, readOnly, Duration.ofMillis(settings.lockTimeoutMs()),
                Duration.ofMillis(Math.max(settings.deadlockTimeoutMs(), 1)), settings.synchronousCommit());
    }

    /** A statement that reads or writes data ran in this transaction: its characteristics are fixed now. */
    void markQueried() {
        queried = true;
    }

    /**
     * SET TRANSACTION (or SET transaction_isolation / transaction_read_only) with PostgreSQL's rules:
     * only in a block (else a warning), the isolation level only before the first query and not in a
     * subtransaction, read-write only before the first query. Before the first query the empty store
     * transaction is begun again with the new characteristics, so a level is never silently weaker.
     */
    void setTransactionCharacteristics(TransactionOptions.IsolationLevel isolation, Boolean readOnly) {
        if (mode != Mode.BLOCK || transaction == null) {
            notice(new Notice("WARNING", "25P01", "SET TRANSACTION can only be used in transaction blocks", null, null));
            return;
        }
        TransactionOptions.IsolationLevel current = isolationLevel;
        boolean changeIsolation = isolation != null && isolation != current;
        if (changeIsolation && !savepoints.isEmpty()) {
            throw new ShaleException(ErrorCode.ACTIVE_SQL_TRANSACTION,
                    "SET TRANSACTION ISOLATION LEVEL must not be called in a subtransaction");
        }
        if (changeIsolation && queried) {
            throw new ShaleException(ErrorCode.ACTIVE_SQL_TRANSACTION,
                    "SET TRANSACTION ISOLATION LEVEL must be called before any query");
        }
        if (Boolean.FALSE.equals(readOnly) && this.readOnly && queried) {
            throw new ShaleException(ErrorCode.ACTIVE_SQL_TRANSACTION,
                    "transaction read-write mode must be set before any query");
        }
        TransactionOptions.IsolationLevel level = changeIsolation ? isolation : current;
        boolean newReadOnly = readOnly != null ? readOnly : this.readOnly;
        if (!queried && (changeIsolation || newReadOnly != this.readOnly)) {
            Transaction empty = transaction;
            transaction = engine.store().begin(options(level, newReadOnly));
            empty.rollback();
        }
        this.readOnly = newReadOnly;
        isolationLevel = level;
        session.settings.transactionCharacteristics(isolationName(level), newReadOnly);
    }

    /** The settings statements read, parsed again only after a setting changed. */
    StatementSettings statementSettings() {
        StatementSettings current = statementSettings;
        if (current == null || current.version() != session.settings.version()) {
            current = StatementSettings.of(session.settings);
            statementSettings = current;
        }
        return current;
    }

    static TransactionOptions.IsolationLevel isolation(String text) {
        return switch (text) {
            case "repeatable read" -> TransactionOptions.IsolationLevel.REPEATABLE_READ;
            case "serializable" -> throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "SERIALIZABLE isolation is not supported yet; use REPEATABLE READ or READ COMMITTED");
            default -> TransactionOptions.IsolationLevel.READ_COMMITTED;
        };
    }

    /** BEGIN / START TRANSACTION. */
    void begin(TransactionOptions.IsolationLevel isolation, Boolean readOnly) {
        if (mode == Mode.BLOCK || mode == Mode.FAILED) {
            notice(new Notice("WARNING", "25001", "there is already a transaction in progress", null, null));
            return;
        }
        if (transaction == null) {
            nextIsolation = isolation;
            nextReadOnly = readOnly != null && readOnly;
            open(Mode.BLOCK);
        } else {
            mode = Mode.BLOCK;
        }
    }

    /**
     * An internal session (a task or a forwarded statement of another node's session) does not wait at the write
     * gate: the statement it serves was let in (and counted) where the client sent it.
     */
    void passWriteGate() {
        writeGateExempt = true;
    }

    /** Waits while a blocking shard move holds writes (citus.logical_replication_timeout at most). */
    void awaitShardWrites() {
        if (writeGateExempt) {
            return;
        }
        long unwritten = unwrittenTransactionId();
        if (!passedWriteGate) {
            engine.writeGate().enter(session.settings.integerValue("citus.logical_replication_timeout"),
                    this::checkInterrupted, unwritten);
            passedWriteGate = true;
        }
    }

    /** 25006 when the transaction is read-only and {@code command} would write. */
    void checkWritable(String command) {
        if (readOnly) {
            throw new ShaleException(ErrorCode.READ_ONLY_SQL_TRANSACTION, "cannot execute " + command
                    + " in a read-only transaction");
        }
    }

    private static String isolationName(TransactionOptions.IsolationLevel level) {
        return switch (level) {
            case READ_COMMITTED -> "read committed";
            case REPEATABLE_READ -> "repeatable read";
            case SERIALIZABLE -> "serializable";
        };
    }

    /** COMMIT / END: returns the command tag (ROLLBACK for a failed block). */
    String commitCommand() {
        switch (mode) {
            case FAILED -> {
                rollback();
                return "ROLLBACK";
            }
            case BLOCK -> {
                commit();
                return "COMMIT";
            }
            default -> {
                notice(new Notice("WARNING", "25P01", "there is no transaction in progress", null, null));
                if (mode == Mode.IMPLICIT) {
                    commit();
                }
                return "COMMIT";
            }
        }
    }

    /**
     * PREPARE TRANSACTION: hands the block's writes and locks to the store under {@code gid} and
     * leaves the block, as COMMIT would. Outside a block it warns and the tag is ROLLBACK; a failed
     * block is rolled back; {@code check} runs before the hand-over and a failure there (or in the
     * store) rolls the transaction back, leaving no block, as in PostgreSQL.
     */
    String prepareCommand(String gid, Runnable check) {
        switch (mode) {
            case FAILED -> {
                rollback();
                return "ROLLBACK";
            }
            case BLOCK -> {
                Transaction t = transaction;
                transaction = null;
                mode = Mode.NONE;
                try {
                    check.run();
                    engine.cluster().beforePrepare(contextView);
                    if (transactionCatalog != null) {
                        throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                                "PREPARE TRANSACTION of a transaction that changed the catalog is not supported");
                    }
                    t.prepare(gid, session.sessionRole.name(), session.database.name());
                    session.settings.commitTransaction();
                } catch (RuntimeException e) {
                    t.rollback();
                    session.settings.rollbackTransaction();
                    engine.cluster().afterRollback(contextView);
                    throw e;
                } finally {
                    finishTransaction();
                }
                return "PREPARE TRANSACTION";
            }
            default -> {
                notice(new Notice("WARNING", "25P01", "there is no transaction in progress", null, null));
                return "ROLLBACK";
            }
        }
    }

    String rollbackCommand() {
        if (mode == Mode.NONE || mode == Mode.IMPLICIT) {
            notice(new Notice("WARNING", "25P01", "there is no transaction in progress", null, null));
        }
        rollback();
        return "ROLLBACK";
    }

    void commit() {
        Transaction t = transaction;
        transaction = null;
        mode = Mode.NONE;
        Catalog staged = null;
        try {
            if (transactionCatalog != null) {
                if (t == null) {
                    throw new ShaleException(ErrorCode.INTERNAL_ERROR, "catalog change without a transaction");
                }
                engine.writeCatalog(t, transactionCatalog);
                engine.cluster().stageCatalog(transactionCatalog);
                staged = transactionCatalog;
                for (Map.Entry<Integer, byte[]> rows : shardRows.payloads(transactionCatalog).entrySet()) {
                    engine.cluster().stageRows(transactionCatalog, rows.getKey(), rows.getValue());
                }
            }
            engine.cluster().beforeCommit(contextView, t, transactionCatalog != null
                    || t instanceof WriteTrackingTransaction w && w.wrote());
            if (t != null) {
                t.commit();
            }
            if (transactionCatalog != null) {
                staged = null;
                engine.publish(transactionCatalog);
                engine.cluster().publishCatalog(transactionCatalog);
            }
            engine.cluster().afterCommit(contextView);
            for (Runnable r : onCommit) {
                r.run();
            }
            session.settings.commitTransaction();
        } catch (RuntimeException e) {
            if (t != null) {
                t.rollback();
            }
            if (staged != null) {
                engine.cluster().abortCatalog(staged);
            }
            discardSequencesOf(null);
            session.settings.rollbackTransaction();
            engine.cluster().afterRollback(contextView);
            List<Runnable> undo = List.copyOf(onRollback);
            finishTransaction();
            runRollbackActions(undo, e);
            throw e;
        } finally {
            finishTransaction();
        }
    }

    private static void runRollbackActions(List<Runnable> actions, RuntimeException failure) {
        for (Runnable r : actions) {
            try {
                r.run();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    void rollback() {
        Transaction t = transaction;
        transaction = null;
        mode = Mode.NONE;
        List<Runnable> undo = List.copyOf(onRollback);
        try {
            if (t != null) {
                t.rollback();
            }
            discardSequencesOf(null);
            session.settings.rollbackTransaction();
        } finally {
            finishTransaction();
            engine.cluster().afterRollback(contextView);
        }
        runRollbackActions(undo, new ShaleException(ErrorCode.INTERNAL_ERROR, "rollback"));
    }

    /**
     * When this transaction's catalog changes are undone back to {@code kept} (null: all of them),
     * the oids they used will be handed out again: sequences created with them are forgotten.
     */
    private void discardSequencesOf(Catalog kept) {
        if (transactionCatalog != null && transactionCatalog != kept) {
            engine.sequences().discardFrom((kept != null ? kept : engine.catalog()).nextOid());
        }
    }

    private void finishTransaction() {
        session.closeTransactionPortals();
        shardRows.clear();
        readOnly = false;
        transactionCatalog = null;
        onCommit.clear();
        onRollback.clear();
        savepoints.clear();
        if (holdsDdlLock) {
            holdsDdlLock = false;
            engine.ddlLock().release();
        }
    }

    void abandon() {
        endStatement();
        if (transaction != null || mode != Mode.NONE) {
            rollback();
        }
    }

    void savepoint(String name) {
        requireBlock("SAVEPOINT");
        savepoints.add(new SavepointState(name, transaction.savepoint(), transactionCatalog));
        session.settings.beginSubtransaction();
        engine.cluster().savepoint(contextView, name);
    }

    void releaseSavepoint(String name) {
        requireBlock("RELEASE SAVEPOINT");
        int i = findSavepoint(name);
        engine.cluster().releaseSavepoint(contextView, name);
        transaction.release(savepoints.get(i).handle());
        while (savepoints.size() > i) {
            savepoints.remove(savepoints.size() - 1);
            session.settings.releaseSubtransaction();
        }
    }

    void rollbackToSavepoint(String name) {
        if (mode != Mode.BLOCK && mode != Mode.FAILED) {
            throw new ShaleException(ErrorCode.NO_ACTIVE_SQL_TRANSACTION, "ROLLBACK TO SAVEPOINT can only be used in transaction blocks");
        }
        int i = findSavepoint(name);
        engine.cluster().rollbackToSavepoint(contextView, name);
        SavepointState s = savepoints.get(i);
        transaction.rollbackTo(s.handle());
        discardSequencesOf(s.catalog());
        transactionCatalog = s.catalog();
        while (savepoints.size() > i + 1) {
            savepoints.remove(savepoints.size() - 1);
            session.settings.rollbackSubtransaction();
        }
        session.settings.rollbackSubtransaction();
        session.settings.beginSubtransaction();
        savepoints.set(i, new SavepointState(name, transaction.savepoint(), transactionCatalog));
        mode = Mode.BLOCK;
    }

    private void requireBlock(String command) {
        if (mode != Mode.BLOCK) {
            throw new ShaleException(ErrorCode.NO_ACTIVE_SQL_TRANSACTION, command + " can only be used in transaction blocks");
        }
    }

    private int findSavepoint(String name) {
        for (int i = savepoints.size() - 1; i >= 0; i--) {
            if (savepoints.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new ShaleException(ErrorCode.INVALID_SAVEPOINT_SPECIFICATION, "savepoint \"" + name + "\" does not exist");
    }

    /** Starts (or continues) this transaction's catalog change; waits for other sessions' DDL to end. */
    @Override
    public CatalogEditor editCatalog() {
        if (!holdsDdlLock) {
            acquireDdlLock();
            holdsDdlLock = true;
            if (transactionCatalog == null) {
                transaction.newSnapshot();
            }
        }
        return catalog().edit();
    }

    @Override
    public void commitCatalogNow(java.util.function.Consumer<io.shale.catalog.CatalogEditor> change) {
        if (transactionCatalog != null || holdsDdlLock) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "moving shards in a transaction block that changed the catalog is not supported");
        }
        commitCatalogAlone(change);
    }

    /** Takes the node's DDL lock, waiting while other sessions' DDL runs; the statement's cancel or timeout ends the wait. */
    private void acquireDdlLock() {
        try {
            while (!engine.ddlLock().tryAcquire(100, TimeUnit.MILLISECONDS)) {
                checkInterrupted();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interruption();
        }
    }

    /** A catalog change committed and published on its own, outside the session's transaction. */
    void commitCatalogAlone(java.util.function.Consumer<io.shale.catalog.CatalogEditor> change) {
        acquireDdlLock();
        try {
            io.shale.catalog.CatalogEditor editor = engine.catalog().edit();
            change.accept(editor);
            engine.commitCatalog(editor.build());
        } finally {
            engine.ddlLock().release();
        }
    }

    @Override
    public long integerSetting(String name) {
        return session.settings.integerValue(name);
    }

    @Override
    public void awaitRunningTransactions(long timeoutMillis) {
        ShardMoveWaits.awaitRunningTransactions(engine, transaction == null ? -1 : transaction.id(), timeoutMillis,
                this::checkInterrupted);
    }

    @Override
    public <T> T whileWaitingForMoves(java.util.function.Supplier<T> action) {
        return ShardMoveWaits.whileParked(engine, unwrittenTransactionId(), action);
    }

    /** The id of the session's transaction while it has written nothing (a move need not wait for it), else -1. */
    private long unwrittenTransactionId() {
        return transaction instanceof WriteTrackingTransaction w && !w.wrote() ? w.id() : -1;
    }

    @Override
    public java.util.concurrent.atomic.AtomicInteger runningMoves() {
        return engine.writeGate().runningMoves();
    }

    @Override
    public io.shale.engine.citus.MoveProgress moveProgress() {
        return engine.moveProgress();
    }

    @Override
    public void afterRollback(Runnable action) {
        onRollback.add(action);
    }

    /** Records the catalog this transaction's DDL made; visible to its later statements, published at commit. */
    @Override
    public void catalogChanged(Catalog next) {
        transactionCatalog = next;
        formatSettings = null;
    }

    @Override
    public io.shale.engine.exec.TableAccess tableAccess() {
        return engine.tables();
    }

    @Override
    public void stageShardRow(int groupId, int shardRelationOid, byte[] encodedRow) {
        shardRows.add(groupId, databaseOid(), shardRelationOid, encodedRow);
    }

    @Override
    public void freeStorageAfterCommit(List<Long> storageIds) {
        List<Long> ids = List.copyOf(storageIds);
        afterCommit(() -> {
            for (long id : ids) {
                engine.store().destroyRange(io.shale.engine.exec.KeyBytes.ofLong(id).toArray(),
                        io.shale.engine.exec.KeyBytes.ofLong(id + 1).toArray());
                engine.tables().forget(id);
            }
        });
    }

    @Override
    public java.util.function.Supplier<Object> columnDefault(io.shale.catalog.Column column) {
        return session.executor().columnDefault(column);
    }

    @Override
    public java.util.function.Predicate<Object[]> checkConstraint(io.shale.catalog.Table table, String checkSql) {
        return session.executor().checkConstraint(table, checkSql);
    }

    @Override
    public long relationSize(int relationOid) {
        return new StoreRelationSizes(engine, catalog(), session.database.oid()).relationSize(relationOid);
    }

    @Override
    public byte[] shardTransfer(int groupId, byte[] request) {
        return engine.cluster().shardTransfer(groupId, request);
    }

    @Override
    public int processId() {
        return session.processId();
    }

    @Override
    public long[] remoteRelationSizes(int groupId, int[] relationOids) {
        return engine.cluster().relationSizes(groupId, session.database.oid(), relationOids);
    }

    @Override
    public io.shale.engine.distributed.TaskRunner taskRunner() {
        return session.executor().taskRunner();
    }

    @Override
    public int localGroupId() {
        return engine.localGroupId();
    }

    @Override
    public io.shale.engine.jobs.BackgroundJobs backgroundJobs() {
        return engine.backgroundJobs();
    }

    /** Runs after a successful commit (freeing the storage of dropped and truncated tables). */
    @Override
    public void afterCommit(Runnable action) {
        onCommit.add(action);
    }

    /** Cancels the running statement with {@code reason} instead of 57014 (a distributed deadlock victim). */
    void cancel(ShaleException reason) {
        cancelReason = reason;
        cancel();
    }

    void cancel() {
        cancelRequested = true;
        Thread t = running;
        if (t != null) {
            t.interrupt();
        }
    }

    /** The 57014 error for the current interruption: cancel or statement timeout. */
    ShaleException interruption() {
        ShaleException reason = cancelReason;
        if (reason != null && cancelRequested) {
            return reason;
        }
        return new ShaleException(ErrorCode.QUERY_CANCELED, timedOut ? "canceling statement due to statement timeout"
                : "canceling statement due to user request");
    }

    boolean isRunning() {
        return running != null;
    }

    boolean interrupted() {
        return cancelRequested || timedOut;
    }

    @Override
    public void notice(Notice notice) {
        notices.add(notice);
    }

    /** Whether notices wait to be sent (functions evaluated while rows are produced raise them). */
    boolean hasNotices() {
        return !notices.isEmpty();
    }

    List<Notice> takeNotices() {
        List<Notice> taken = List.copyOf(notices);
        notices.clear();
        return taken;
    }

    /** This session as the cluster hooks see it. */
    SessionContextView contextView() {
        return contextView;
    }

    Instant transactionStart() {
        return transactionStart;
    }

    // EvalContext

    @Override
    public FormatSettings formatSettings() {
        Catalog catalog = catalog();
        long version = session.settings.version();
        if (formatSettings == null || formatCatalog != catalog || formatVersion != version) {
            formatCatalog = catalog;
            formatVersion = version;
            formatSettings = session.settings.formatSettings(new io.shale.engine.system.OidNamesResolver(catalog(),
                    databaseOid(), currentUserOid(), currentSchemas(true), engine.procs(), engine.systemCatalog()));
        }
        return formatSettings;
    }

    @Override
    public Instant transactionTimestamp() {
        return transactionStart;
    }

    @Override
    public Instant statementTimestamp() {
        return statementStart;
    }

    @Override
    public String currentUser() {
        String role = session.settings.show("role");
        return role.equals("none") ? session.sessionUser().name() : role;
    }

    @Override
    public String sessionUser() {
        return session.sessionUser().name();
    }

    @Override
    public String currentDatabase() {
        return session.database.name();
    }

    @Override
    public int databaseOid() {
        return session.database.oid();
    }

    @Override
    public int currentUserOid() {
        Catalog catalog = catalog();
        long version = session.settings.version();
        if (currentUserCatalog != catalog || currentUserSettings != version) {
            String role = session.settings.show("role");
            io.shale.catalog.Role current = role.equals("none") ? null : catalog.role(role);
            currentUserOidCache = current == null ? session.sessionUser().oid() : current.oid();
            currentUserCatalog = catalog;
            currentUserSettings = version;
        }
        return currentUserOidCache;
    }

    /** The search path with {@code $user} resolved, schemas that do not exist left out. */
    @Override
    public List<String> currentSchemas(boolean includeImplicit) {
        List<String> result = new ArrayList<>();
        var objects = catalog().objects(databaseOid());
        List<String> path = session.settings.searchPath();
        if (includeImplicit && !path.contains("pg_catalog")) {
            result.add("pg_catalog");
        }
        Catalog catalog = catalog();
        int role = currentUserOid();
        boolean superuser = io.shale.engine.access.AccessChecks.isSuperuser(catalog, role);
        for (String s : path) {
            String name = s.equals("$user") ? currentUser() : s;
            io.shale.catalog.Namespace ns = objects.namespace(name);
            // As PostgreSQL, schemas the role may not use are left out of the path.
            if (ns != null && !result.contains(name) && (superuser || io.shale.engine.access.AccessChecks.hasOnSchema(
                    catalog, databaseOid(), role, ns, io.shale.catalog.Privilege.USAGE))) {
                result.add(name);
            }
        }
        return result;
    }

    @Override
    public String setting(String name, boolean missingOk) {
        return session.settings.show(name, missingOk);
    }

    @Override
    public String setSetting(String name, String value, boolean local) {
        session.settings.set(name, value, local);
        formatSettings = null;
        return session.settings.show(name);
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public void setSeed(double seed) {
        random = new SplittableRandom(Double.doubleToLongBits(seed));
    }

    @Override
    public Sequences sequences() {
        return sequences;
    }

    Engine engine() {
        return engine;
    }

    @Override
    public void checkInterrupted() {
        if (interrupted()) {
            throw interruption();
        }
    }
}
