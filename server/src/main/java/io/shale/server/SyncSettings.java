package io.shale.server;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.time.Duration;
import java.util.Map;

/**
 * The metadata-sync settings of a node: {@code shale.staged_catalog_timeout} (default 5 s) is how
 * long a catalog staged on this node waits for the coordinator's publish or abort before the node
 * asks the coordinator how its change ended.
 */
final class SyncSettings {
    static final String STAGED_CATALOG_TIMEOUT = "shale.staged_catalog_timeout";
    static final Duration DEFAULT_STAGED_CATALOG_TIMEOUT = Duration.ofSeconds(5);

    private SyncSettings() {
    }

    /** The staged-catalog timeout: a number with unit ms, s or min (no unit: milliseconds), above zero. */
    static Duration stagedCatalogTimeout(Map<String, String> settings) {
        String text = settings.get(STAGED_CATALOG_TIMEOUT);
        if (text == null) {
            return DEFAULT_STAGED_CATALOG_TIMEOUT;
        }
        String t = text.trim();
        int end = 0;
        while (end < t.length() && Character.isDigit(t.charAt(end))) {
            end++;
        }
        long factor = switch (t.substring(end).trim()) {
            case "", "ms" -> 1;
            case "s" -> 1000;
            case "min" -> 60_000;
            default -> -1;
        };
        if (end == 0 || end > 12 || factor < 0 || Long.parseLong(t.substring(0, end)) == 0) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"" + STAGED_CATALOG_TIMEOUT + "\": \"" + text + "\"");
        }
        return Duration.ofMillis(Long.parseLong(t.substring(0, end)) * factor);
    }
}
