package io.shale.engine.distributed;

import io.shale.cluster.txn.DistributedTransactionId;
import io.shale.cluster.txn.Payloads;
import io.shale.cluster.txn.WaitEdge;
import io.shale.cluster.txn.WaitForGraph;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.Engine;
import io.shale.storage.LockWait;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds deadlocks that span nodes: gathers the row lock waits of every node ({@code txn.waits}: the store's waits
 * between transactions that belong to distributed transactions, as edges between their ids), finds the cycles, and
 * cancels the youngest transaction of each cycle that this node coordinates with 40P01. Every node runs it for its
 * own transactions.
 */
final class DistributedDeadlockDetector {
    private final Engine engine;
    private final NodeDirectory directory;
    private final TransactionCalls calls;
    private final DistributedTransactions transactions;

    DistributedDeadlockDetector(Engine engine, NodeDirectory directory, TransactionCalls calls,
                                DistributedTransactions transactions) {
        this.engine = engine;
        this.directory = directory;
        this.calls = calls;
        this.transactions = transactions;
    }

    /** The lock waits of this node between transactions of distributed transactions. */
    List<WaitEdge> localEdges() {
        List<LockWait> waits = engine.store().statistics().lockWaits();
        if (waits.isEmpty()) {
            return List.of();
        }
        Map<Long, DistributedTransactionId> owners = new HashMap<>();
        for (TaskSession task : transactions.taskSessions().sessions()) {
            long id = engine.storeTransactionId(task.session.processId());
            if (id >= 0) {
                owners.put(id, task.transaction);
            }
        }
        for (DistributedTransaction txn : transactions.open()) {
            long id = engine.storeTransactionId(txn.processId);
            if (id >= 0) {
                owners.put(id, txn.id);
            }
        }
        List<WaitEdge> edges = new ArrayList<>();
        for (LockWait wait : waits) {
            DistributedTransactionId waiting = owners.get(wait.waitingTransaction());
            DistributedTransactionId holding = owners.get(wait.holdingTransaction());
            if (waiting != null && holding != null) {
                edges.add(new WaitEdge(waiting, holding));
            }
        }
        return edges;
    }

    /** One pass: whether a deadlock was found whose victim this node coordinates (and was cancelled). */
    synchronized boolean detect() {
        List<DistributedTransaction> mine = transactions.open();
        if (mine.isEmpty()) {
            return false;
        }
        WaitForGraph graph = new WaitForGraph();
        int myGroup = directory.localGroup();
        for (int group : directory.groups()) {
            List<WaitEdge> edges;
            try {
                edges = group == myGroup ? localEdges()
                        : Payloads.decodeEdges(calls.call(directory.addressOf(group), TransactionMethods.WAITS, new byte[0]));
            } catch (RuntimeException e) {
                continue;
            }
            for (WaitEdge edge : edges) {
                graph.add(edge);
            }
        }
        boolean found = false;
        for (DistributedTransactionId victim : graph.victims()) {
            for (DistributedTransaction txn : mine) {
                if (txn.id.key().equals(victim.key())) {
                    found |= engine.cancelSession(txn.processId, new ShaleException(ErrorCode.DEADLOCK_DETECTED,
                            "canceling the transaction since it was involved in a distributed deadlock"));
                }
            }
        }
        return found;
    }
}
