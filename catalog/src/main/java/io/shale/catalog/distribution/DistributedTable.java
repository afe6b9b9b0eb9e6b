package io.shale.catalog.distribution;

/**
 * One row of {@code pg_dist_partition}: a Citus table (hash-distributed, reference, single-shard
 * or Citus local).
 *
 * @param partitionMethod {@code 'h'} hash, {@code 'n'} none (reference, single-shard, Citus local)
 * @param distributionAttnum attnum of the distribution column in the shell table, 0 when none
 * @param colocationId 0 for Citus local tables
 * @param replicationModel {@code 's'} streaming, {@code 't'} two-phase (reference tables)
 */
public record DistributedTable(int relationOid, char partitionMethod, int distributionAttnum, int colocationId,
                               char replicationModel, boolean autoConverted) {

    /** Whether the table is hash-distributed by a column. */
    public boolean isHashDistributed() {
        return partitionMethod == 'h';
    }

    /** Whether this is a reference table (a copy on every node). */
    public boolean isReferenceTable() {
        return partitionMethod == 'n' && replicationModel == 't';
    }

    /** Whether the table has a distribution column. */
    public boolean hasDistributionColumn() {
        return distributionAttnum > 0;
    }
}
