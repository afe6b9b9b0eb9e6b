package io.shale.common.types;

/** PostgreSQL's pg_type.typcategory, which drives implicit-cast preference in resolution. */
public enum TypeCategory {
    ARRAY('A'), BOOLEAN('B'), COMPOSITE('C'), DATETIME('D'), ENUM('E'), GEOMETRIC('G'),
    NETWORK('I'), NUMERIC('N'), PSEUDO('P'), RANGE('R'), STRING('S'), TIMESPAN('T'),
    USER_DEFINED('U'), BIT_STRING('V'), UNKNOWN('X'), INTERNAL('Z');

    private final char letter;

    TypeCategory(char letter) {
        this.letter = letter;
    }

    /** The pg_type.typcategory letter. */
    public char letter() {
        return letter;
    }

    public static TypeCategory ofLetter(char c) {
        for (TypeCategory t : values()) {
            if (t.letter == c) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown type category " + c);
    }

    /** The category of a type oid; oids of user types not in the built-in table are enums. */
    public static TypeCategory of(int oid) {
        TypeInfo t = BuiltinTypes.byOid(oid);
        return t != null ? t.category() : ENUM;
    }

    /** Whether the type is the preferred type of its category (text, float8, bool, timestamptz…). */
    public static boolean preferred(int oid) {
        TypeInfo t = BuiltinTypes.byOid(oid);
        return t != null && t.preferred();
    }
}
