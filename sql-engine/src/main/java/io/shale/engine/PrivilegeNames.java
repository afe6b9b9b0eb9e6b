package io.shale.engine;

import io.shale.catalog.Privilege;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.List;
import java.util.Locale;

/** Privilege names of GRANT, REVOKE and ALTER DEFAULT PRIVILEGES as masks of {@link Privilege#bit()}. */
final class PrivilegeNames {
    private PrivilegeNames() {
    }

    /** The privilege a name denotes; 42601 for an unknown name. */
    static Privilege of(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "SELECT" -> Privilege.SELECT;
            case "INSERT" -> Privilege.INSERT;
            case "UPDATE" -> Privilege.UPDATE;
            case "DELETE" -> Privilege.DELETE;
            case "TRUNCATE" -> Privilege.TRUNCATE;
            case "REFERENCES" -> Privilege.REFERENCES;
            case "TRIGGER" -> Privilege.TRIGGER;
            case "EXECUTE" -> Privilege.EXECUTE;
            case "USAGE" -> Privilege.USAGE;
            case "CREATE" -> Privilege.CREATE;
            case "TEMPORARY", "TEMP" -> Privilege.TEMPORARY;
            case "CONNECT" -> Privilege.CONNECT;
            default -> throw new ShaleException(ErrorCode.SYNTAX_ERROR,
                    "unrecognized privilege type \"" + name.toLowerCase(Locale.ROOT) + "\"");
        };
    }

    /** The mask of the named privileges; 0LP01 "invalid privilege type X for {objectWord}" outside {@code allowed}. */
    static int mask(List<io.shale.grammar.ast.Privilege> privileges, int allowed, String objectWord) {
        int mask = 0;
        for (io.shale.grammar.ast.Privilege p : privileges) {
            if (!p.columns().isEmpty()) {
                throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "column privileges are not supported");
            }
            Privilege privilege = of(p.name());
            if ((allowed & privilege.bit()) == 0) {
                throw new ShaleException(ErrorCode.INVALID_GRANT_OPERATION, "invalid privilege type "
                        + privilege.name() + " for " + objectWord);
            }
            mask |= privilege.bit();
        }
        return mask;
    }
}
