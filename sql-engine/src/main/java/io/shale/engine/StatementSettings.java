package io.shale.engine;

import io.shale.engine.settings.Settings;

/**
 * The settings that every statement and transaction start reads, parsed once per change of the
 * session's settings (see {@link Settings#version()}).
 *
 * @param defaultIsolation default_transaction_isolation in stored form
 * @param synchronousCommit synchronous_commit is not {@code off} (every other level waits for the local flush)
 */
record StatementSettings(long version, long statementTimeoutMs, long lockTimeoutMs, long deadlockTimeoutMs,
                         boolean defaultReadOnly, String defaultIsolation, String searchPath, boolean synchronousCommit) {

    static StatementSettings of(Settings settings) {
        return new StatementSettings(settings.version(), settings.integerValue("statement_timeout"),
                settings.integerValue("lock_timeout"), settings.integerValue("deadlock_timeout"),
                settings.booleanValue("default_transaction_read_only"),
                settings.setting("default_transaction_isolation"), settings.setting("search_path"),
                !settings.setting("synchronous_commit").equals("off"));
    }
}
