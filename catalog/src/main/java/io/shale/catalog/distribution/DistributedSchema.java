package io.shale.catalog.distribution;

/** One row of {@code pg_dist_schema}: a tenant schema whose tables share one colocation group. */
public record DistributedSchema(int schemaOid, int colocationId) {
}
