package io.shale.engine.system;

import io.shale.catalog.Catalog;
import io.shale.engine.settings.Settings;

import java.util.List;

/**
 * A system context for name look-ups outside a scan (functions, reg* resolution): catalog,
 * search path and functions only.
 */
record LookupContext(Catalog catalog, int databaseOid, int currentUserOid, List<String> searchPath,
                     List<ProcInfo> functions, RelationSizes sizes) implements SystemContext {
    @Override
    public Settings settings() {
        throw new IllegalStateException("look-ups do not read settings");
    }

    @Override
    public List<ActivityInfo> activity() {
        return List.of();
    }

    @Override
    public List<PreparedTransactionInfo> preparedTransactions() {
        return List.of();
    }
}
