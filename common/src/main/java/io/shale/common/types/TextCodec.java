package io.shale.common.types;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.math.BigDecimal;

/** PostgreSQL's text input and output functions of every supported type. */
public final class TextCodec {
    private TextCodec() {
    }

    /** The text form of a non-null value, as PostgreSQL's output function prints it. */
    public static String format(SqlType type, Object value, FormatSettings settings) {
        return switch (value) {
            case Boolean b -> b ? "t" : "f";
            default -> value.toString();
        };
    }

    /** Parses the text form of a value of {@code type}; 22P02 (or the type's code) when invalid. */
    public static Object parse(SqlType type, String text, FormatSettings settings) {
        try {
            return switch (type.oid()) {
                case TypeOids.INT2 -> Short.parseShort(text.trim());
                case TypeOids.INT4 -> Integer.parseInt(text.trim());
                case TypeOids.INT8, TypeOids.OID -> Long.parseLong(text.trim());
                case TypeOids.FLOAT4 -> Float.parseFloat(text.trim());
                case TypeOids.FLOAT8 -> Double.parseDouble(text.trim());
                case TypeOids.NUMERIC -> new BigDecimal(text.trim());
                case TypeOids.BOOL -> parseBool(text);
                default -> text;
            };
        } catch (NumberFormatException e) {
            throw new ShaleException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                    "invalid input syntax for type " + type.oid() + ": \"" + text + "\"");
        }
    }

    private static Boolean parseBool(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "t", "true", "yes", "on", "1", "y" -> true;
            case "f", "false", "no", "off", "0", "n" -> false;
            default -> throw new NumberFormatException(text);
        };
    }
}
