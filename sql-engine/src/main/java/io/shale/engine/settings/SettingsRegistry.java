package io.shale.engine.settings;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The configuration parameters of a node: PostgreSQL 15's settings (names, types, units, ranges,
 * descriptions from its pg_settings) with the node's defaults applied. Immutable and shared by
 * the node's sessions; each session gets its own {@link Settings}.
 */
public final class SettingsRegistry {
    /** Settings sent to the client in ParameterStatus at startup and whenever they change. */
    public static final Set<String> REPORTED = Set.of("application_name", "client_encoding", "DateStyle",
            "default_transaction_read_only", "in_hot_standby", "integer_datetimes", "IntervalStyle",
            "is_superuser", "server_encoding", "server_version", "session_authorization",
            "standard_conforming_strings", "TimeZone");
    private static final Set<String> LIST_QUOTE = Set.of("search_path", "temp_tablespaces",
            "session_preload_libraries", "shared_preload_libraries", "local_preload_libraries",
            "unix_socket_directories");
    private static final Set<String> LIST_INPUT = Set.of("DateStyle", "listen_addresses",
            "log_destination", "synchronous_standby_names", "wal_consistency_checking");

    private final List<SettingDefinition> definitions;
    private final List<SettingDefinition> extensionDefinitions;
    private final Map<String, SettingDefinition> byLowerName;

    private SettingsRegistry(List<SettingDefinition> definitions, List<SettingDefinition> extensionDefinitions) {
        this.definitions = List.copyOf(definitions);
        this.extensionDefinitions = List.copyOf(extensionDefinitions);
        Map<String, SettingDefinition> map = new HashMap<>();
        for (SettingDefinition d : extensionDefinitions) {
            map.put(d.name().toLowerCase(Locale.ROOT), d);
        }
        for (SettingDefinition d : definitions) {
            map.put(d.name().toLowerCase(Locale.ROOT), d);
        }
        this.byLowerName = Map.copyOf(map);
    }

    /**
     * PostgreSQL's defaults (TimeZone UTC, server_version 15.18, port 5432), and the extension
     * settings ({@code citus.*}) with Citus's defaults.
     */
    public static SettingsRegistry postgresDefaults() {
        return new SettingsRegistry(load("settings.tsv"), load("extension_settings.tsv"));
    }

    /**
     * The registry with the node's configured defaults (shale.conf, {@code --set name=value}),
     * each validated like a SET; 42704 for an unknown name, 22023 for a bad value.
     */
    public static SettingsRegistry withDefaults(Map<String, String> nodeDefaults) {
        SettingsRegistry base = postgresDefaults();
        Map<String, SettingDefinition> changed = new HashMap<>();
        for (Map.Entry<String, String> e : nodeDefaults.entrySet()) {
            SettingDefinition d = base.definition(e.getKey());
            if (d == null) {
                if (e.getKey().indexOf('.') < 0) {
                    throw unrecognized(e.getKey());
                }
                d = SettingDefinition.placeholder(e.getKey().toLowerCase(Locale.ROOT));
            }
            String value = SettingValues.normalize(d, e.getKey(), e.getValue(), d.defaultValue());
            changed.put(d.name(), d.withDefault(value));
        }
        List<SettingDefinition> extensions = new ArrayList<>();
        for (SettingDefinition d : base.extensionDefinitions) {
            extensions.add(changed.getOrDefault(d.name(), d));
            changed.remove(d.name());
        }
        List<SettingDefinition> all = new ArrayList<>();
        for (SettingDefinition d : base.definitions) {
            all.add(changed.getOrDefault(d.name(), d));
            changed.remove(d.name());
        }
        all.addAll(changed.values());
        return new SettingsRegistry(all, extensions);
    }

    /** The definition of a setting (name matched ignoring case), or null. */
    public SettingDefinition definition(String name) {
        return byLowerName.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Every setting SHOW ALL and pg_settings list, ordered by name: PostgreSQL's own and custom
     * ones given in the node configuration, not the extension settings (see {@link #extensions()}).
     */
    public List<SettingDefinition> all() {
        return definitions;
    }

    /**
     * The settings of the extensions built into the node ({@code citus.*}), ordered by name. They
     * answer SHOW, SET, RESET and current_setting like PostgreSQL's own, but stay out of SHOW ALL
     * and pg_settings, which list the settings of PostgreSQL 15 without extensions loaded.
     */
    public List<SettingDefinition> extensions() {
        return extensionDefinitions;
    }

    /** A fresh session's settings. */
    public Settings newSession() {
        return new Settings(this);
    }

    static ShaleException unrecognized(String name) {
        return new ShaleException(ErrorCode.UNDEFINED_OBJECT,
                "unrecognized configuration parameter \"" + name + "\"");
    }

    private static List<SettingDefinition> load(String resource) {
        List<SettingDefinition> out = new ArrayList<>();
        try (InputStream in = SettingsRegistry.class.getResourceAsStream(resource);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    out.add(parse(line.split("\t", -1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return out;
    }

    private static SettingDefinition parse(String[] f) {
        String name = f[0];
        List<String> enumValues = f[9].isEmpty() ? List.of() : Arrays.asList(f[9].split(","));
        return new SettingDefinition(name, SettingType.of(f[1]), SettingContext.of(f[2]), emptyToNull(f[3]),
                f[4], f[5], emptyToNull(f[6]), emptyToNull(f[7]), emptyToNull(f[8]), enumValues, f[11],
                f[10], REPORTED.contains(name), LIST_QUOTE.contains(name),
                LIST_QUOTE.contains(name) || LIST_INPUT.contains(name));
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
