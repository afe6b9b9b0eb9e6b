package io.shale.engine.settings;

import java.util.List;

/** One pg_settings row (PostgreSQL 15's columns, in order). */
public record SettingRow(String name, String setting, String unit, String category, String shortDesc,
                         String extraDesc, String context, String vartype, String source, String minVal,
                         String maxVal, List<String> enumvals, String bootVal, String resetVal,
                         String sourcefile, Integer sourceline, boolean pendingRestart) {
}
