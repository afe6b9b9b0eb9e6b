package io.shale.engine.settings;

/** pg_settings.context: when and by whom a setting may be changed. */
public enum SettingContext {
    INTERNAL("internal"),
    POSTMASTER("postmaster"),
    SIGHUP("sighup"),
    SUPERUSER_BACKEND("superuser-backend"),
    BACKEND("backend"),
    SUPERUSER("superuser"),
    USER("user");

    private final String pgName;

    SettingContext(String pgName) {
        this.pgName = pgName;
    }

    /** The context as pg_settings shows it. */
    public String pgName() {
        return pgName;
    }

    static SettingContext of(String pgName) {
        for (SettingContext c : values()) {
            if (c.pgName.equals(pgName)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown setting context " + pgName);
    }
}
