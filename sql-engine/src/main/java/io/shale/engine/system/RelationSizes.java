package io.shale.engine.system;

/** Sizes on disk as the storage layer knows them, for pg_relation_size and friends. */
public interface RelationSizes {
    /** Bytes used by a table's or index's main data; 0 for a relation without storage. */
    long relationSize(int relationOid);

    long databaseSize(int databaseOid);

    /** No storage attached: every size is 0. */
    RelationSizes NONE = new RelationSizes() {
        @Override
        public long relationSize(int relationOid) {
            return 0;
        }

        @Override
        public long databaseSize(int databaseOid) {
            return 0;
        }
    };
}
