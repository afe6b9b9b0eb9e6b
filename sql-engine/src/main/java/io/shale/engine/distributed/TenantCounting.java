package io.shale.engine.distributed;

import io.shale.catalog.Database;
import io.shale.engine.Engine;
import io.shale.engine.citus.TenantTaskMeter;

/** Counts a task sent by another node against its tenant, in the database the task ran in. */
final class TenantCounting {
    private TenantCounting() {
    }

    static void finish(Engine engine, TenantTaskMeter meter, String databaseName, String tag) {
        if (meter == null) {
            return;
        }
        Database database = engine.catalog().database(databaseName);
        if (database != null) {
            meter.finish(database.oid(), tag);
        }
    }
}
