-- Run by scripts/golden-cluster-regenerate.sh on the PostgreSQL 15 oracle only (psql -q, output not compared):
-- the Citus functions the scripts call, as functions that do nothing, so the rows are PostgreSQL's own.
CREATE FUNCTION create_distributed_table(table_name regclass, distribution_column text,
    distribution_type text DEFAULT 'hash', colocate_with text DEFAULT 'default', shard_count int DEFAULT NULL)
    RETURNS void LANGUAGE sql AS '';
CREATE FUNCTION create_reference_table(table_name regclass) RETURNS void LANGUAGE sql AS '';
