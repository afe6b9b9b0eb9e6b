package io.shale.engine.citus;

import io.shale.catalog.CatalogEditor;
import io.shale.catalog.Constraint;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Index;
import io.shale.catalog.Relation;
import io.shale.catalog.Table;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.Shard;
import io.shale.catalog.distribution.ShardNames;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The relations of one shard, derived from its shell table: the table {@code <table>_<shardid>}
 * with the shell's columns and options, each shell index as {@code <index>_<shardid>} and each
 * constraint as {@code <constraint>_<shardid>}, as Citus names them. Existing shard relations keep
 * their oids and storage ids; new ones get fresh ones.
 */
final class ShardRelations {
    private final CatalogEditor editor;
    private final int database;
    private final StorageChanges changes;

    ShardRelations(CatalogEditor editor, int database, StorageChanges changes) {
        this.editor = editor;
        this.database = database;
        this.changes = changes;
    }

    /**
     * Brings the relations of {@code shard} (the {@code position}-th shard of its table) in step with
     * {@code shell}; with {@code renewStorage} (TRUNCATE) the table and its indexes get new storage ids.
     */
    void sync(Table shell, Shard shard, int position, boolean renewStorage) {
        DatabaseCatalog objects = editor.objects(database);
        Relation existing = objects.relation(shard.shardRelationOid());
        long storageId;
        if (existing instanceof Table old) {
            storageId = old.storageId();
            if (renewStorage) {
                changes.freed.add(storageId);
                storageId = editor.newStorageId();
            }
        } else {
            storageId = editor.newStorageId();
            changes.newTables.add(shard.shardRelationOid());
        }
        Table table = new Table(shard.shardRelationOid(), shell.namespaceOid(),
                ShardNames.shardName(shell.name(), shard.shardId()), shell.ownerOid(), shell.columns(), storageId,
                shell.accessMethod(), shell.options(), shell.persistence(), shell.replicaIdentity());
        if (!table.equals(existing)) {
            editor.putRelation(database, table);
        }
        Map<Integer, Integer> indexOids = syncIndexes(objects, shell, table, shard.shardId(), renewStorage);
        syncConstraints(objects, shell, table, shard.shardId(), position, indexOids);
    }

    /** Returns shell index oid → shard index oid. */
    private Map<Integer, Integer> syncIndexes(DatabaseCatalog objects, Table shell, Table table, long shardId,
                                              boolean renewStorage) {
        Map<String, Index> current = new HashMap<>();
        for (Index i : objects.indexesOf(table.oid())) {
            current.put(i.name(), i);
        }
        Map<Integer, Integer> oids = new HashMap<>();
        for (Index shellIndex : objects.indexesOf(shell.oid())) {
            String name = ShardNames.shardName(shellIndex.name(), shardId);
            Index old = current.remove(name);
            int oid = old != null ? old.oid() : editor.newOid();
            long storageId;
            if (old == null) {
                storageId = editor.newStorageId();
            } else if (renewStorage) {
                changes.freed.add(old.storageId());
                storageId = editor.newStorageId();
            } else {
                storageId = old.storageId();
            }
            Index index = new Index(oid, table.namespaceOid(), name, shellIndex.ownerOid(), table.oid(), shellIndex.keys(),
                    shellIndex.keyCount(), shellIndex.unique(), shellIndex.primary(), shellIndex.predicateSql(),
                    shellIndex.method(), storageId);
            if (!index.equals(old)) {
                editor.putRelation(database, index);
            }
            if (old == null && !changes.newTables.contains(table.oid())) {
                changes.newIndexes.add(index.oid());
            }
            oids.put(shellIndex.oid(), oid);
        }
        for (Index gone : current.values()) {
            editor.dropRelation(database, gone.oid());
            changes.freed.add(gone.storageId());
        }
        return oids;
    }

    private void syncConstraints(DatabaseCatalog objects, Table shell, Table table, long shardId, int position,
                                 Map<Integer, Integer> indexOids) {
        Map<String, Constraint> current = new HashMap<>();
        for (Constraint c : objects.constraintsOf(table.oid())) {
            current.put(c.name(), c);
        }
        for (Constraint c : objects.constraintsOf(shell.oid())) {
            int referenced = 0;
            if (c.type() == 'f') {
                referenced = referencedShardRelation(objects, shell, table, c.referencedTable(), position);
                if (referenced == 0) {
                    continue;
                }
            }
            String name = ShardNames.shardName(c.name(), shardId);
            Constraint old = current.remove(name);
            Constraint shardConstraint = new Constraint(old != null ? old.oid() : editor.newOid(), table.namespaceOid(),
                    name, c.type(), table.oid(), c.columns(), c.indexOid() == 0 ? 0 : indexOids.getOrDefault(c.indexOid(), 0),
                    c.checkSql(), referenced, c.referencedColumns(), c.onUpdate(), c.onDelete(), c.validated());
            if (!shardConstraint.equals(old)) {
                editor.putConstraint(database, shardConstraint);
            }
        }
        for (Constraint gone : current.values()) {
            editor.dropConstraint(database, gone.oid());
        }
    }

    /**
     * The shard relation a foreign key of a shard points to: the same shard for a self reference, the
     * colocated shard of a hash table, the one shard of a reference table; 0 when there is none.
     */
    private static int referencedShardRelation(DatabaseCatalog objects, Table shell, Table table, int referencedTable,
                                               int position) {
        if (referencedTable == shell.oid()) {
            return table.oid();
        }
        DistributedTable target = objects.distributedTable(referencedTable);
        if (target == null) {
            return 0;
        }
        List<Shard> shards = objects.shards(referencedTable);
        if (target.isReferenceTable() && shards.size() == 1) {
            return shards.getFirst().shardRelationOid();
        }
        return position < shards.size() ? shards.get(position).shardRelationOid() : 0;
    }

    /** Drops the relations of a shard: its constraints, indexes and table. */
    void drop(Shard shard) {
        DatabaseCatalog objects = editor.objects(database);
        for (Constraint c : objects.constraintsOf(shard.shardRelationOid())) {
            editor.dropConstraint(database, c.oid());
        }
        for (Index i : objects.indexesOf(shard.shardRelationOid())) {
            editor.dropRelation(database, i.oid());
            changes.freed.add(i.storageId());
        }
        if (objects.relation(shard.shardRelationOid()) instanceof Table t) {
            changes.freed.add(t.storageId());
        }
        editor.dropRelation(database, shard.shardRelationOid());
    }
}
