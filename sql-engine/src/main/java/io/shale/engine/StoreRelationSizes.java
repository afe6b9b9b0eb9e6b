package io.shale.engine;

import io.shale.catalog.Catalog;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Index;
import io.shale.catalog.Relation;
import io.shale.catalog.Table;
import io.shale.engine.exec.KeyBytes;
import io.shale.engine.system.RelationSizes;

/**
 * Relation and database sizes from the store's accounting of each storage id's key range, in a
 * given catalog snapshot (or, with a null catalog, in the node's current one).
 */
final class StoreRelationSizes implements RelationSizes {
    private final Engine engine;
    private final Catalog catalog;
    private final int currentDatabase;

    StoreRelationSizes(Engine engine, Catalog catalog, int currentDatabase) {
        this.engine = engine;
        this.catalog = catalog;
        this.currentDatabase = currentDatabase;
    }

    @Override
    public long relationSize(int relationOid) {
        Catalog current = catalog != null ? catalog : engine.catalog();
        int database = catalog != null ? currentDatabase : -1;
        Relation r = null;
        if (database >= 0) {
            r = current.objects(database).relation(relationOid);
        } else {
            for (io.shale.catalog.Database db : current.databases()) {
                r = r != null ? r : current.objects(db.oid()).relation(relationOid);
            }
        }
        return switch (r) {
            case Table t -> rangeSize(t.storageId());
            case Index i -> rangeSize(i.storageId());
            case null, default -> 0;
        };
    }

    private long rangeSize(long storageId) {
        return engine.store().approximateSize(KeyBytes.ofLong(storageId).toArray(), KeyBytes.ofLong(storageId + 1).toArray());
    }

    @Override
    public long databaseSize(int databaseOid) {
        DatabaseCatalog objects = (catalog != null ? catalog : engine.catalog()).objects(databaseOid);
        if (objects == null) {
            return 0;
        }
        long total = 0;
        for (Relation r : objects.relations()) {
            if (r instanceof Table t) {
                total += rangeSize(t.storageId());
            } else if (r instanceof Index i) {
                total += rangeSize(i.storageId());
            }
        }
        return total;
    }
}
