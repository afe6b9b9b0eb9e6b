package io.shale.engine.system;

import java.time.Instant;

/**
 * One session as pg_stat_activity shows it.
 *
 * @param clientAddress the client's IP address as text, or null for a local connection
 * @param state {@code active}, {@code idle}, {@code idle in transaction}, … or null
 */
public record ActivityInfo(int pid, int databaseOid, String databaseName, int userOid, String userName,
                           String applicationName, String clientAddress, Integer clientPort,
                           Instant backendStart, Instant transactionStart, Instant queryStart,
                           Instant stateChange, String state, String query, String backendType) {
}
