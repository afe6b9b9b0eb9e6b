package io.shale.engine;

import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogCodec;
import io.shale.catalog.Database;
import io.shale.catalog.Index;
import io.shale.catalog.Relation;
import io.shale.catalog.Table;
import io.shale.engine.exec.KeyBytes;
import io.shale.storage.KeyCursor;
import io.shale.storage.KeyValueStore;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Keeps the node's catalog in its store ({@link SystemKeys}): each committed catalog version is
 * written by the transaction that commits the DDL, so that after a crash the store holds either
 * the old catalog and the old data or both new ones. Older versions are deleted afterwards.
 * Thread-safe; writers hold the engine's DDL lock.
 */
final class CatalogStore {
    private final KeyValueStore store;

    CatalogStore(KeyValueStore store) {
        this.store = store;
    }

    /** The newest catalog in the store; on a fresh store the bootstrap catalog, written first. */
    Catalog load() {
        byte[] newest = null;
        Transaction txn = store.begin(TransactionOptions.defaults());
        try {
            try (KeyCursor cursor = txn.scan(SystemKeys.catalogsStart(), SystemKeys.catalogsEnd(), true)) {
                if (cursor.next()) {
                    newest = cursor.value();
                }
            }
            Catalog catalog;
            if (newest != null) {
                catalog = CatalogCodec.decode(newest);
            } else {
                catalog = Catalog.bootstrap();
                write(txn, catalog);
            }
            txn.commit();
            return catalog;
        } finally {
            txn.rollback();
        }
    }

    /** Adds {@code catalog} to the writes of {@code txn} (which commits the DDL that made it). */
    void write(Transaction txn, Catalog catalog) {
        txn.put(SystemKeys.catalog(catalog.version()), CatalogCodec.encode(catalog));
    }

    /** Writes and commits a catalog on its own (CREATE/DROP DATABASE, which run outside transactions). */
    void commit(Catalog catalog) {
        Transaction txn = store.begin(TransactionOptions.defaults());
        try {
            write(txn, catalog);
            txn.commit();
        } finally {
            txn.rollback();
        }
    }

    /** Deletes the catalog versions older than {@code version}; losing this in a crash costs only space. */
    void pruneBefore(long version) {
        Transaction txn = store.begin(new TransactionOptions(TransactionOptions.IsolationLevel.READ_COMMITTED, false,
                Duration.ZERO, Duration.ofSeconds(1), false));
        try {
            SystemKeys.deleteAll(txn, SystemKeys.catalogsStart(), SystemKeys.catalog(version));
            txn.commit();
        } finally {
            txn.rollback();
        }
    }

    /**
     * Frees the key ranges of storage ids that no relation of {@code catalog} uses but that still
     * hold keys: tables dropped or truncated just before a crash, whose ranges were not freed yet.
     */
    void freeUnusedRanges(Catalog catalog) {
        Set<Long> used = new HashSet<>();
        for (Database d : catalog.databases()) {
            for (Relation r : catalog.objects(d.oid()).relations()) {
                switch (r) {
                    case Table t -> used.add(t.storageId());
                    case Index i -> used.add(i.storageId());
                    default -> {
                    }
                }
            }
            for (io.shale.catalog.distribution.CleanupRecord c : catalog.objects(d.oid()).cleanupRecords()) {
                used.addAll(c.storageIds());
            }
        }
        long limit = catalog.nextStorageId();
        long id = SystemKeys.SYSTEM_STORAGE_ID + 1;
        while (id < limit) {
            long found = firstStorageIdFrom(id, limit);
            if (found < 0) {
                return;
            }
            if (!used.contains(found)) {
                store.destroyRange(KeyBytes.ofLong(found).toArray(), KeyBytes.ofLong(found + 1).toArray());
            }
            id = found + 1;
        }
    }

    /** The storage id of the first key in [from, limit), or -1. */
    private long firstStorageIdFrom(long from, long limit) {
        Transaction txn = store.begin(TransactionOptions.defaults());
        try (KeyCursor cursor = txn.scan(KeyBytes.ofLong(from).toArray(), KeyBytes.ofLong(limit).toArray(), false)) {
            return cursor.next() ? KeyBytes.readLong(cursor.key(), 0) : -1;
        } finally {
            txn.rollback();
        }
    }
}
