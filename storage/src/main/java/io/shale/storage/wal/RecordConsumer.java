package io.shale.storage.wal;

/** Receives the records of the write-ahead log during {@link WalReader#replay}, in log order. */
@FunctionalInterface
public interface RecordConsumer {

    /**
     * One record: {@code lsn} is its END LSN (the value {@link WriteAheadLog#append} returned for
     * it), {@code payload} a fresh array the consumer may keep.
     */
    void accept(long lsn, byte type, byte[] payload);
}
