package io.shale.engine.system;

import io.shale.catalog.Catalog;
import io.shale.engine.function.EvalContext;
import io.shale.engine.settings.Settings;

import java.util.List;

/** Catalog scans for functions: an {@link EvalContext} seen as a {@link SystemContext}. */
final class EvalScans {
    private EvalScans() {
    }

    static CatalogScan scan(EvalContext context, CatalogServices services) {
        return new CatalogScan(new Adapter(context, services));
    }

    /** The parts of a system context that functions use. */
    private record Adapter(EvalContext context, CatalogServices services) implements SystemContext {
        @Override
        public Catalog catalog() {
            return context.catalog();
        }

        @Override
        public int databaseOid() {
            return context.databaseOid();
        }

        @Override
        public int currentUserOid() {
            return context.currentUserOid();
        }

        @Override
        public List<String> searchPath() {
            return context.currentSchemas(true);
        }

        @Override
        public Settings settings() {
            throw new IllegalStateException("functions do not read settings through a scan");
        }

        @Override
        public List<ProcInfo> functions() {
            return services.functions().get();
        }

        @Override
        public List<ActivityInfo> activity() {
            return List.of();
        }

        @Override
        public List<PreparedTransactionInfo> preparedTransactions() {
            return List.of();
        }

        @Override
        public RelationSizes sizes() {
            return services.sizes();
        }
    }
}
