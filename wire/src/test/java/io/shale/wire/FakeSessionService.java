package io.shale.wire;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.session.RoleCredentials;
import io.shale.engine.session.Session;
import io.shale.engine.session.SessionService;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A hand-written engine for protocol tests: roles with passwords, and {@link FakeSession}s. */
final class FakeSessionService implements SessionService {
    final Map<String, RoleCredentials> roles = new ConcurrentHashMap<>();
    final List<FakeSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextPid = new AtomicInteger(1000);

    FakeSessionService withRole(String name, String password) {
        roles.put(name, new RoleCredentials(name, true, password));
        return this;
    }

    @Override
    public Optional<RoleCredentials> credentials(String roleName) {
        return Optional.ofNullable(roles.get(roleName));
    }

    @Override
    public Session open(String user, String database, Map<String, String> startupParameters, String remoteAddress) {
        if (database.equals("nodb")) {
            throw new ShaleException(ErrorCode.INVALID_CATALOG_NAME, "database \"nodb\" does not exist");
        }
        int pid = nextPid.getAndIncrement();
        FakeSession session = new FakeSession(pid, pid * 7 + 3, user, startupParameters);
        sessions.add(session);
        return session;
    }

    @Override
    public void cancel(int processId, int secretKey) {
        for (FakeSession session : sessions) {
            if (session.processId() == processId && session.secretKey() == secretKey) {
                session.cancel();
            }
        }
    }

    FakeSession last() {
        return sessions.getLast();
    }
}
