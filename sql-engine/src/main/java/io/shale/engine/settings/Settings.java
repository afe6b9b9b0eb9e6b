package io.shale.engine.settings;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.FormatSettings;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One session's configuration parameters with PostgreSQL's semantics: SET, SET LOCAL, RESET,
 * RESET ALL, startup-packet values, and the undoing of SETs of an aborted transaction or
 * subtransaction. Values are kept in their pg_settings form and shown as SHOW prints them.
 * Not thread-safe: it belongs to one session.
 */
public final class Settings {
    /** PostgreSQL uses 55P02 (cant_change_runtime_param), which ErrorCode lacks so far. */
    private static final ErrorCode CANT_CHANGE_RUNTIME_PARAM = ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE;
    private static final Set<String> PER_TRANSACTION = Set.of("transaction_isolation",
            "transaction_read_only", "transaction_deferrable");
    private static final Set<String> NO_RESET_ALL = Set.of("transaction_isolation",
            "transaction_read_only", "transaction_deferrable", "session_authorization", "role");

    private final SettingsRegistry registry;
    private final Map<String, String> resetValues = new HashMap<>();
    private Map<String, String> sessionValues = new HashMap<>();
    private Map<String, String> localValues = new HashMap<>();
    /** Custom settings stay defined once set, even when the SET is rolled back (as in PostgreSQL). */
    private final Map<String, SettingDefinition> placeholders = new HashMap<>();
    private final Deque<Saved> saved = new ArrayDeque<>();
    private final Map<String, String> lastReported = new HashMap<>();
    /** See {@link #version()}. */
    private long version;
    private long reportedVersion = -1;

    Settings(SettingsRegistry registry) {
        this.registry = registry;
    }

    /** Levels to return to when a transaction or subtransaction aborts. */
    private record Saved(Map<String, String> session, Map<String, String> local) {
    }

    /**
     * A number that changes whenever the value of a setting may have changed, except for the
     * transaction characteristics (transaction_isolation, transaction_read_only,
     * transaction_deferrable): what a session derives from the other settings stays valid while
     * it is the same.
     */
    public long version() {
        return version;
    }

    /** SHOW name: the value as PostgreSQL prints it; 42704 for an unknown name. */
    public String show(String name) {
        SettingDefinition d = require(name);
        if (d.name().equals("archive_command") && setting("archive_mode").equals("off")) {
            return "(disabled)";
        }
        return SettingValues.display(d, stored(d));
    }

    /** current_setting(name, missing_ok): null for an unknown name when {@code missingOk}. */
    public String show(String name, boolean missingOk) {
        if (missingOk && find(name) == null) {
            return null;
        }
        return show(name);
    }

    /** The canonical spelling of a setting's name (the column name of SHOW). */
    public String canonicalName(String name) {
        return require(name).name();
    }

    /** The definition of a known setting or custom placeholder, or null. */
    public SettingDefinition definition(String name) {
        return find(name);
    }

    /** set_config / a SET whose value is one string: validates and stores it. */
    public void set(String name, String value, boolean local) {
        SettingDefinition d = definitionForSet(name);
        checkChangeable(d, name);
        String normalized = SettingValues.normalize(d, name, value, stored(d));
        if (d.isPlaceholder() && !placeholders.containsKey(d.name())) {
            placeholders.put(d.name(), d);
        }
        assign(d, normalized, local);
    }

    /**
     * The SET statement: {@code values} as the grammar gave them (identifiers and literals
     * unquoted). Several values only for list settings (search_path, DateStyle), else 42601;
     * search_path elements are quoted where needed.
     */
    public void set(String name, List<String> values, boolean local) {
        SettingDefinition d = find(name);
        if (values.size() > 1 && (d == null || !d.listInput())) {
            if (d == null && name.indexOf('.') < 0) {
                throw SettingsRegistry.unrecognized(name);
            }
            throw new ShaleException(ErrorCode.SYNTAX_ERROR, "SET " + name + " takes only one argument");
        }
        StringBuilder flat = new StringBuilder();
        for (String v : values) {
            if (!flat.isEmpty()) {
                flat.append(", ");
            }
            flat.append(d != null && d.listQuote() ? IdentifierLists.quote(v) : v);
        }
        set(name, flat.toString(), local);
    }

    /** RESET name (and SET name TO DEFAULT): back to the session's starting value. */
    public void reset(String name) {
        SettingDefinition d = definitionForSet(name);
        checkChangeable(d, name);
        String key = d.name();
        sessionValues.remove(key);
        localValues.remove(key);
        version++;
    }

    /** SET LOCAL name TO DEFAULT. */
    public void setDefault(String name, boolean local) {
        SettingDefinition d = definitionForSet(name);
        if (!local) {
            reset(name);
            return;
        }
        checkChangeable(d, name);
        assign(d, resetValues.getOrDefault(d.name(), d.defaultValue()), true);
    }

    /** RESET ALL: every user-settable setting back to its starting value. */
    public void resetAll() {
        sessionValues.keySet().removeIf(k -> !NO_RESET_ALL.contains(k));
        localValues.keySet().removeIf(k -> !NO_RESET_ALL.contains(k));
        version++;
    }

    /**
     * A value of the startup packet ({@code options=-c name=value} included): it becomes the
     * value RESET returns to. Settings that cannot change after start are refused (55P02).
     */
    public void applyStartup(String name, String value) {
        SettingDefinition d = definitionForSet(name);
        if (d.context() != SettingContext.BACKEND && d.context() != SettingContext.SUPERUSER_BACKEND) {
            checkChangeable(d, name);
        }
        resetValues.put(d.name(), SettingValues.normalize(d, name, value, stored(d)));
        if (d.isPlaceholder()) {
            placeholders.put(d.name(), d);
        }
        version++;
    }

    /** Sets a setting the session itself maintains (is_superuser, session_authorization, …). */
    public void setInternal(String name, String value) {
        SettingDefinition d = require(name);
        resetValues.put(d.name(), SettingValues.normalize(d, name, value, stored(d)));
        sessionValues.remove(d.name());
        version++;
    }

    public boolean inTransaction() {
        return !saved.isEmpty();
    }

    public void beginTransaction() {
        saved.clear();
        push();
    }

    /** Begins a transaction with its characteristics, in stored form ("read committed", …). */
    public void beginTransaction(String isolation, boolean readOnly) {
        beginTransaction();
        localValues.put("transaction_isolation", isolation);
        localValues.put("transaction_read_only", readOnly ? "on" : "off");
    }

    /** SET TRANSACTION before the first query changed the current transaction's characteristics. */
    public void transactionCharacteristics(String isolation, boolean readOnly) {
        localValues.put("transaction_isolation", isolation);
        localValues.put("transaction_read_only", readOnly ? "on" : "off");
    }

    /** COMMIT: SET values stay, SET LOCAL values end. */
    public void commitTransaction() {
        saved.clear();
        endLocalValues();
    }

    private void endLocalValues() {
        for (String key : localValues.keySet()) {
            if (!PER_TRANSACTION.contains(key)) {
                version++;
                break;
            }
        }
        localValues = new HashMap<>();
    }

    /** ROLLBACK: every SET of the transaction is undone. */
    public void rollbackTransaction() {
        if (!saved.isEmpty()) {
            restore(saved.getLast());
        }
        saved.clear();
        endLocalValues();
    }

    /** SAVEPOINT. */
    public void beginSubtransaction() {
        push();
    }

    /** RELEASE SAVEPOINT: the subtransaction's SETs become the transaction's. */
    public void releaseSubtransaction() {
        if (saved.size() > 1) {
            saved.pop();
        }
    }

    /**
     * ROLLBACK TO SAVEPOINT undoes the subtransaction's SETs and ends it; the session calls
     * {@link #beginSubtransaction()} again since the savepoint remains.
     */
    public void rollbackSubtransaction() {
        if (saved.size() > 1) {
            restore(saved.pop());
        }
    }

    private void push() {
        saved.push(new Saved(Map.copyOf(sessionValues), Map.copyOf(localValues)));
    }

    private void restore(Saved s) {
        sessionValues = new HashMap<>(s.session());
        localValues = new HashMap<>(s.local());
        version++;
    }

    /** The reported (GUC_REPORT) settings whose value changed since the last call, in SHOW form. */
    public Map<String, String> reportedChanges() {
        if (reportedVersion == version) {
            return Map.of();
        }
        reportedVersion = version;
        Map<String, String> changes = new LinkedHashMap<>();
        for (String name : SettingsRegistry.REPORTED) {
            String value = show(name);
            if (!value.equals(lastReported.get(name))) {
                lastReported.put(name, value);
                changes.put(name, value);
            }
        }
        return changes;
    }

    /** The stored (pg_settings) form of a known setting; 42704 when unknown. */
    public String setting(String name) {
        return stored(require(name));
    }

    public boolean booleanValue(String name) {
        return "on".equals(setting(name));
    }

    /** An integer setting in its base unit (statement_timeout in ms, work_mem in kB). */
    public long integerValue(String name) {
        return Long.parseLong(setting(name));
    }

    /** search_path as a list of schema names ({@code $user} included as written). */
    public List<String> searchPath() {
        return IdentifierLists.split(setting("search_path"), "search_path");
    }

    /** The text formats the settings ask for, with the session's reg* name resolver. */
    public FormatSettings formatSettings(FormatSettings.OidNames oidNames) {
        String dateStyle = setting("DateStyle");
        FormatSettings.IntervalStyle interval = FormatSettings.IntervalStyle.valueOf(
                setting("IntervalStyle").toUpperCase(Locale.ROOT));
        return new FormatSettings(TimeZones.zone(setting("TimeZone")), DateStyles.style(dateStyle),
                DateStyles.order(dateStyle), interval, (int) integerValue("extra_float_digits"),
                setting("bytea_output").equals("hex"), oidNames);
    }

    /** The names of the extension (citus.*) settings any role may set; SHOW ALL leaves extension settings out. */
    public List<String> userExtensionNames() {
        List<String> names = new java.util.ArrayList<>();
        for (SettingDefinition d : registry.extensions()) {
            if (d.context() == SettingContext.USER) {
                names.add(d.name());
            }
        }
        return names;
    }

    /** SHOW ALL: name, setting as SHOW prints it, description. */
    public List<String[]> showAll() {
        return SettingRows.showAll(this, registry);
    }

    /** The rows of pg_settings. */
    public List<SettingRow> rows() {
        return SettingRows.rows(this, registry);
    }

    /** The value RESET returns to (startup value or default), in stored form. */
    String resetValue(SettingDefinition d) {
        return resetValues.getOrDefault(d.name(), d.defaultValue());
    }

    /** pg_settings.source of a setting. */
    String source(SettingDefinition d) {
        String key = d.name();
        if (localValues.containsKey(key) || sessionValues.containsKey(key)) {
            return "session";
        }
        if (resetValues.containsKey(key)) {
            return d.context() == SettingContext.INTERNAL ? "override" : "client";
        }
        if (d.context() == SettingContext.INTERNAL) {
            return "override";
        }
        return d.defaultValue().equals(d.bootValue()) ? "default" : "configuration file";
    }

    String stored(SettingDefinition d) {
        String key = d.name();
        String v = localValues.get(key);
        if (v != null) {
            return v;
        }
        if (PER_TRANSACTION.contains(key)) {
            return setting("default_" + key);
        }
        v = sessionValues.get(key);
        if (v != null) {
            return v;
        }
        v = resetValues.get(key);
        return v != null ? v : d.defaultValue();
    }

    private void assign(SettingDefinition d, String value, boolean local) {
        if (!PER_TRANSACTION.contains(d.name())) {
            version++;
        }
        if (local || PER_TRANSACTION.contains(d.name())) {
            if (inTransaction()) {
                localValues.put(d.name(), value);
            }
            return;
        }
        sessionValues.put(d.name(), value);
        localValues.remove(d.name());
    }

    private SettingDefinition find(String name) {
        SettingDefinition d = registry.definition(name);
        return d != null ? d : placeholders.get(name.toLowerCase(Locale.ROOT));
    }

    private SettingDefinition require(String name) {
        SettingDefinition d = find(name);
        if (d == null) {
            throw SettingsRegistry.unrecognized(name);
        }
        return d;
    }

    private SettingDefinition definitionForSet(String name) {
        SettingDefinition d = find(name);
        if (d != null) {
            return d;
        }
        if (name.indexOf('.') > 0 && !name.endsWith(".")) {
            return SettingDefinition.placeholder(name.toLowerCase(Locale.ROOT));
        }
        throw SettingsRegistry.unrecognized(name);
    }

    private void checkChangeable(SettingDefinition d, String name) {
        String message = switch (d.context()) {
            case INTERNAL -> "parameter \"" + name + "\" cannot be changed";
            case POSTMASTER -> "parameter \"" + name + "\" cannot be changed without restarting the server";
            case SIGHUP -> "parameter \"" + name + "\" cannot be changed now";
            case BACKEND, SUPERUSER_BACKEND -> "parameter \"" + name + "\" cannot be set after connection start";
            case SUPERUSER, USER -> null;
        };
        if (message != null) {
            throw new ShaleException(CANT_CHANGE_RUNTIME_PARAM, message);
        }
        if (d.context() == SettingContext.SUPERUSER && !booleanValue("is_superuser")) {
            throw new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE,
                    "permission denied to set parameter \"" + name + "\"");
        }
    }
}
