package io.shale.engine;

import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogEditor;
import io.shale.engine.citus.NodeSession;
import io.shale.engine.distributed.ClusterHooks;

/** The calling session as the node management functions see it. */
final class CitusNodeSession implements NodeSession {
    private final Engine engine;
    private final SessionState state;

    CitusNodeSession(Engine engine, SessionState state) {
        this.engine = engine;
        this.state = state;
    }

    @Override
    public CatalogEditor editCatalog() {
        return state.editCatalog();
    }

    @Override
    public void catalogChanged(Catalog next) {
        state.catalogChanged(next);
    }

    @Override
    public Catalog committedCatalog() {
        return engine.catalog();
    }

    @Override
    public ClusterHooks cluster() {
        return engine.cluster();
    }

    @Override
    public io.shale.engine.citus.DistributionContext distribution() {
        return state;
    }

    @Override
    public int port() {
        String port = state.setting("port", true);
        try {
            return port == null ? 5432 : Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            return 5432;
        }
    }
}
