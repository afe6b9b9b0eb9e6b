package io.shale.storage.lsm;

import io.shale.storage.PreparedTransaction;
import io.shale.storage.WaitPolicy;
import io.shale.storage.file.StorageFiles;
import io.shale.storage.wal.WalConfig;
import io.shale.storage.wal.WalReader;
import io.shale.storage.wal.WriteAheadLog;

import java.util.ArrayList;
import java.util.List;

/**
 * Brings a store back from its files: replays the write-ahead log into the version chains
 * (commits), re-creates prepared transactions with their provisional writes and row locks, and
 * applies their outcomes and range drops; then opens the log for appending at its end.
 */
final class Recovery {
    private final StorageFiles files;
    private final LsmConfig config;
    private LsmKeyValueStore store;
    /** The end LSN of the record before the current one: at or below where it starts. */
    private long previousEnd;
    private long maxTimestamp;
    /** Records ending at or before it are in the sorted files already. */
    private long checkpointLsn;
    /** The parts of a large commit read so far, applied with its COMMIT record. */
    private final List<LogRecord.Write> parts = new ArrayList<>();

    Recovery(StorageFiles files, LsmConfig config) {
        this.files = files;
        this.config = config;
    }

    /**
     * Replays the log from {@code fromLsn} into the store, applying only the prepared
     * transactions' records up to {@code checkpointLsn} (the rest is in the sorted files); returns
     * the log's end.
     */
    long replay(LsmKeyValueStore target, long fromLsn, long checkpoint) {
        store = target;
        previousEnd = fromLsn;
        checkpointLsn = checkpoint;
        long end = WalReader.replay(files, fromLsn, config.walSkipCorrupt(), this::accept);
        if (maxTimestamp > 0) {
            store.clock().update(maxTimestamp);
        }
        return end;
    }

    /** Opens the log for appending where replay ended. */
    CommitLog openLog(long endLsn) {
        return new WalCommitLog(WriteAheadLog.open(files, new WalConfig(config.walSegmentSize(), config.fsync()),
                endLsn));
    }

    private void accept(long endLsn, byte type, byte[] payload) {
        apply(LogRecordCodec.decode(type, payload), previousEnd, endLsn <= checkpointLsn);
        previousEnd = endLsn;
    }

    private void apply(LogRecord record, long startFloor, boolean checkpointed) {
        switch (record) {
            case LogRecord.CommitPart part -> {
                if (!checkpointed) {
                    parts.addAll(part.writes());
                }
            }
            case LogRecord.Commit commit -> {
                if (checkpointed) {
                    return;
                }
                for (LogRecord.Write write : parts) {
                    store.versions().applyCommitted(write.key(), write.value(), commit.timestamp());
                }
                parts.clear();
                for (LogRecord.Write write : commit.writes()) {
                    store.versions().applyCommitted(write.key(), write.value(), commit.timestamp());
                }
                noteTimestamp(commit.timestamp());
            }
            case LogRecord.Prepare prepare -> recreate(prepare, startFloor);
            case LogRecord.CommitPrepared commit -> {
                PreparedEntry entry = store.prepared().remove(commit.gid());
                if (entry != null && checkpointed) {
                    entry.state().publish(TransactionState.ABORTED);
                    entry.writes().undoSince(0);
                    entry.locks().releaseAll();
                } else if (entry != null) {
                    entry.state().publish(commit.timestamp());
                    entry.writes().stamp(commit.timestamp(), 0);
                    entry.locks().releaseAll();
                }
                noteTimestamp(commit.timestamp());
            }
            case LogRecord.RollbackPrepared rollback -> {
                PreparedEntry entry = store.prepared().remove(rollback.gid());
                if (entry != null) {
                    entry.state().publish(TransactionState.ABORTED);
                    entry.writes().undoSince(0);
                    entry.locks().releaseAll();
                }
            }
            case LogRecord.DestroyRange destroy -> {
                if (!checkpointed) {
                    store.replayDestroyRange(destroy);
                }
                noteTimestamp(destroy.timestamp());
            }
        }
    }

    /** A prepared transaction again: its provisional versions on their chains, its locks held. */
    private void recreate(LogRecord.Prepare prepare, long startFloor) {
        TransactionState state = new TransactionState(prepare.transactionId());
        state.snapshot = Long.MAX_VALUE;
        TransactionWrites writes = new TransactionWrites(store.versions(), state);
        for (LogRecord.Write write : prepare.writes()) {
            writes.write(write.key(), write.value());
        }
        TransactionLocks locks = new TransactionLocks(store.locks(), state, 0, Long.MAX_VALUE);
        for (LogRecord.HeldLock lock : prepare.locks()) {
            locks.acquire(new LockKey(lock.key()), lock.strength(), WaitPolicy.NOWAIT);
        }
        PreparedTransaction info = new PreparedTransaction(prepare.gid(), prepare.transactionId(),
                prepare.preparedAtMicros(), prepare.owner(), prepare.database());
        store.prepared().install(new PreparedEntry(info, state, writes, locks, startFloor));
        store.noteTransactionId(prepare.transactionId());
    }

    private void noteTimestamp(long timestamp) {
        maxTimestamp = Math.max(maxTimestamp, timestamp);
    }
}
