package io.shale.wire;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.Locale;

/** How a client proves who it is, as the methods of the same names in pg_hba.conf. */
public enum AuthMethod {
    TRUST("trust"),
    PASSWORD("password"),
    MD5("md5"),
    SCRAM_SHA_256("scram-sha-256"),
    REJECT("reject");

    private final String configName;

    AuthMethod(String configName) {
        this.configName = configName;
    }

    /** The name used in pg_hba.conf, for example {@code scram-sha-256}. */
    public String configName() {
        return configName;
    }

    /** The method of this pg_hba.conf name; 22023 when there is none. */
    public static AuthMethod fromConfigName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (AuthMethod method : values()) {
            if (method.configName.equals(lower)) {
                return method;
            }
        }
        throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                "invalid authentication method \"" + name + "\"");
    }
}
