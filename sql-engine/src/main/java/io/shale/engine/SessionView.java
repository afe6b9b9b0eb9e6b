package io.shale.engine;

import io.shale.engine.distributed.SessionContextView;

/** The client session as task sessions on other nodes need to know it. */
record SessionView(EngineSession session, SessionState state) implements SessionContextView {
    @Override
    public int processId() {
        return session.processId();
    }

    @Override
    public String roleName() {
        return state.currentUser();
    }

    @Override
    public String databaseName() {
        return session.database.name();
    }

    @Override
    public String setting(String name) {
        return session.settings.show(name);
    }

    @Override
    public boolean statementIsTransaction() {
        return state.statementIsTransaction();
    }

    @Override
    public long catalogVersion() {
        return state.catalog().version();
    }
}
