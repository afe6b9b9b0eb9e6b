package io.shale.engine.settings;

/** pg_settings.vartype: the kind of value a setting holds. */
public enum SettingType {
    BOOL("bool"), INTEGER("integer"), REAL("real"), STRING("string"), ENUM("enum");

    private final String pgName;

    SettingType(String pgName) {
        this.pgName = pgName;
    }

    /** The vartype as pg_settings shows it. */
    public String pgName() {
        return pgName;
    }

    static SettingType of(String pgName) {
        for (SettingType t : values()) {
            if (t.pgName.equals(pgName)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown setting type " + pgName);
    }
}
