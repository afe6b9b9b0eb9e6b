package io.shale.engine.settings;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.Locale;

/**
 * Validation and normal form of setting values. The stored form is what pg_settings.setting
 * shows (integers in the base unit); {@link #display} gives what SHOW prints.
 */
final class SettingValues {
    private SettingValues() {
    }

    /**
     * Checks {@code raw} for {@code definition} and returns its stored form.
     *
     * @param givenName the name as the user spelled it (PostgreSQL's messages use it)
     * @param current the current stored value (DateStyle updates only what is given)
     */
    static String normalize(SettingDefinition definition, String givenName, String raw, String current) {
        return switch (definition.type()) {
            case BOOL -> {
                Boolean b = parseBool(raw);
                if (b == null) {
                    throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                            "parameter \"" + givenName + "\" requires a Boolean value");
                }
                yield b ? "on" : "off";
            }
            case INTEGER -> Long.toString(parseInteger(definition, givenName, raw));
            case REAL -> Units.formatG(parseReal(definition, givenName, raw));
            case ENUM -> SpecialSettings.checkEnum(definition, parseEnum(definition, givenName, raw));
            case STRING -> SpecialSettings.check(definition, raw, current);
        };
    }

    /** The SHOW form of a stored value. */
    static String display(SettingDefinition definition, String stored) {
        if (definition.name().equals("data_directory_mode") || definition.name().equals("log_file_mode")
                || definition.name().equals("unix_socket_permissions")) {
            return String.format("%04o", Long.parseLong(stored));
        }
        return switch (definition.type()) {
            case INTEGER -> Units.formatInteger(Long.parseLong(stored), definition.unit());
            case REAL -> Units.formatReal(Double.parseDouble(stored), definition.unit());
            case BOOL, ENUM, STRING -> stored;
        };
    }

    /** PostgreSQL's boolean input: on/off, true/false, yes/no, 1/0 and unique prefixes; null if none. */
    static Boolean parseBool(String raw) {
        String v = raw.trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return null;
        }
        if (v.equals("1")) {
            return true;
        }
        if (v.equals("0")) {
            return false;
        }
        if ("true".startsWith(v) || "yes".startsWith(v)) {
            return true;
        }
        if ("false".startsWith(v) || v.equals("no") || v.equals("n")) {
            return false;
        }
        if (v.equals("on")) {
            return true;
        }
        if (v.length() >= 2 && "off".startsWith(v)) {
            return false;
        }
        return null;
    }

    private static long parseInteger(SettingDefinition d, String givenName, String raw) {
        Double value = Units.parse(raw, d.unit());
        if (value == null || value.isNaN()) {
            ShaleException e = Units.invalid(givenName, raw);
            if (d.unit() != null && raw.trim().matches("[-+]?[0-9.]+\\s*\\S+")) {
                e = e.withHint(Units.isMemory(d.unit()) ? Units.MEMORY_HINT : Units.TIME_HINT);
            }
            throw e;
        }
        double rounded = Math.rint(value);
        if (rounded > Integer.MAX_VALUE || rounded < Integer.MIN_VALUE) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid value for parameter \""
                    + givenName + "\": \"" + raw + "\"").withHint("Value exceeds integer range.");
        }
        long v = (long) rounded;
        long min = Long.parseLong(d.minValue());
        long max = Long.parseLong(d.maxValue());
        if (v < min || v > max) {
            String unit = d.unit() == null ? "" : " " + d.unit();
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, v + unit
                    + " is outside the valid range for parameter \"" + givenName + "\" (" + min + " .. "
                    + max + ")");
        }
        return v;
    }

    private static double parseReal(SettingDefinition d, String givenName, String raw) {
        Double value = Units.parse(raw, d.unit());
        if (value == null || value.isNaN()) {
            throw Units.invalid(givenName, raw);
        }
        double min = Double.parseDouble(d.minValue());
        double max = Double.parseDouble(d.maxValue());
        if (value < min || value > max) {
            String unit = d.unit() == null ? "" : " " + d.unit();
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, Units.formatG(value) + unit
                    + " is outside the valid range for parameter \"" + givenName + "\" ("
                    + d.minValue() + " .. " + d.maxValue() + ")");
        }
        return value;
    }

    private static String parseEnum(SettingDefinition d, String givenName, String raw) {
        String v = raw.trim();
        for (String option : d.enumValues()) {
            if (option.equalsIgnoreCase(v)) {
                return option;
            }
        }
        if (d.enumValues().contains("on") && d.enumValues().contains("off")) {
            Boolean b = parseBool(v);
            if (b != null) {
                return b ? "on" : "off";
            }
        }
        throw Units.invalid(givenName, raw)
                .withHint("Available values: " + String.join(", ", d.enumValues()) + ".");
    }
}
