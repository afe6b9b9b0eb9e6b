package io.shale.engine.citus;

import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogEditor;
import io.shale.engine.distributed.ClusterHooks;

/**
 * What the node management functions need of the session that calls them: a transactional edit
 * of the catalog (the DDL lock held until the transaction ends, published and shipped to the other
 * nodes at commit) and the node's cluster. Implemented by the engine for one call.
 */
public interface NodeSession {
    /** Starts or continues the transaction's catalog change. */
    CatalogEditor editCatalog();

    /** Records the catalog the change made; the transaction publishes it at commit. */
    void catalogChanged(Catalog next);

    /** The catalog the node committed last (what a node being added receives first). */
    Catalog committedCatalog();

    /** The node's cluster. */
    ClusterHooks cluster();

    /** The calling session as the Citus table functions see it (reads of shards, rows staged for other nodes). */
    DistributionContext distribution();

    /** The port this node serves clients on ({@code current_setting('port')}). */
    int port();
}
