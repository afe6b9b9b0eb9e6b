package io.shale.storage.lsm;

import io.shale.storage.wal.WriteAheadLog;

/** The {@link CommitLog} of a durable store: its write-ahead log. */
final class WalCommitLog implements CommitLog {
    private final WriteAheadLog wal;

    WalCommitLog(WriteAheadLog wal) {
        this.wal = wal;
    }

    @Override
    public long endLsn() {
        return wal.endLsn();
    }

    @Override
    public long append(byte type, byte[] payload) {
        return wal.append(type, payload);
    }

    @Override
    public void awaitDurable(long lsn) {
        wal.awaitDurable(lsn);
    }

    @Override
    public long durableLsn() {
        return wal.durableLsn();
    }

    @Override
    public void recycleBefore(long lsn) {
        wal.recycleBefore(lsn);
    }

    @Override
    public void halt() {
        wal.halt();
    }

    @Override
    public void close() {
        wal.close();
    }
}
