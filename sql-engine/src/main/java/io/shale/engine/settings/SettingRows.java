package io.shale.engine.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** SHOW ALL and pg_settings over one session's settings. */
final class SettingRows {
    /** Settings PostgreSQL leaves out of SHOW ALL and pg_settings (GUC_NO_SHOW_ALL). */
    private static final Set<String> NO_SHOW_ALL = Set.of("is_superuser", "session_authorization", "role");

    private SettingRows() {
    }

    static List<String[]> showAll(Settings settings, SettingsRegistry registry) {
        List<String[]> rows = new ArrayList<>();
        for (SettingDefinition d : registry.all()) {
            if (!NO_SHOW_ALL.contains(d.name())) {
                rows.add(new String[] {d.name(), settings.show(d.name()), d.shortDescription()});
            }
        }
        return rows;
    }

    static List<SettingRow> rows(Settings settings, SettingsRegistry registry) {
        List<SettingRow> rows = new ArrayList<>();
        for (SettingDefinition d : registry.all()) {
            if (NO_SHOW_ALL.contains(d.name())) {
                continue;
            }
            rows.add(new SettingRow(d.name(), settings.stored(d), d.unit(), d.category(), d.shortDescription(),
                    d.extraDescription(), d.context().pgName(), d.type().pgName(), settings.source(d), d.minValue(),
                    d.maxValue(), d.type() == SettingType.ENUM ? d.enumValues() : null, d.bootValue(),
                    settings.resetValue(d), null, null, false));
        }
        return rows;
    }
}
