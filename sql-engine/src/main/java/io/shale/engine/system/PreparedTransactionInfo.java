package io.shale.engine.system;

import java.time.Instant;

/** One prepared transaction as pg_prepared_xacts shows it. */
public record PreparedTransactionInfo(long transaction, String gid, Instant prepared, String owner,
                                      String database) {
}
