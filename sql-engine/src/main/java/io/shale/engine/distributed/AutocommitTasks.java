package io.shale.engine.distributed;

import io.shale.cluster.rpc.RpcContext;
import io.shale.cluster.txn.TaskRequest;
import io.shale.engine.Engine;
import io.shale.engine.session.Session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker side of autocommit tasks: each runs in an implicit transaction of its own (committed, or rolled back on
 * error, before the answer), in an internal session taken from a pool of idle sessions opened with the same role,
 * database and settings, so that a point query costs no session opening and keeps its parsed statements warm.
 * Thread-safe.
 */
final class AutocommitTasks implements AutoCloseable {
    /** Idle sessions kept per role, database and settings. */
    private static final int IDLE_PER_KEY = 32;

    private record Key(String role, String database, Map<String, String> settings) {
    }

    private static final class Idle {
        final ConcurrentLinkedDeque<Session> sessions = new ConcurrentLinkedDeque<>();
        final AtomicInteger size = new AtomicInteger();
    }

    private final Engine engine;
    private final Map<Key, Idle> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    AutocommitTasks(Engine engine) {
        this.engine = engine;
    }

    byte[] run(TaskRequest request, RpcContext context) {
        Key key = new Key(request.role(), request.database(), request.settings());
        Idle pool = idle.computeIfAbsent(key, k -> new Idle());
        Session session = pool.sessions.pollFirst();
        if (session != null) {
            pool.size.decrementAndGet();
        } else {
            session = engine.open(request.role(), request.database(), request.settings(), "node " + context.caller());
        }
        boolean reusable = false;
        try {
            TaskResultWriter writer = new TaskResultWriter(context);
            io.shale.engine.citus.TenantTaskMeter meter =
                    io.shale.engine.citus.TenantTaskMeter.start(engine.tenantStats(), request.sql());
            try {
                session.taskQuery(request.sql(), writer);
            } finally {
                reusable = session.transactionStatus() == 'I';
            }
            TenantCounting.finish(engine, meter, request.database(), writer.tag());
            return writer.completion();
        } finally {
            release(pool, session, reusable);
        }
    }

    private void release(Idle pool, Session session, boolean reusable) {
        if (reusable && !closed) {
            if (pool.size.incrementAndGet() <= IDLE_PER_KEY) {
                pool.sessions.addFirst(session);
                return;
            }
            pool.size.decrementAndGet();
        }
        session.close();
    }

    @Override
    public void close() {
        closed = true;
        for (Idle pool : idle.values()) {
            Session s;
            while ((s = pool.sessions.pollFirst()) != null) {
                s.close();
            }
        }
    }
}
