package io.shale.wire;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.session.Session;
import io.shale.engine.session.SessionService;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The worker of one client connection: takes its decoded messages in order and runs the blocking
 * session calls for them (startup, authentication, queries), so the event loop never waits. Ends
 * by closing the session (which rolls back an open transaction) and the channel.
 */
final class Connection implements Runnable {
    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    private final SessionService service;
    private final List<AuthRule> authRules;
    private final Channel channel;
    private final MessageQueue queue;
    private final BackendWriter writer;
    private final Authenticator.Input input = this::next;
    private volatile Session session;

    Connection(SessionService service, List<AuthRule> authRules, Channel channel, MessageQueue queue,
               BackendWriter writer) {
        this.service = service;
        this.authRules = authRules;
        this.channel = channel;
        this.queue = queue;
        this.writer = writer;
    }

    @Override
    public void run() {
        try {
            if (startup()) {
                QueryProcessor processor = new QueryProcessor(session, writer, input, queue);
                while (processor.handle(next())) {
                    // each message is answered inside handle
                }
            }
        } catch (ConnectionGone e) {
            // the client went away; nothing to tell it
        } catch (ShaleException e) {
            sendFatal(e.code().sqlState(), e.getMessage(), e.detail(), e.hint());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "internal error on connection " + channel.id().asShortText(), e);
            sendFatal(ErrorCode.INTERNAL_ERROR.sqlState(), "internal error", null, null);
        } finally {
            finish();
        }
    }

    /**
     * Called on the event loop when the socket closed: the worker learns it from the queue once it
     * is free, and a statement still running is cancelled, since nobody waits for its result.
     */
    void disconnected() {
        queue.add(new FrontendMessage.Disconnected());
        Session current = session;
        if (current != null) {
            current.cancel();
        }
    }

    /** Whether start-up and authentication are over (a session is open). */
    boolean started() {
        return session != null;
    }

    private FrontendMessage next() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionGone();
        }
    }

    /** Reads the start-up messages; true when a session is open and the client was told so. */
    private boolean startup() {
        FrontendMessage first = next();
        switch (first) {
            case FrontendMessage.Startup startup -> {
                openSession(startup);
                return true;
            }
            case FrontendMessage.CancelRequest cancel -> {
                service.cancel(cancel.processId(), cancel.secretKey());
                return false;
            }
            case FrontendMessage.Malformed malformed ->
                    throw new ShaleException(ErrorCode.PROTOCOL_VIOLATION, malformed.message());
            case FrontendMessage.Disconnected ignored -> {
                return false;
            }
            default -> throw new ShaleException(ErrorCode.PROTOCOL_VIOLATION, "invalid startup packet");
        }
    }

    private void openSession(FrontendMessage.Startup startup) {
        int version = startup.protocolVersion();
        if (version != PgDecoder.PROTOCOL_3_0) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "unsupported frontend protocol "
                    + (version >>> 16) + "." + (version & 0xffff) + ": server supports 3.0 to 3.0");
        }
        Map<String, String> parameters = startup.parameters();
        String user = parameters.get("user");
        if (user == null || user.isEmpty()) {
            throw new ShaleException(ErrorCode.INVALID_AUTHORIZATION_SPECIFICATION,
                    "no PostgreSQL user name specified in startup packet");
        }
        String database = parameters.getOrDefault("database", "");
        if (database.isEmpty()) {
            database = user;
        }
        Map<String, String> settings = new LinkedHashMap<>();
        String options = parameters.get("options");
        if (options != null) {
            settings.putAll(StartupOptions.parse(options));
        }
        for (Map.Entry<String, String> entry : parameters.entrySet()) {
            String name = entry.getKey();
            if (!name.equals("user") && !name.equals("database") && !name.equals("options")) {
                settings.put(name, entry.getValue());
            }
        }
        InetAddress remote = channel.remoteAddress() instanceof InetSocketAddress address ? address.getAddress() : null;
        boolean tls = channel.pipeline().get(SslHandler.class) != null;
        new Authenticator(service, authRules, writer, input).authenticate(remote, tls, user, database);
        session = service.open(user, database, settings, remote == null ? "[local]" : remote.getHostAddress());
        for (Map.Entry<String, String> entry : session.reportedParameters().entrySet()) {
            writer.parameterStatus(entry.getKey(), entry.getValue());
        }
        session.takeChangedParameters();
        writer.backendKeyData(session.processId(), session.secretKey());
        writer.readyForQuery(session.transactionStatus());
        writer.flush();
    }

    private void sendFatal(String sqlState, String message, String detail, String hint) {
        if (channel.isActive()) {
            writer.errorOrNotice('E', "FATAL", sqlState, message, detail, hint, 0);
            writer.flush();
        }
    }

    private void finish() {
        try {
            if (session != null) {
                session.close();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "closing session failed", e);
        } finally {
            if (channel.isActive()) {
                writer.flush();
            } else {
                writer.discard();
            }
            channel.close();
        }
    }
}
