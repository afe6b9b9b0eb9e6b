package io.shale.engine.system;

import io.shale.catalog.Catalog;
import io.shale.engine.settings.Settings;
import io.shale.engine.settings.SettingsRegistry;

import java.util.List;

/** A session as the system relations see it, over a fixed catalog. */
final class FakeSystemContext implements SystemContext {
    final Catalog catalog;
    final Settings settings = SettingsRegistry.postgresDefaults().newSession();
    int userOid = Catalog.BOOTSTRAP_SUPERUSER;
    List<ProcInfo> functions = List.of(
            new ProcInfo(1299, "now", 11, List.of(), 1184, 'f', false, true, 's', 0),
            new ProcInfo(870, "lower", 11, List.of(25), 25, 'f', false, true, 'i', 0),
            new ProcInfo(1067, "generate_series", 11, List.of(23, 23), 23, 'f', true, true, 'i', 0));
    List<ActivityInfo> activity = List.of();
    RelationSizes sizes = RelationSizes.NONE;

    FakeSystemContext(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Catalog catalog() {
        return catalog;
    }

    @Override
    public int databaseOid() {
        return TestCatalog.DB;
    }

    @Override
    public int currentUserOid() {
        return userOid;
    }

    @Override
    public List<String> searchPath() {
        return SearchPath.effective(catalog, TestCatalog.DB, userOid, settings.searchPath(), true);
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public List<ProcInfo> functions() {
        return functions;
    }

    @Override
    public List<ActivityInfo> activity() {
        return activity;
    }

    @Override
    public List<PreparedTransactionInfo> preparedTransactions() {
        return List.of();
    }

    @Override
    public RelationSizes sizes() {
        return sizes;
    }
}
