package io.shale.engine;

import java.util.Map;

/**
 * The engine's configuration: node-level values of settings (GUCs) by lower-case name, from
 * {@code shale.conf} and {@code --set}; a session starts from these and PostgreSQL's defaults.
 *
 * @param settings setting name (lower case) to value, for example {@code max_connections}
 */
public record EngineConfig(Map<String, String> settings) {
    public EngineConfig {
        settings = Map.copyOf(settings);
    }

    public static EngineConfig defaults() {
        return new EngineConfig(Map.of());
    }
}
