package io.shale.storage;

/**
 * A transaction that PREPARE TRANSACTION ended: its writes and row locks persist, across a
 * crash, until {@link KeyValueStore#commitPrepared} or {@link KeyValueStore#rollbackPrepared}.
 * One row of {@code pg_prepared_xacts}.
 *
 * @param gid the global identifier given to PREPARE TRANSACTION
 * @param transactionId the id the transaction had ({@link Transaction#id()})
 * @param preparedAtMicros when it was prepared, microseconds since the Unix epoch
 * @param owner the name of the role that prepared it
 * @param database the name of the database it ran in
 */
public record PreparedTransaction(String gid, long transactionId, long preparedAtMicros,
                                  String owner, String database) {
}
