package io.shale.engine.distributed;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of a client session that its task sessions are opened with: those that change how task SQL is read
 * or what it computes, and the transaction's characteristics (as the task session's defaults, since its block begins
 * with a plain BEGIN).
 */
final class TaskSettings {
    private static final String[] COPIED = {"search_path", "TimeZone", "DateStyle", "IntervalStyle",
        "extra_float_digits", "statement_timeout", "lock_timeout", "bytea_output", "synchronous_commit"};

    private TaskSettings() {
    }

    static Map<String, String> of(SessionContextView session) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : COPIED) {
            String value = session.setting(name);
            if (value != null) {
                settings.put(name, value);
            }
        }
        String isolation = session.setting("transaction_isolation");
        if (isolation != null) {
            settings.put("default_transaction_isolation", isolation);
        }
        String readOnly = session.setting("transaction_read_only");
        if (readOnly != null) {
            settings.put("default_transaction_read_only", readOnly);
        }
        return settings;
    }

    /** A time setting as SHOW prints it ({@code 0}, {@code 250ms}, {@code 5s}, {@code 2min}, {@code 1h}, {@code 1d}) in ms. */
    static long milliseconds(String shown) {
        if (shown == null || shown.isEmpty()) {
            return 0;
        }
        int end = 0;
        while (end < shown.length() && (Character.isDigit(shown.charAt(end)) || shown.charAt(end) == '-')) {
            end++;
        }
        long value;
        try {
            value = Long.parseLong(shown.substring(0, end));
        } catch (NumberFormatException e) {
            return 0;
        }
        return switch (shown.substring(end).trim()) {
            case "s" -> value * 1000;
            case "min" -> value * 60_000;
            case "h" -> value * 3_600_000;
            case "d" -> value * 86_400_000;
            default -> value;
        };
    }
}
