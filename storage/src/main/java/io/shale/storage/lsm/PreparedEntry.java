package io.shale.storage.lsm;

import io.shale.storage.PreparedTransaction;

/**
 * A prepared transaction held by the store: its row of pg_prepared_xacts, its state (the owner
 * of its provisional versions), its writes and its locks, and where its PREPARE record starts in
 * the log (the log is kept from there until it is resolved).
 */
record PreparedEntry(PreparedTransaction info, TransactionState state, TransactionWrites writes,
                     TransactionLocks locks, long lsn) {
}
