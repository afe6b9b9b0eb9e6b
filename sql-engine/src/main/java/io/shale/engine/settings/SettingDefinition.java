package io.shale.engine.settings;

import java.util.List;

/**
 * One configuration parameter as PostgreSQL 15 declares it (a pg_settings row without the
 * current value).
 *
 * @param name the canonical spelling ({@code TimeZone}, {@code DateStyle}); look-ups ignore case
 * @param unit the base unit of an integer or real setting ({@code ms}, {@code s}, {@code min},
 *     {@code B}, {@code kB}, {@code 8kB}, {@code MB}), or null
 * @param minValue lower bound as pg_settings prints it, or null
 * @param maxValue upper bound as pg_settings prints it, or null
 * @param enumValues the accepted values of an enum setting (hidden aliases excluded)
 * @param bootValue PostgreSQL's compiled-in default
 * @param defaultValue the value a session starts with unless the node configuration overrides it
 * @param report whether a change is sent to the client as ParameterStatus (GUC_REPORT)
 * @param listQuote whether the elements of a list value are quoted as identifiers (search_path)
 * @param listInput whether SET accepts several comma-separated values
 */
public record SettingDefinition(String name, SettingType type, SettingContext context, String unit,
                                String category, String shortDescription, String extraDescription,
                                String minValue, String maxValue, List<String> enumValues,
                                String bootValue, String defaultValue, boolean report,
                                boolean listQuote, boolean listInput) {

    public SettingDefinition {
        enumValues = List.copyOf(enumValues);
    }

    /** A placeholder for a custom setting such as {@code myapp.x}: a user string. */
    static SettingDefinition placeholder(String name) {
        return new SettingDefinition(name, SettingType.STRING, SettingContext.USER, null,
                "Customized Options", "", null, null, null, List.of(), "", "", false, false, false);
    }

    boolean isPlaceholder() {
        return "Customized Options".equals(category);
    }

    SettingDefinition withDefault(String value) {
        return new SettingDefinition(name, type, context, unit, category, shortDescription,
                extraDescription, minValue, maxValue, enumValues, bootValue, value, report,
                listQuote, listInput);
    }
}
