package io.shale.engine.system;

import io.shale.catalog.Catalog;
import io.shale.common.types.FormatSettings;
import io.shale.engine.function.EvalContext;

import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/** A function's view of a session, over a {@link FakeSystemContext}. */
final class FakeEvalContext implements EvalContext {
    private final FakeSystemContext session;

    FakeEvalContext(FakeSystemContext session) {
        this.session = session;
    }

    @Override
    public FormatSettings formatSettings() {
        return FormatSettings.defaults();
    }

    @Override
    public Catalog catalog() {
        return session.catalog();
    }

    @Override
    public int databaseOid() {
        return session.databaseOid();
    }

    @Override
    public int currentUserOid() {
        return session.currentUserOid();
    }

    @Override
    public Instant transactionTimestamp() {
        return Instant.EPOCH;
    }

    @Override
    public Instant statementTimestamp() {
        return Instant.EPOCH;
    }

    @Override
    public String currentUser() {
        return session.catalog().role(session.currentUserOid()).name();
    }

    @Override
    public String sessionUser() {
        return currentUser();
    }

    @Override
    public String currentDatabase() {
        return session.catalog().database(session.databaseOid()).name();
    }

    @Override
    public List<String> currentSchemas(boolean includeImplicit) {
        return SearchPath.effective(session.catalog(), session.databaseOid(), session.currentUserOid(),
                session.settings().searchPath(), includeImplicit);
    }

    @Override
    public String setting(String name, boolean missingOk) {
        return session.settings().show(name, missingOk);
    }

    @Override
    public String setSetting(String name, String value, boolean local) {
        session.settings().set(name, value, local);
        return session.settings().show(name);
    }

    @Override
    public RandomGenerator random() {
        throw new AssertionError("catalog functions do not use this");
    }

    @Override
    public void setSeed(double seed) {
        throw new AssertionError("catalog functions do not use this");
    }

    @Override
    public Sequences sequences() {
        throw new AssertionError("catalog functions do not use this");
    }

    @Override
    public void checkInterrupted() {
    }
}
