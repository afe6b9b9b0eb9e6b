package io.shale.engine.distributed;

import io.shale.cluster.txn.TransactionRequest;
import io.shale.storage.KeyValueStore;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How a distributed transaction ends (Citus's protocol). One writing node: every participant commits plainly, the
 * writer first. Several: the readers commit, every remote writer prepares under its gid
 * ({@code citus_<origin group>_<pid>_<number>_<participant group>}), the commit records go into the local
 * transaction, whose commit is the decision, and then the prepared transactions are committed; a failure before the
 * local commit rolls them back. Prepared transactions whose last step failed are left to recovery.
 */
final class TwoPhaseCommit {
    private static final System.Logger LOG = System.getLogger(TwoPhaseCommit.class.getName());

    private final KeyValueStore store;
    /** Called when a prepared transaction could not be finished (recovery should run soon). */
    private final Runnable leftToRecovery;
    private final TransactionCalls calls;
    /** Gids of prepared transactions whose commit is under way; recovery leaves them alone. */
    private final Set<String> inFlight;

    TwoPhaseCommit(KeyValueStore store, TransactionCalls calls, Set<String> inFlight, Runnable leftToRecovery) {
        this.leftToRecovery = leftToRecovery;
        this.store = store;
        this.calls = calls;
        this.inFlight = inFlight;
    }

    /** Before the local commit; throws when the transaction cannot commit (then {@link #afterRollback} follows). */
    void beforeCommit(DistributedTransaction txn, Transaction local, boolean localWrites) {
        List<DistributedTransaction.Participant> writers = new ArrayList<>();
        List<DistributedTransaction.Participant> readers = new ArrayList<>();
        for (DistributedTransaction.Participant p : txn.participants()) {
            (p.wrote ? writers : readers).add(p);
        }
        byte[] request = new TransactionRequest(txn.id, "").encode();
        if (writers.size() + (localWrites ? 1 : 0) <= 1) {
            for (DistributedTransaction.Participant w : writers) {
                w.stage = DistributedTransaction.Stage.FINISHED;
                calls.call(w.address, TransactionMethods.COMMIT, request);
            }
            finishReaders(readers, request);
            return;
        }
        finishReaders(readers, request);
        for (DistributedTransaction.Participant w : writers) {
            w.gid = txn.id.gid(w.group);
            inFlight.add(w.gid);
        }
        List<RuntimeException> failures = TransactionCalls.forAll(writers, w -> {
            byte[] answer = calls.call(w.address, TransactionMethods.PREPARE, new TransactionRequest(txn.id, w.gid).encode());
            w.stage = DistributedTransaction.Stage.PREPARED;
            return answer;
        });
        for (int i = 0; i < writers.size(); i++) {
            if (failures.get(i) != null) {
                writers.get(i).stage = DistributedTransaction.Stage.FINISHED;
            }
        }
        for (RuntimeException f : failures) {
            if (f != null) {
                throw f;
            }
        }
        if (local == null) {
            Transaction own = store.begin(TransactionOptions.defaults());
            try {
                writeRecords(own, writers);
                own.commit();
            } finally {
                own.rollback();
            }
        } else {
            writeRecords(local, writers);
        }
        txn.recordsWritten = true;
    }

    private static void writeRecords(Transaction txn, List<DistributedTransaction.Participant> writers) {
        for (DistributedTransaction.Participant w : writers) {
            DistributedTransactionRecords.write(txn, w.group, w.gid, txn.id());
        }
    }

    private void finishReaders(List<DistributedTransaction.Participant> readers, byte[] request) {
        for (DistributedTransaction.Participant r : readers) {
            r.stage = DistributedTransaction.Stage.FINISHED;
        }
        TransactionCalls.forAll(readers, r -> calls.call(r.address, TransactionMethods.COMMIT, request));
    }

    /** After the local commit: COMMIT PREPARED everywhere; what fails is left to recovery. */
    void afterCommit(DistributedTransaction txn) {
        List<DistributedTransaction.Participant> prepared = new ArrayList<>();
        for (DistributedTransaction.Participant p : txn.participants()) {
            if (p.stage == DistributedTransaction.Stage.PREPARED) {
                prepared.add(p);
            }
        }
        try {
            List<RuntimeException> failures = TransactionCalls.forAll(prepared,
                    p -> calls.callGid(p.address, TransactionMethods.COMMIT_PREPARED, p.gid));
            log(failures, prepared, "commit");
        } finally {
            release(prepared);
        }
    }

    /**
     * After the local transaction rolled back: open participants roll back; prepared ones roll back unless the
     * commit records were written (the local commit then failed after the decision may have become durable, and
     * recovery decides from the records).
     */
    void afterRollback(DistributedTransaction txn) {
        List<DistributedTransaction.Participant> open = new ArrayList<>();
        List<DistributedTransaction.Participant> prepared = new ArrayList<>();
        for (DistributedTransaction.Participant p : txn.participants()) {
            if (p.stage == DistributedTransaction.Stage.OPEN) {
                open.add(p);
            } else if (p.stage == DistributedTransaction.Stage.PREPARED) {
                prepared.add(p);
            }
        }
        byte[] request = new TransactionRequest(txn.id, "").encode();
        try {
            TransactionCalls.forAll(open, p -> calls.call(p.address, TransactionMethods.ROLLBACK, request));
            if (txn.recordsWritten) {
                if (!prepared.isEmpty()) {
                    leftToRecovery.run();
                }
            } else {
                List<RuntimeException> failures = TransactionCalls.forAll(prepared,
                        p -> calls.callGid(p.address, TransactionMethods.ROLLBACK_PREPARED, p.gid));
                log(failures, prepared, "roll back");
            }
        } finally {
            release(prepared);
        }
    }

    private void release(List<DistributedTransaction.Participant> prepared) {
        for (DistributedTransaction.Participant p : prepared) {
            p.stage = DistributedTransaction.Stage.FINISHED;
            inFlight.remove(p.gid);
        }
    }

    private void log(List<RuntimeException> failures, List<DistributedTransaction.Participant> participants,
                     String action) {
        for (int i = 0; i < failures.size(); i++) {
            if (failures.get(i) != null) {
                leftToRecovery.run();
                LOG.log(System.Logger.Level.WARNING, "could not " + action + " prepared transaction \""
                        + participants.get(i).gid + "\" on " + participants.get(i).address
                        + "; recovery will finish it: " + failures.get(i).getMessage());
            }
        }
    }
}
