package io.shale.engine.distributed;

import io.shale.cluster.rpc.NodeAddress;
import io.shale.cluster.rpc.RpcContext;
import io.shale.cluster.txn.DistributedTransactionId;
import io.shale.cluster.txn.Payloads;
import io.shale.cluster.txn.TaskRequest;
import io.shale.cluster.txn.TransactionRequest;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.Engine;
import io.shale.engine.session.Session;
import io.shale.storage.PreparedTransaction;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The worker side of distributed transactions: serves {@code task.execute} in task sessions, one per distributed
 * transaction, and ends them with {@code txn.commit}, {@code txn.rollback} and {@code txn.prepare}; finishes prepared
 * transactions ({@code txn.commitPrepared}, {@code txn.rollbackPrepared}) and lists them ({@code txn.listPrepared}).
 * The task sessions of a node whose internal channel drops are rolled back. Thread-safe.
 */
public final class TaskSessionService implements AutoCloseable {
    private final Engine engine;
    private final Map<DistributedTransactionId.Key, TaskSession> sessions = new ConcurrentHashMap<>();
    private final AutocommitTasks autocommit;

    public TaskSessionService(Engine engine) {
        this.engine = engine;
        this.autocommit = new AutocommitTasks(engine);
    }

    /** Registers the handlers on {@code server} and ends the task sessions of nodes whose channel drops. */
    public void register(InternalRpc server) {
        server.serve(TransactionMethods.TASK_EXECUTE, (context, payload) -> answer(() -> execute(context, payload)));
        server.serve(TransactionMethods.COMMIT, (context, payload) -> answer(() -> end(payload, "COMMIT")));
        server.serve(TransactionMethods.ROLLBACK, (context, payload) -> answer(() -> end(payload, "ROLLBACK")));
        server.serve(TransactionMethods.PREPARE, (context, payload) -> answer(() -> prepare(payload)));
        server.serve(TransactionMethods.COMMIT_PREPARED, (context, payload) -> answer(() -> finishPrepared(payload, true)));
        server.serve(TransactionMethods.ROLLBACK_PREPARED,
                (context, payload) -> answer(() -> finishPrepared(payload, false)));
        server.serve(TransactionMethods.LIST_PREPARED, (context, payload) -> answer(this::listPrepared));
        server.onPeerLost(this::originLost);
    }

    private static CompletableFuture<byte[]> answer(java.util.function.Supplier<byte[]> work) {
        try {
            return CompletableFuture.completedFuture(work.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private byte[] execute(RpcContext context, byte[] payload) {
        TaskRequest request = TaskRequest.decode(payload);
        if (request.autocommit()) {
            return autocommit.run(request, context);
        }
        TaskSession task = sessions.get(request.transaction().key());
        if (task == null) {
            if (!request.opens()) {
                throw new ShaleException(ErrorCode.CONNECTION_FAILURE, "the distributed transaction is no longer open on this node");
            }
            task = open(request, context.caller());
        }
        task.lock.lock();
        try {
            requireOpen(task);
            TaskSettingsChanges.apply(task, request.settings());
            TaskResultWriter writer = new TaskResultWriter(context);
            io.shale.engine.citus.TenantTaskMeter meter =
                    io.shale.engine.citus.TenantTaskMeter.start(engine.tenantStats(), request.sql());
            task.session.simpleQuery(request.sql(), writer);
            TenantCounting.finish(engine, meter, request.database(), writer.tag());
            return writer.completion();
        } finally {
            task.lock.unlock();
        }
    }

    private TaskSession open(TaskRequest request, NodeAddress caller) {
        Session session = engine.open(request.role(), request.database(), request.settings(), "node " + caller);
        try {
            session.simpleQuery("BEGIN", new TaskResultWriter(null));
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        TaskSession task = new TaskSession(request.transaction(), caller, session);
        task.appliedSettings = request.settings();
        TaskSession raced = sessions.putIfAbsent(request.transaction().key(), task);
        if (raced != null) {
            session.close();
            return raced;
        }
        return task;
    }

    private static void requireOpen(TaskSession task) {
        if (task.ended) {
            throw new ShaleException(ErrorCode.CONNECTION_FAILURE, "the distributed transaction ended on this node");
        }
    }

    /** COMMIT or ROLLBACK of the task session's block; an unknown transaction has nothing to end. */
    private byte[] end(byte[] payload, String command) {
        TransactionRequest request = TransactionRequest.decode(payload);
        TaskSession task = sessions.get(request.transaction().key());
        if (task == null) {
            if (command.equals("COMMIT")) {
                throw new ShaleException(ErrorCode.CONNECTION_FAILURE,
                        "the distributed transaction is no longer open on this node");
            }
            return new byte[0];
        }
        if (command.equals("ROLLBACK")) {
            task.session.cancel();
        }
        task.lock.lock();
        try {
            requireOpen(task);
            TaskResultWriter writer = new TaskResultWriter(null);
            try {
                task.session.simpleQuery(command, writer);
            } finally {
                close(task);
            }
            if (command.equals("COMMIT") && !writer.tag().equals("COMMIT")) {
                throw new ShaleException(ErrorCode.INVALID_TRANSACTION_STATE,
                        "the distributed transaction was rolled back on this node after an error");
            }
            return new byte[0];
        } finally {
            task.lock.unlock();
        }
    }

    private byte[] prepare(byte[] payload) {
        TransactionRequest request = TransactionRequest.decode(payload);
        TaskSession task = sessions.get(request.transaction().key());
        if (task == null) {
            throw new ShaleException(ErrorCode.CONNECTION_FAILURE, "the distributed transaction is no longer open on this node");
        }
        task.lock.lock();
        try {
            requireOpen(task);
            try {
                engine.prepareInternal(task.session, request.gid());
            } finally {
                close(task);
            }
            return new byte[0];
        } finally {
            task.lock.unlock();
        }
    }

    /** Ends the task session (the caller holds its lock): closing rolls back whatever is still open. */
    private void close(TaskSession task) {
        task.ended = true;
        sessions.remove(task.transaction.key(), task);
        task.session.close();
    }

    private byte[] finishPrepared(byte[] payload, boolean commit) {
        String gid = new String(payload, StandardCharsets.UTF_8);
        if (commit) {
            engine.store().commitPrepared(gid);
        } else {
            engine.store().rollbackPrepared(gid);
        }
        return new byte[0];
    }

    private byte[] listPrepared() {
        List<String> gids = new ArrayList<>();
        for (PreparedTransaction p : engine.store().preparedTransactions()) {
            gids.add(p.gid());
        }
        return Payloads.encodeTexts(gids);
    }

    /** The task sessions running now (wait edges map their store transactions to distributed transactions). */
    List<TaskSession> sessions() {
        return new ArrayList<>(sessions.values());
    }

    /** The channel from {@code origin} dropped: its task sessions roll back (on a virtual thread each). */
    void originLost(NodeAddress origin) {
        for (TaskSession task : sessions.values()) {
            if (task.origin.equals(origin)) {
                abort(task);
            }
        }
    }

    private void abort(TaskSession task) {
        task.session.cancel();
        Thread.ofVirtual().name("shale-task-abort").start(() -> {
            task.lock.lock();
            try {
                if (!task.ended) {
                    close(task);
                }
            } finally {
                task.lock.unlock();
            }
        });
    }

    @Override
    public void close() {
        autocommit.close();
        for (TaskSession task : sessions.values()) {
            abort(task);
        }
    }
}
