package io.shale.engine.distributed;

import io.shale.cluster.txn.TaskRequest;
import io.shale.cluster.txn.TransactionRequest;

import java.util.Map;

/**
 * The client's savepoints in the task sessions of its distributed transaction (as Citus propagates them): SAVEPOINT
 * and RELEASE reach the participants that are open; ROLLBACK TO reaches those that had the savepoint, and a
 * participant that joined after it is rolled back entirely and forgotten (its next task opens a new block).
 */
final class TaskSavepoints {
    private final TransactionCalls calls;

    TaskSavepoints(TransactionCalls calls) {
        this.calls = calls;
    }

    void savepoint(DistributedTransaction txn, String name) {
        for (DistributedTransaction.Participant p : txn.participants()) {
            if (p.opened && p.stage == DistributedTransaction.Stage.OPEN) {
                run(txn, p, "SAVEPOINT " + quote(name));
                p.savepoints.add(name);
            }
        }
    }

    void release(DistributedTransaction txn, String name) {
        for (DistributedTransaction.Participant p : txn.participants()) {
            int i = p.savepoints.lastIndexOf(name);
            if (i >= 0) {
                run(txn, p, "RELEASE SAVEPOINT " + quote(name));
                p.savepoints.subList(i, p.savepoints.size()).clear();
            }
        }
    }

    void rollbackTo(DistributedTransaction txn, String name) {
        for (DistributedTransaction.Participant p : txn.participants()) {
            if (!p.opened || p.stage != DistributedTransaction.Stage.OPEN) {
                continue;
            }
            int i = p.savepoints.lastIndexOf(name);
            if (i >= 0) {
                run(txn, p, "ROLLBACK TO SAVEPOINT " + quote(name));
                p.savepoints.subList(i + 1, p.savepoints.size()).clear();
            } else {
                p.stage = DistributedTransaction.Stage.FINISHED;
                txn.remove(p);
                calls.call(p.address, TransactionMethods.ROLLBACK, new TransactionRequest(txn.id, "").encode());
            }
        }
    }

    private void run(DistributedTransaction txn, DistributedTransaction.Participant p, String sql) {
        TaskRequest request = new TaskRequest(txn.id, false, "", "", Map.of(), sql);
        calls.call(p.address, TransactionMethods.TASK_EXECUTE, request.encode());
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
