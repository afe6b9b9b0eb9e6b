package io.shale.engine;

import io.shale.catalog.Catalog;
import io.shale.engine.settings.Settings;
import io.shale.engine.system.ActivityInfo;
import io.shale.engine.system.PreparedTransactionInfo;
import io.shale.engine.system.ProcInfo;
import io.shale.engine.system.RelationSizes;
import io.shale.engine.system.SystemContext;

import java.util.ArrayList;
import java.util.List;

/** What the pg_catalog relations need of a session, at one statement. */
final class SessionSystemContext implements SystemContext {
    private final Engine engine;
    private final EngineSession session;

    SessionSystemContext(Engine engine, EngineSession session) {
        this.engine = engine;
        this.session = session;
    }

    @Override
    public Catalog catalog() {
        return session.state.catalog();
    }

    @Override
    public int databaseOid() {
        return session.database.oid();
    }

    @Override
    public int currentUserOid() {
        return session.state.currentUserOid();
    }

    @Override
    public List<String> searchPath() {
        return session.state.currentSchemas(true);
    }

    @Override
    public Settings settings() {
        return session.settings;
    }

    @Override
    public List<ProcInfo> functions() {
        return engine.procs();
    }

    @Override
    public List<ActivityInfo> activity() {
        List<ActivityInfo> rows = new ArrayList<>();
        for (EngineSession s : engine.sessions()) {
            rows.add(s.activity());
        }
        return rows;
    }

    @Override
    public List<PreparedTransactionInfo> preparedTransactions() {
        return PreparedTransactions.rows(engine);
    }

    @Override
    public long[] remoteRelationSizes(int groupId, int[] relationOids) {
        return engine.cluster().relationSizes(groupId, session.database.oid(), relationOids);
    }

    @Override
    public int localGroupId() {
        return engine.localGroupId();
    }

    @Override
    public RelationSizes sizes() {
        return new StoreRelationSizes(engine, session.state.catalog(), session.database.oid());
    }
}
