package io.shale.engine.distributed;

import io.shale.cluster.rpc.NodeAddress;
import io.shale.cluster.txn.DistributedTransactionId;
import io.shale.cluster.txn.Payloads;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.Engine;
import io.shale.storage.Transaction;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Distributed transactions of one node: as coordinator, the distributed transaction of each client session that sent
 * tasks to other nodes, its commit (one writer: plain commit; several: two-phase commit with commit records in
 * pg_dist_transaction), the recovery of prepared transactions left by failures and distributed deadlock detection; as
 * worker, the task sessions ({@link TaskSessionService}). Implements the {@link ClusterHooks} methods of transactions;
 * a node that also needs other hooks forwards these to it. Thread-safe; {@link #start()} starts the periodic
 * recovery (at once, then every {@link TransactionConfig#recoveryInterval()}) and deadlock detection.
 */
public final class DistributedTransactions implements ClusterHooks, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DistributedTransactions.class.getName());
    private static final long RETRY_MS = 1000;

    private final Engine engine;
    private final NodeAddress self;
    private final NodeDirectory directory;
    private final TransactionConfig config;
    private final InternalRpc rpc;
    private final TransactionCalls calls;
    private final TaskSessionService taskSessions;
    private final Map<Integer, DistributedTransaction> open = new ConcurrentHashMap<>();
    private final AtomicLong numbers = new AtomicLong(System.currentTimeMillis() * 1000);
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final TwoPhaseCommit commit;
    private final TaskSavepoints savepoints;
    private final TwoPhaseRecovery recovery;
    private final DistributedDeadlockDetector deadlocks;
    private ScheduledExecutorService timers;
    /** Set when a commit left prepared transactions behind: recovery then runs every second until it reaches all. */
    private volatile boolean recoveryWanted = true;

    /**
     * @param self this node's internal address (the origin named in its transaction ids)
     * @param rpc the node's internal RPC, for tasks and transaction control
     */
    public DistributedTransactions(Engine engine, NodeAddress self, InternalRpc rpc, NodeDirectory directory,
                                   TransactionConfig config) {
        this.engine = engine;
        this.self = self;
        this.directory = directory;
        this.config = config;
        this.rpc = rpc;
        this.calls = new TransactionCalls(rpc, config.callTimeout());
        this.taskSessions = new TaskSessionService(engine);
        this.commit = new TwoPhaseCommit(engine.store(), calls, inFlight, () -> recoveryWanted = true);
        this.savepoints = new TaskSavepoints(calls);
        this.recovery = new TwoPhaseRecovery(engine.store(), directory, calls, inFlight);
        this.deadlocks = new DistributedDeadlockDetector(engine, directory, calls, this);
    }

    /** Serves the worker-side methods ({@code task.execute}, {@code txn.*}) on the node's internal RPC. */
    public void register() {
        taskSessions.register(rpc);
        rpc.serve(TransactionMethods.WAITS,
                (context, payload) -> CompletableFuture.supplyAsync(() -> Payloads.encodeEdges(deadlocks.localEdges()),
                        Runnable::run));
    }

    /** Starts recovery (a first pass at once) and deadlock detection on a timer thread of this object. */
    public synchronized void start() {
        if (timers != null) {
            return;
        }
        timers = Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon().name("shale-2pc-", 0).factory());
        long recoverMs = config.recoveryInterval().toMillis();
        timers.schedule(this::recoverQuietly, 0, TimeUnit.MILLISECONDS);
        if (recoverMs > 0) {
            timers.scheduleWithFixedDelay(this::recoverQuietly, recoverMs, recoverMs, TimeUnit.MILLISECONDS);
            timers.scheduleWithFixedDelay(() -> {
                if (recoveryWanted) {
                    recoverQuietly();
                }
            }, RETRY_MS, RETRY_MS, TimeUnit.MILLISECONDS);
        }
        long deadlockMs = config.deadlockInterval().toMillis();
        if (deadlockMs > 0) {
            timers.scheduleWithFixedDelay(this::detectQuietly, deadlockMs, deadlockMs, TimeUnit.MILLISECONDS);
        }
    }

    private void recoverQuietly() {
        try {
            recoveryWanted = false;
            recovery.recover();
            if (!recovery.lastPassComplete()) {
                recoveryWanted = true;
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "recovery of prepared transactions failed: " + e.getMessage());
        }
    }

    private void detectQuietly() {
        try {
            deadlocks.detect();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "distributed deadlock detection failed: " + e.getMessage());
        }
    }

    @Override
    public int localGroupId() {
        return directory.localGroup();
    }

    @Override
    public boolean isCoordinator() {
        return directory.localGroup() == 0;
    }

    @Override
    public TaskRunner taskRunner(SessionContextView session, TaskRunner local) {
        return new RemoteTaskRunner(this, session, local);
    }

    @Override
    public void beforeCommit(SessionContextView session, Transaction local, boolean localWrites) {
        DistributedTransaction txn = open.get(session.processId());
        if (txn != null && !txn.isEmpty()) {
            commit.beforeCommit(txn, local, localWrites);
        }
    }

    @Override
    public void afterCommit(SessionContextView session) {
        DistributedTransaction txn = open.remove(session.processId());
        if (txn != null) {
            commit.afterCommit(txn);
        }
    }

    @Override
    public void afterRollback(SessionContextView session) {
        DistributedTransaction txn = open.remove(session.processId());
        if (txn != null) {
            commit.afterRollback(txn);
        }
    }

    @Override
    public void savepoint(SessionContextView session, String name) {
        DistributedTransaction txn = open.get(session.processId());
        if (txn != null) {
            savepoints.savepoint(txn, name);
        }
    }

    @Override
    public void releaseSavepoint(SessionContextView session, String name) {
        DistributedTransaction txn = open.get(session.processId());
        if (txn != null) {
            savepoints.release(txn, name);
        }
    }

    @Override
    public void rollbackToSavepoint(SessionContextView session, String name) {
        DistributedTransaction txn = open.get(session.processId());
        if (txn != null) {
            savepoints.rollbackTo(txn, name);
        }
    }

    @Override
    public void beforePrepare(SessionContextView session) {
        DistributedTransaction txn = open.get(session.processId());
        if (txn != null && !txn.isEmpty()) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "PREPARE TRANSACTION of a transaction that ran tasks on other nodes is not supported");
        }
    }

    @Override
    public int recoverPreparedTransactions() {
        return recovery.recover();
    }

    @Override
    public boolean checkDistributedDeadlocks() {
        return deadlocks.detect();
    }

    /** The session's distributed transaction, begun at its first task for another node. */
    DistributedTransaction transactionOf(SessionContextView session) {
        return open.computeIfAbsent(session.processId(), pid -> new DistributedTransaction(
                new DistributedTransactionId(directory.localGroup(), self.toString(), pid, numbers.incrementAndGet(),
                        ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now())), pid));
    }

    /** Whether the session's distributed transaction already runs tasks on other nodes. */
    boolean inTransaction(SessionContextView session) {
        DistributedTransaction txn = open.get(session.processId());
        return txn != null && !txn.isEmpty();
    }

    /** The (informative) transaction id of an autocommit task of the session: it names no distributed transaction. */
    DistributedTransactionId autocommitId(SessionContextView session) {
        return new DistributedTransactionId(directory.localGroup(), self.toString(), session.processId(), 0, 0);
    }

    List<DistributedTransaction> open() {
        return new ArrayList<>(open.values());
    }

    NodeDirectory directory() {
        return directory;
    }

    TransactionCalls calls() {
        return calls;
    }

    TaskSessionService taskSessions() {
        return taskSessions;
    }

    @Override
    public synchronized void close() {
        if (timers != null) {
            timers.shutdownNow();
        }
        taskSessions.close();
    }
}
