package io.shale.engine.distributed;

import io.shale.cluster.txn.Payloads;
import io.shale.cluster.txn.PreparedGid;
import io.shale.storage.KeyValueStore;
import io.shale.storage.PreparedTransaction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code recover_prepared_transactions()}: finishes the prepared transactions that this node's distributed
 * transactions left on any node (gid {@code citus_<this group>_…}) and whose commit is no longer under way: commits
 * those with a commit record in pg_dist_transaction, rolls back the others, then deletes the records of gids no
 * longer prepared. A node that cannot be reached is skipped (the next run retries).
 */
final class TwoPhaseRecovery {
    private static final System.Logger LOG = System.getLogger(TwoPhaseRecovery.class.getName());

    private final KeyValueStore store;
    private final NodeDirectory directory;
    private final TransactionCalls calls;
    private final Set<String> inFlight;
    private boolean lastPassComplete = true;

    TwoPhaseRecovery(KeyValueStore store, NodeDirectory directory, TransactionCalls calls, Set<String> inFlight) {
        this.store = store;
        this.directory = directory;
        this.calls = calls;
        this.inFlight = inFlight;
    }

    /** One pass over every group; the number of prepared transactions committed or rolled back. */
    synchronized int recover() {
        int myGroup = directory.localGroup();
        int recovered = 0;
        boolean complete = true;
        for (int group : directory.groups()) {
            try {
                recovered += recoverGroup(myGroup, group);
            } catch (RuntimeException e) {
                complete = false;
                LOG.log(System.Logger.Level.DEBUG, "recovery skipped group " + group + ": " + e.getMessage());
            }
        }
        lastPassComplete = complete;
        return recovered;
    }

    /** Whether the last pass reached every group. */
    synchronized boolean lastPassComplete() {
        return lastPassComplete;
    }

    private int recoverGroup(int myGroup, int group) {
        List<String> prepared = listPrepared(group);
        Set<String> busy = new HashSet<>(inFlight);
        Set<String> committed = new HashSet<>();
        List<DistributedTransactionRecords.Record> records = new ArrayList<>();
        for (DistributedTransactionRecords.Record r : DistributedTransactionRecords.read(store)) {
            if (r.groupId() == group) {
                records.add(r);
                committed.add(r.gid());
            }
        }
        int recovered = 0;
        for (String gid : prepared) {
            if (!PreparedGid.originatesIn(gid, myGroup) || busy.contains(gid)) {
                continue;
            }
            finish(group, gid, committed.contains(gid));
            recovered++;
        }
        Set<String> left = new HashSet<>(listPrepared(group));
        List<DistributedTransactionRecords.Record> done = new ArrayList<>();
        for (DistributedTransactionRecords.Record r : records) {
            if (!left.contains(r.gid())) {
                done.add(r);
            }
        }
        DistributedTransactionRecords.delete(store, done);
        return recovered;
    }

    private List<String> listPrepared(int group) {
        if (group == directory.localGroup()) {
            List<String> gids = new ArrayList<>();
            for (PreparedTransaction p : store.preparedTransactions()) {
                gids.add(p.gid());
            }
            return gids;
        }
        return Payloads.decodeTexts(calls.call(directory.addressOf(group), TransactionMethods.LIST_PREPARED, new byte[0]));
    }

    private void finish(int group, String gid, boolean commit) {
        if (group == directory.localGroup()) {
            if (commit) {
                store.commitPrepared(gid);
            } else {
                store.rollbackPrepared(gid);
            }
            return;
        }
        calls.callGid(directory.addressOf(group), commit ? TransactionMethods.COMMIT_PREPARED
                : TransactionMethods.ROLLBACK_PREPARED, gid);
    }
}
