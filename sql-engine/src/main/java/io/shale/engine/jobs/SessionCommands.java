package io.shale.engine.jobs;

import io.shale.catalog.Catalog;
import io.shale.catalog.Database;
import io.shale.catalog.Role;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.session.InternalQueryListener;
import io.shale.engine.session.Session;

import java.util.Map;
import java.util.function.Supplier;

/** {@link TaskCommands} over the engine's internal sessions, opened with {@code opener} (user, database). */
record SessionCommands(Supplier<Catalog> catalog, SessionOpener opener) implements TaskCommands {
    @Override
    public Attempt open(BackgroundTask task) {
        Catalog current = catalog.get();
        Role role = current.role(task.ownerOid());
        if (role == null) {
            throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "role with OID " + task.ownerOid() + " does not exist");
        }
        Database database = current.database(task.databaseOid());
        if (database == null) {
            throw new ShaleException(ErrorCode.INVALID_CATALOG_NAME, "database with OID " + task.databaseOid()
                    + " does not exist");
        }
        Session session = opener.open(role.name(), database.name(),
                Map.of("application_name", "citus background task"));
        return new Attempt() {
            @Override
            public int pid() {
                return session.processId();
            }

            @Override
            public void run() {
                session.simpleQuery(task.command(), new InternalQueryListener() {
                    @Override
                    protected String context() {
                        return "a background task";
                    }
                });
            }

            @Override
            public void cancel() {
                session.cancel();
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }
}
