package io.shale.engine.system;

import io.shale.engine.function.EvalContext;

/** Catalog scans for functions: an {@link EvalContext} seen as a {@link SystemContext}. */
final class EvalScans {
    private EvalScans() {
    }

    static CatalogScan scan(EvalContext context, CatalogServices services) {
        return new CatalogScan(new LookupContext(context.catalog(), context.databaseOid(), context.currentUserOid(),
                context.currentSchemas(true), services.functions().get(), services.sizes()));
    }
}
