package io.shale.engine.session;

import io.shale.common.error.ShaleException;

import java.util.Map;
import java.util.Optional;

/**
 * The engine as the wire layer sees it: role look-up for authentication, opening sessions and
 * routing cancel requests. One per node; thread-safe.
 */
public interface SessionService {

    /**
     * The stored credentials of a login role, or empty when no such role exists (the wire layer
     * then still runs the authentication exchange and fails it with 28P01, as PostgreSQL does).
     */
    Optional<RoleCredentials> credentials(String roleName);

    /**
     * Opens a session after authentication succeeded.
     *
     * @param startupParameters the settings of the StartupMessage, in order: first those of its
     *     {@code options} parameter (already split by the wire layer: {@code -c name=value} and
     *     {@code --name=value} give {@code name -> value}), then every other parameter except
     *     {@code user}, {@code database} and {@code options}, names as sent (for example
     *     {@code application_name}, {@code DateStyle}, {@code client_encoding}); a later entry
     *     overrides an earlier one; the session applies them as settings
     * @throws ShaleException 3D000 for an unknown database, 28000 for a role that may not log
     *     in, 53300 when {@code max_connections} is reached, 22023 for a bad setting
     */
    Session open(String user, String database, Map<String, String> startupParameters,
                 String remoteAddress);

    /** Cancels the running statement of the session with this key; unknown keys are ignored. */
    void cancel(int processId, int secretKey);
}
