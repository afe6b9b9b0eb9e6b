package io.shale.engine.distributed;

import io.shale.cluster.rpc.NodeAddress;
import io.shale.cluster.rpc.RpcStream;
import io.shale.cluster.txn.TaskChunks;
import io.shale.cluster.txn.TaskRequest;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Runs a statement's tasks for a client session: those of this node's group in the session itself (the local runner),
 * the others in the task sessions of the session's distributed transaction on their nodes, over RPC, in parallel
 * across nodes and in order on each. Results come back in task order; the first failure (in task order) is thrown as
 * the remote node raised it. Used on the session's thread.
 */
final class RemoteTaskRunner implements TaskRunner {
    /** The deadline of a task call when statement_timeout is off. */
    private static final Duration NO_TIMEOUT = Duration.ofDays(1);

    private final DistributedTransactions transactions;
    private final SessionContextView session;
    private final TaskRunner local;

    RemoteTaskRunner(DistributedTransactions transactions, SessionContextView session, TaskRunner local) {
        this.transactions = transactions;
        this.session = session;
        this.local = local;
    }

    @Override
    public List<TaskResult> run(List<Task> tasks) {
        int localGroup = transactions.directory().localGroup();
        Map<Integer, List<Integer>> remote = new LinkedHashMap<>();
        List<Integer> localIndexes = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            int group = tasks.get(i).groupId();
            if (group == localGroup) {
                localIndexes.add(i);
            } else {
                remote.computeIfAbsent(group, g -> new ArrayList<>()).add(i);
            }
        }
        if (remote.isEmpty()) {
            return local.run(tasks);
        }
        if (tasks.size() == 1 && session.statementIsTransaction() && !transactions.inTransaction(session)) {
            Task only = tasks.get(0);
            return List.of(call(null, false, transactions.directory().addressOf(only.groupId()), only));
        }
        DistributedTransaction txn = transactions.transactionOf(session);
        TaskResult[] results = new TaskResult[tasks.size()];
        RuntimeException[] failures = new RuntimeException[tasks.size()];
        if (remote.size() == 1 && localIndexes.isEmpty()) {
            Map.Entry<Integer, List<Integer>> only = remote.entrySet().iterator().next();
            runGroup(txn, only.getKey(), only.getValue(), tasks, results, failures);
        } else {
            List<CompletableFuture<Void>> running = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (Map.Entry<Integer, List<Integer>> e : remote.entrySet()) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                threads.add(Thread.ofVirtual().name("shale-task-" + e.getKey()).start(() -> {
                    try {
                        runGroup(txn, e.getKey(), e.getValue(), tasks, results, failures);
                    } finally {
                        done.complete(null);
                    }
                }));
                running.add(done);
            }
            try {
                if (!localIndexes.isEmpty()) {
                    runLocal(tasks, localIndexes, results, failures);
                }
                for (CompletableFuture<Void> f : running) {
                    f.get();
                }
            } catch (InterruptedException | RuntimeException e) {
                for (Thread t : threads) {
                    t.interrupt();
                }
                for (CompletableFuture<Void> f : running) {
                    f.join();
                }
                if (e instanceof RuntimeException r) {
                    throw r;
                }
                Thread.currentThread().interrupt();
                throw new ShaleException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
            } catch (ExecutionException e) {
                throw new ShaleException(ErrorCode.INTERNAL_ERROR, "task failed", e.getCause());
            }
        }
        for (RuntimeException f : failures) {
            if (f != null) {
                throw f;
            }
        }
        return List.of(results);
    }

    private void runLocal(List<Task> tasks, List<Integer> indexes, TaskResult[] results, RuntimeException[] failures) {
        List<Task> mine = new ArrayList<>(indexes.size());
        for (int i : indexes) {
            mine.add(tasks.get(i));
        }
        List<TaskResult> done = local.run(mine);
        for (int k = 0; k < indexes.size(); k++) {
            results[indexes.get(k)] = done.get(k);
        }
    }

    /** The tasks of one remote group, in order; stops at the first failure. */
    private void runGroup(DistributedTransaction txn, int group, List<Integer> indexes, List<Task> tasks,
                          TaskResult[] results, RuntimeException[] failures) {
        for (int i : indexes) {
            try {
                results[i] = execute(txn, group, tasks.get(i));
            } catch (RuntimeException e) {
                failures[i] = e;
                return;
            }
        }
    }

    private TaskResult execute(DistributedTransaction txn, int group, Task task) {
        DistributedTransaction.Participant participant = txn.participant(group, transactions.directory().addressOf(group));
        boolean opens;
        synchronized (participant) {
            opens = !participant.opened;
            participant.opened = true;
            participant.wrote |= task.modifies();
        }
        return call(txn, opens, participant.address, task);
    }

    /**
     * Sends one task; without a distributed transaction ({@code txn} null) the node runs it in an implicit
     * transaction of its own, committed before it answers.
     */
    private TaskResult call(DistributedTransaction txn, boolean opens, NodeAddress target, Task task) {
        TaskRequest request = txn == null
                ? new TaskRequest(transactions.autocommitId(session), true, true, session.roleName(),
                        session.databaseName(), TaskSettings.of(session), task.sql())
                : new TaskRequest(txn.id, opens, session.roleName(), session.databaseName(),
                        TaskSettings.of(session), task.sql());
        try (RpcStream stream = transactions.calls().rpc().stream(target, TransactionMethods.TASK_EXECUTE,
                request.encode(), deadline())) {
            List<SqlType> types = List.of();
            SqlType[] typeArray = new SqlType[0];
            List<Object[]> rows = new ArrayList<>();
            byte[] chunk;
            while ((chunk = stream.next()) != null) {
                if (TaskChunks.kind(chunk) == TaskChunks.TYPES) {
                    types = TaskChunks.readTypes(chunk);
                    typeArray = types.toArray(new SqlType[0]);
                } else {
                    TaskChunks.readRows(chunk, typeArray, rows);
                }
            }
            byte[] done = stream.result();
            if (TaskChunks.kind(done) == TaskChunks.INLINE) {
                byte[][] parts = TaskChunks.inlineParts(done);
                if (parts[0] != null) {
                    types = TaskChunks.readTypes(parts[0]);
                    typeArray = types.toArray(new SqlType[0]);
                }
                if (parts[1] != null) {
                    TaskChunks.readRows(parts[1], typeArray, rows);
                }
                done = parts[2];
            }
            return new TaskResult(types, rows, TaskChunks.rowsAffected(done), TaskChunks.tag(done));
        }
    }

    private Duration deadline() {
        String timeout = session.setting("statement_timeout");
        long ms = TaskSettings.milliseconds(timeout);
        return ms <= 0 ? NO_TIMEOUT : Duration.ofMillis(ms + 1000);
    }
}
