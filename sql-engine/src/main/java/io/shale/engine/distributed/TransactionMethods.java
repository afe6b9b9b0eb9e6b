package io.shale.engine.distributed;

/** The names of the internal RPC methods of distributed transactions. */
final class TransactionMethods {
    static final String TASK_EXECUTE = "task.execute";
    static final String COMMIT = "txn.commit";
    static final String ROLLBACK = "txn.rollback";
    static final String PREPARE = "txn.prepare";
    static final String COMMIT_PREPARED = "txn.commitPrepared";
    static final String ROLLBACK_PREPARED = "txn.rollbackPrepared";
    static final String LIST_PREPARED = "txn.listPrepared";
    static final String WAITS = "txn.waits";

    private TransactionMethods() {
    }
}
