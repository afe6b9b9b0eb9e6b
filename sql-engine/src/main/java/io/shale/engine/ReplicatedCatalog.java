package io.shale.engine;

import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogCodec;
import io.shale.catalog.Database;
import io.shale.catalog.Index;
import io.shale.catalog.Relation;
import io.shale.catalog.Table;
import io.shale.cluster.node.CatalogReplica;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.FormatSettings;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A node's side of metadata sync: applies the catalogs the coordinator ships (CLUSTER.md, point 3).
 * A staged catalog is written, with the entries of new indexes on the relations whose rows this
 * node holds, in a store transaction that stays open, holding the node's DDL lock, until the
 * coordinator publishes or aborts it. Publishing commits it, switches the node's snapshot and frees
 * the storage ranges the catalog no longer uses. Thread-safe.
 */
final class ReplicatedCatalog implements CatalogReplica {
    private static final long LOCK_WAIT_SECONDS = 30;

    private final Engine engine;
    private Staged staged;

    private record Staged(Catalog catalog, Transaction transaction) {
    }

    ReplicatedCatalog(Engine engine) {
        this.engine = engine;
    }

    @Override
    public long catalogVersion() {
        return engine.catalog().version();
    }

    @Override
    public byte[] encodedCatalog() {
        return CatalogCodec.encode(engine.catalog());
    }

    @Override
    public synchronized void stage(byte[] bytes) {
        Catalog next = CatalogCodec.decode(bytes);
        if (staged != null) {
            dropStaged();
        }
        acquireDdlLock();
        try {
            staged = new Staged(next, write(next));
        } catch (RuntimeException e) {
            engine.ddlLock().release();
            throw e;
        }
    }

    @Override
    public synchronized void stageRows(byte[] payload) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(payload);
        long version = in.getLong();
        if (staged == null || staged.catalog().version() != version) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "catalog version " + version + " is not staged on this node");
        }
        int databaseOid = in.getInt();
        var objects = staged.catalog().objects(databaseOid);
        FormatSettings format = FormatSettings.defaults();
        while (in.hasRemaining()) {
            int relationOid = in.getInt();
            byte[] row = new byte[in.getInt()];
            in.get(row);
            if (!(objects.relation(relationOid) instanceof Table table)) {
                throw new ShaleException(ErrorCode.UNDEFINED_TABLE, "shard relation " + relationOid + " does not exist");
            }
            engine.tables().insertStored(staged.transaction(), staged.catalog(), databaseOid, table, row, format);
        }
    }

    @Override
    public synchronized void publish(long version) {
        if (staged == null || staged.catalog().version() != version) {
            return;
        }
        Staged s = staged;
        staged = null;
        try {
            s.transaction().commit();
            switchTo(s.catalog());
        } finally {
            s.transaction().rollback();
            engine.ddlLock().release();
        }
    }

    @Override
    public synchronized long stagedVersion() {
        return staged == null ? -1 : staged.catalog().version();
    }

    @Override
    public synchronized void abort(long version) {
        if (staged != null && staged.catalog().version() == version) {
            dropStaged();
        }
    }

    @Override
    public synchronized void install(byte[] bytes) {
        Catalog next = CatalogCodec.decode(bytes);
        if (next.version() > engine.catalog().version()) {
            switchNow(next);
        }
    }

    /**
     * Joining: the node's own tables mean nothing in the coordinator's catalog (their storage ids
     * may even coincide with the coordinator's), so their rows are dropped before the switch.
     */
    @Override
    public synchronized void replace(byte[] bytes) {
        Catalog next = CatalogCodec.decode(bytes);
        if (staged != null) {
            dropStaged();
        }
        engine.store().destroyRange(io.shale.engine.exec.KeyBytes.ofLong(SystemKeys.SYSTEM_STORAGE_ID + 1).toArray(),
                io.shale.engine.exec.KeyBytes.ofLong(Long.MAX_VALUE).toArray());
        switchNow(next);
    }

    private void switchNow(Catalog next) {
        if (staged != null) {
            dropStaged();
        }
        acquireDdlLock();
        try {
            Transaction txn = write(next);
            try {
                txn.commit();
                switchTo(next);
            } finally {
                txn.rollback();
            }
        } finally {
            engine.ddlLock().release();
        }
    }

    private void dropStaged() {
        Staged s = staged;
        staged = null;
        try {
            s.transaction().rollback();
        } finally {
            engine.ddlLock().release();
        }
    }

    private void switchTo(Catalog next) {
        engine.publish(next);
        engine.freeUnusedRanges(next);
    }

    /** Opens the transaction that writes {@code next} and the entries of its new indexes. */
    private Transaction write(Catalog next) {
        Catalog current = engine.catalog();
        Transaction txn = engine.store().begin(TransactionOptions.defaults());
        try {
            SystemKeys.deleteAll(txn, SystemKeys.catalog(next.version() + 1), SystemKeys.catalogsEnd());
            engine.writeCatalog(txn, next);
            ReplicatedDataEffects.apply(engine, txn, current, next);
            buildNewIndexes(txn, current, next);
            return txn;
        } catch (RuntimeException e) {
            txn.rollback();
            throw e;
        }
    }

    /**
     * Indexes whose storage id the current catalog does not know get the entries of their table's rows; storage ids
     * reserved by a cleanup record (an online shard move copied their entries already) are known.
     */
    private void buildNewIndexes(Transaction txn, Catalog current, Catalog next) {
        Set<Long> known = new HashSet<>();
        for (Database d : current.databases()) {
            for (Relation r : current.objects(d.oid()).relations()) {
                if (r instanceof Index i) {
                    known.add(i.storageId());
                }
            }
            for (io.shale.catalog.distribution.CleanupRecord c : current.objects(d.oid()).cleanupRecords()) {
                known.addAll(c.storageIds());
            }
        }
        for (Database d : next.databases()) {
            for (Relation r : next.objects(d.oid()).relations()) {
                if (r instanceof Index i && !known.contains(i.storageId())
                        && next.objects(d.oid()).relation(i.tableOid()) instanceof Table table) {
                    engine.tables().buildIndex(txn, next, d.oid(), table, i, FormatSettings.defaults());
                }
            }
        }
    }

    private void acquireDdlLock() {
        try {
            if (!engine.ddlLock().tryAcquire(LOCK_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new ShaleException(ErrorCode.LOCK_NOT_AVAILABLE,
                        "could not apply the coordinator's metadata: a catalog change is still running on this node");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShaleException(ErrorCode.QUERY_CANCELED, "canceling metadata sync due to user request");
        }
    }
}
