package io.shale.engine.citus;

import io.shale.catalog.Catalog;
import io.shale.catalog.Database;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Index;
import io.shale.catalog.Relation;
import io.shale.catalog.Table;
import io.shale.catalog.distribution.CleanupRecord;

import java.util.function.Supplier;

/** {@link ShardStreams.StorageIds} read from the node's current catalog at each question. */
final class CatalogStorageIds implements ShardStreams.StorageIds {
    private final Supplier<Catalog> catalog;

    CatalogStorageIds(Supplier<Catalog> catalog) {
        this.catalog = catalog;
    }

    @Override
    public boolean reserved(long storageId) {
        Catalog c = catalog.get();
        for (Database d : c.databases()) {
            DatabaseCatalog objects = c.objects(d.oid());
            if (objects != null) {
                for (CleanupRecord r : objects.cleanupRecords()) {
                    if (r.policyType() == OnlineShardMove.CLEANUP_ON_FAILURE && r.storageIds().contains(storageId)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public boolean used(long storageId) {
        Catalog c = catalog.get();
        for (Database d : c.databases()) {
            DatabaseCatalog objects = c.objects(d.oid());
            if (objects == null) {
                continue;
            }
            for (Relation r : objects.relations()) {
                if ((r instanceof Table t && t.storageId() == storageId)
                        || (r instanceof Index i && i.storageId() == storageId)) {
                    return true;
                }
            }
            for (CleanupRecord r : objects.cleanupRecords()) {
                if (r.storageIds().contains(storageId)) {
                    return true;
                }
            }
        }
        return false;
    }
}
