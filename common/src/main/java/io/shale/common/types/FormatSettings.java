package io.shale.common.types;

import java.time.ZoneId;

/**
 * The session settings that change how values are printed and parsed as text.
 *
 * @param timeZone the TimeZone setting
 * @param dateStyle output style of DateStyle ({@code ISO}, {@code Postgres}, {@code SQL},
 *     {@code German})
 * @param dateOrder field order of DateStyle for input and for SQL/Postgres output
 * @param intervalStyle the IntervalStyle setting
 * @param extraFloatDigits extra_float_digits; above 0 prints floats in shortest exact form
 * @param byteaHex bytea_output = hex (else escape)
 * @param oidNames turns oids into names for the reg* types (regclass, regtype, …)
 */
public record FormatSettings(ZoneId timeZone, DateStyle dateStyle, DateOrder dateOrder,
                             IntervalStyle intervalStyle, int extraFloatDigits, boolean byteaHex,
                             OidNames oidNames) {

    /** PostgreSQL's defaults for a session: UTC, {@code ISO, MDY}, postgres, 1, hex. */
    public static FormatSettings defaults() {
        return new FormatSettings(ZoneId.of("UTC"), DateStyle.ISO, DateOrder.MDY,
                IntervalStyle.POSTGRES, 1, true, OidNames.NUMERIC);
    }

    public FormatSettings withTimeZone(ZoneId zone) {
        return new FormatSettings(zone, dateStyle, dateOrder, intervalStyle, extraFloatDigits, byteaHex, oidNames);
    }

    public FormatSettings withOidNames(OidNames names) {
        return new FormatSettings(timeZone, dateStyle, dateOrder, intervalStyle, extraFloatDigits, byteaHex, names);
    }

    public FormatSettings withDateStyle(DateStyle style, DateOrder order) {
        return new FormatSettings(timeZone, style, order, intervalStyle, extraFloatDigits, byteaHex, oidNames);
    }

    public FormatSettings withIntervalStyle(IntervalStyle style) {
        return new FormatSettings(timeZone, dateStyle, dateOrder, style, extraFloatDigits, byteaHex, oidNames);
    }

    public FormatSettings withExtraFloatDigits(int digits) {
        return new FormatSettings(timeZone, dateStyle, dateOrder, intervalStyle, digits, byteaHex, oidNames);
    }

    public FormatSettings withByteaHex(boolean hex) {
        return new FormatSettings(timeZone, dateStyle, dateOrder, intervalStyle, extraFloatDigits, hex, oidNames);
    }

    /**
     * Applies a DateStyle setting as SET does: a style word, an order word or both
     * ({@code 'ISO, DMY'}, {@code 'German'}, {@code 'European'}); German alone implies DMY.
     * 22023 for an unknown word.
     */
    public FormatSettings withDateStyleSetting(String value) {
        DateStyle style = dateStyle;
        DateOrder order = dateOrder;
        boolean orderGiven = false;
        for (String part : value.split(",")) {
            switch (part.trim().toUpperCase(java.util.Locale.ROOT)) {
                case "ISO" -> style = DateStyle.ISO;
                case "SQL" -> style = DateStyle.SQL;
                case "POSTGRES" -> style = DateStyle.POSTGRES;
                case "GERMAN" -> style = DateStyle.GERMAN;
                case "YMD" -> { order = DateOrder.YMD; orderGiven = true; }
                case "DMY", "EURO", "EUROPEAN" -> { order = DateOrder.DMY; orderGiven = true; }
                case "MDY", "US", "NONEURO", "NONEUROPEAN" -> { order = DateOrder.MDY; orderGiven = true; }
                case "DEFAULT" -> { style = DateStyle.ISO; order = DateOrder.MDY; }
                default -> throw new io.shale.common.error.ShaleException(
                        io.shale.common.error.ErrorCode.INVALID_PARAMETER_VALUE,
                        "invalid value for parameter \"DateStyle\": \"" + value + "\"");
            }
        }
        if (style == DateStyle.GERMAN && !orderGiven) {
            order = DateOrder.DMY;
        }
        return withDateStyle(style, order);
    }

    /** The DateStyle setting as SHOW prints it, e.g. {@code ISO, MDY}. */
    public String dateStyleSetting() {
        String s = switch (dateStyle) {
            case ISO -> "ISO";
            case SQL -> "SQL";
            case POSTGRES -> "Postgres";
            case GERMAN -> "German";
        };
        return s + ", " + dateOrder.name();
    }

    public enum DateStyle { ISO, POSTGRES, SQL, GERMAN }

    public enum DateOrder { MDY, DMY, YMD }

    public enum IntervalStyle { POSTGRES, POSTGRES_VERBOSE, SQL_STANDARD, ISO_8601 }

    /**
     * Names and oids of catalog objects, for the text form of the reg* types. Given by the
     * engine from the session's catalog snapshot.
     */
    public interface OidNames {
        /** Prints the object of this reg* type and oid as PostgreSQL would (the number if unknown). */
        String name(int regTypeOid, long oid);

        /** Resolves a name given as text to a reg* type to its oid; 42P01/42704/42883 if unknown. */
        long oid(int regTypeOid, String name);

        /** Prints oids as numbers and accepts only numbers. */
        OidNames NUMERIC = new OidNames() {
            @Override
            public String name(int regTypeOid, long oid) {
                return Long.toString(oid);
            }

            @Override
            public long oid(int regTypeOid, String name) {
                try {
                    return Long.parseLong(name.trim());
                } catch (NumberFormatException e) {
                    throw new io.shale.common.error.ShaleException(
                            io.shale.common.error.ErrorCode.UNDEFINED_OBJECT,
                            "object \"" + name + "\" does not exist");
                }
            }
        };
    }
}
