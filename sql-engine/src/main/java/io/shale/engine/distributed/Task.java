package io.shale.engine.distributed;

/**
 * One unit of distributed work: SQL text (shard names substituted, parameters bound as literals) to run on the
 * node of {@code groupId}; {@code anchorShardId} names the shard (group) it reads or writes, 0 when none.
 */
public record Task(int groupId, long anchorShardId, String sql, boolean modifies) {
}
