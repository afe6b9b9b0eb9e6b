package io.shale.storage;

/**
 * One edge of the wait-for graph: a transaction blocked on a row lock that another holds.
 *
 * @param waitingTransaction the id of the blocked transaction
 * @param holdingTransaction the id of a transaction holding a conflicting lock
 */
public record LockWait(long waitingTransaction, long holdingTransaction) {
}
