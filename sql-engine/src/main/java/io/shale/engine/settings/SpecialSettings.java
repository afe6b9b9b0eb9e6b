package io.shale.engine.settings;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The checks PostgreSQL applies to particular string settings, and their normal forms. */
final class SpecialSettings {
    private SpecialSettings() {
    }

    static String check(SettingDefinition d, String raw, String current) {
        return switch (d.name()) {
            case "TimeZone", "log_timezone" -> TimeZones.canonical(raw, d.name());
            case "DateStyle" -> DateStyles.normalize(raw, current);
            case "client_encoding" -> clientEncoding(raw);
            case "application_name", "cluster_name" -> cleanAscii(raw);
            case "search_path", "temp_tablespaces" -> {
                IdentifierLists.split(raw, d.name());
                yield raw;
            }
            default -> raw;
        };
    }

    /**
     * Enum settings with values Shale refuses: SERIALIZABLE isolation (there is no serializable
     * snapshot isolation yet, and a weaker level must never be given silently).
     */
    static String checkEnum(SettingDefinition d, String value) {
        if (value.equals("serializable")
                && (d.name().equals("default_transaction_isolation") || d.name().equals("transaction_isolation"))) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "SERIALIZABLE isolation is not supported yet; use REPEATABLE READ or READ COMMITTED");
        }
        return value;
    }

    private static String clientEncoding(String raw) {
        String key = raw.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (key.equals("utf8") || key.equals("unicode")) {
            return "UTF8";
        }
        throw Units.invalid("client_encoding", raw);
    }

    /** Replaces every byte that is not printable ASCII by {@code ?}, as PostgreSQL does. */
    private static String cleanAscii(String raw) {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            out.append(b >= 32 && b < 127 ? (char) b : '?');
        }
        return out.toString();
    }

    static ShaleException listSyntax(String name, String raw) {
        return new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"" + name + "\": \"" + raw + "\"")
                .withDetail("List syntax is invalid.");
    }
}
