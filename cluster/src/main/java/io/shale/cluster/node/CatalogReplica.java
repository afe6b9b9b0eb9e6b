package io.shale.cluster.node;

/**
 * A node's side of metadata sync (CLUSTER.md, point 3), implemented by the SQL engine: it holds
 * the catalog the node plans against and applies the catalogs the coordinator ships.
 * Implementations are thread-safe.
 */
public interface CatalogReplica {
    /** The version of the catalog the node plans against. */
    long catalogVersion();

    /** The node's catalog, encoded with {@code CatalogCodec}. */
    byte[] encodedCatalog();

    /**
     * Phase one: writes {@code catalog} and its local data effects in a store transaction that
     * stays open until {@link #publish} or {@link #abort}. A failure is thrown as the error the
     * coordinator's DDL fails with. A newer stage replaces an older one still open.
     */
    void stage(byte[] catalog);

    /**
     * Between the phases: writes rows into shard relations of the staged catalog, in its
     * transaction ({@code payload}: version, database oid, then shard relation oid, length and
     * RowCodec bytes of each row). Fails when that catalog is not staged here.
     */
    void stageRows(byte[] payload);

    /** Phase two: commits the staged catalog of {@code version} and switches the node to it. */
    void publish(long version);

    /** The version of the catalog staged here and neither published nor aborted yet, or -1. */
    long stagedVersion();

    /** Drops the staged catalog of {@code version}, if it is still staged. */
    void abort(long version);

    /** Catch-up: stages and publishes {@code catalog} at once when it is newer than the node's. */
    void install(byte[] catalog);

    /**
     * Joining a cluster: the node's catalog becomes {@code catalog} whatever its version (the node's
     * own earlier catalog versions are dropped, and the storage they alone used is freed).
     */
    void replace(byte[] catalog);
}
