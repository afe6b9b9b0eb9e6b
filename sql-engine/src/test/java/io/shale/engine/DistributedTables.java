package io.shale.engine;

import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogEditor;
import io.shale.catalog.Column;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Table;
import io.shale.catalog.distribution.ColocationGroup;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.Shard;
import io.shale.catalog.distribution.ShardPlacement;
import io.shale.catalog.distribution.ShardRange;
import io.shale.catalog.distribution.ShardRanges;

import java.util.List;

/**
 * Makes tables distributed for tests of the distributed planner on one node: the shard relations are created with
 * SQL, the metadata written through the catalog editor, every placement on group 0 (the coordinator).
 */
final class DistributedTables {
    private final Engine engine;
    private final SqlSession session;
    private long nextShardId = 102008;
    private long nextPlacementId = 1;
    private int nextColocationId = 1;

    DistributedTables(Engine engine, SqlSession session) {
        this.engine = engine;
        this.session = session;
    }

    /** Creates {@code name} with {@code columns} and distributes it by hash of {@code column} over {@code shards}. */
    int hash(String name, String columns, String column, int shards, int colocationId) {
        session.execute("CREATE TABLE " + name + " " + columns);
        long first = nextShardId;
        for (int i = 0; i < shards; i++) {
            session.execute("CREATE TABLE " + name + "_" + (first + i) + " " + columns);
        }
        nextShardId += shards;
        int colocation = colocationId > 0 ? colocationId : nextColocationId++;
        edit(name, first, shards, column, colocation, 'h', 's');
        return colocation;
    }

    /** Creates {@code name} and makes it a reference table. */
    void reference(String name, String columns) {
        session.execute("CREATE TABLE " + name + " " + columns);
        long id = nextShardId++;
        session.execute("CREATE TABLE " + name + "_" + id + " " + columns);
        edit(name, id, 1, null, 1000, 'n', 't');
    }

    private void edit(String name, long firstShard, int shards, String column, int colocation, char method, char model) {
        engine.ddlLock().acquireUninterruptibly();
        try {
            Catalog catalog = engine.catalog();
            int db = catalog.database("postgres").oid();
            DatabaseCatalog objects = catalog.objects(db);
            Table shell = (Table) objects.relation(objects.namespace("public").oid(), name);
            CatalogEditor editor = catalog.edit();
            Column c = column == null ? null : shell.column(column);
            editor.putDistributedTable(db, new DistributedTable(shell.oid(), method, c == null ? 0 : c.attnum(),
                    colocation, model, false));
            editor.putColocationGroup(db, new ColocationGroup(colocation, shards, method == 'h' ? 1 : -1,
                    c == null ? 0 : c.type().oid(), 0));
            List<ShardRange> ranges = ShardRanges.split(shards);
            for (int i = 0; i < shards; i++) {
                long id = firstShard + i;
                Table shard = (Table) objects.relation(shell.namespaceOid(), name + "_" + id);
                ShardRange r = ranges.get(i);
                editor.putShard(db, new Shard(id, shell.oid(), shard.oid(), 't',
                        method == 'h' ? r.minText() : null, method == 'h' ? r.maxText() : null));
                editor.putPlacement(db, new ShardPlacement(nextPlacementId++, id, 0, 1, 0));
            }
            engine.commitCatalog(editor.build());
        } finally {
            engine.ddlLock().release();
        }
    }
}
