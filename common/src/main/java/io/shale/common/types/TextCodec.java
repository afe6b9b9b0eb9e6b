package io.shale.common.types;

/** PostgreSQL's text input and output functions of every supported type. */
public final class TextCodec {
    private TextCodec() {
    }

    /** The text form of a non-null value, as PostgreSQL's output function prints it. */
    public static String format(SqlType type, Object value, FormatSettings settings) {
        if (value instanceof ArrayValue a && BuiltinTypes.elementOf(type.oid()) == 0) {
            return ArrayText.format(a, new SqlType(a.elementOid(), type.typmod()), settings);
        }
        return Codecs.require(type.oid(), "text output").format(type, value, settings);
    }

    /** Parses an array literal of a given element type (for arrays of enums and other user types). */
    public static ArrayValue parseArray(SqlType elementType, String text, FormatSettings settings) {
        return ArrayText.parse(text, elementType, settings);
    }

    /**
     * Parses the text form of a value of {@code type}, applying its typmod as an input
     * function does; 22P02 (or the type's code) when invalid, 0A000 for unsupported types.
     */
    public static Object parse(SqlType type, String text, FormatSettings settings) {
        return Codecs.require(type.oid(), "text input").parse(type, text, settings);
    }

    /**
     * Like {@link #parse}, with {@code now} as the clock of 'now', 'today', 'tomorrow' and
     * 'yesterday' (the statement or transaction start time).
     */
    public static Object parseAt(SqlType type, String text, FormatSettings settings, java.time.Instant now) {
        return switch (type.oid()) {
            case TypeOids.DATE -> DateCodec.parseAt(text, settings, now);
            case TypeOids.TIME, TypeOids.TIMETZ -> TimeCodec.parseAt(type, text, settings, now);
            case TypeOids.TIMESTAMP, TypeOids.TIMESTAMPTZ -> TimestampCodec.parseAt(type, text, settings, now);
            default -> parse(type, text, settings);
        };
    }

    /** Whether the type has text input and output here. */
    public static boolean supports(int oid) {
        return Codecs.forOid(oid) != null;
    }
}
