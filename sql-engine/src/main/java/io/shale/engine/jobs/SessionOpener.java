package io.shale.engine.jobs;

import io.shale.engine.session.Session;

import java.util.Map;

/** Opens an internal session of the engine for a background task: its owner, its database. */
@FunctionalInterface
public interface SessionOpener {
    Session open(String user, String database, Map<String, String> startupParameters);
}
