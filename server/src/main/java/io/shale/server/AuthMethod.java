package io.shale.server;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

/** How clients prove who they are, named as in {@code pg_hba.conf}. */
public enum AuthMethod {
    TRUST("trust"),
    PASSWORD("password"),
    MD5("md5"),
    SCRAM_SHA_256("scram-sha-256");

    private final String configName;

    AuthMethod(String configName) {
        this.configName = configName;
    }

    /** The name used in {@code --auth} and {@code pg_hba.conf}, for example {@code scram-sha-256}. */
    public String configName() {
        return configName;
    }

    /** Parses a method name as {@code --auth} accepts it (case-insensitive). */
    public static AuthMethod parse(String name) {
        for (AuthMethod method : values()) {
            if (method.configName.equalsIgnoreCase(name)) {
                return method;
            }
        }
        throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                "invalid authentication method \"" + name + "\"")
                .withHint("Available values: trust, password, md5, scram-sha-256.");
    }
}
