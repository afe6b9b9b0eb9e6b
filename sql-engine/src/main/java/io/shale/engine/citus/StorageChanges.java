package io.shale.engine.citus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a change of shard relations means for the store: ranges to free after commit, new shard
 * tables (empty), and new indexes of existing shard tables (to build where the rows are).
 */
final class StorageChanges {
    final List<Long> freed = new ArrayList<>();
    final Set<Integer> newTables = new HashSet<>();
    final List<Integer> newIndexes = new ArrayList<>();
}
