package io.shale.engine.distributed;

import io.shale.cluster.rpc.NodeAddress;
import io.shale.cluster.txn.DistributedTransactionId;
import io.shale.engine.session.Session;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A worker's internal session that runs the tasks of one distributed transaction: opened with the client session's
 * role, database and settings at the transaction's first task on this node, its block open until the origin commits,
 * prepares or rolls back. One task at a time ({@link #lock}).
 */
final class TaskSession {
    final DistributedTransactionId transaction;
    final NodeAddress origin;
    final Session session;
    final ReentrantLock lock = new ReentrantLock();
    /** The client settings the session has now ({@link TaskSettingsChanges}); changed under the lock. */
    java.util.Map<String, String> appliedSettings = java.util.Map.of();
    /** Set (under the lock) once the block ended; later requests find the session gone. */
    boolean ended;

    TaskSession(DistributedTransactionId transaction, NodeAddress origin, Session session) {
        this.transaction = transaction;
        this.origin = origin;
        this.session = session;
    }
}
