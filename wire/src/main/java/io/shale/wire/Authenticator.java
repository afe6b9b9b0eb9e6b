package io.shale.wire;

import io.shale.common.auth.ScramSha256;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.session.RoleCredentials;
import io.shale.engine.session.SessionService;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

/**
 * Runs the authentication exchange of one connection (PostgreSQL documentation, "Message Flow,
 * Start-up"): picks the first matching {@link AuthRule} and checks the client's password against
 * the role's stored one. Failures are FATAL {@link ShaleException}s with PostgreSQL's texts.
 */
final class Authenticator {
    private static final int AUTH_OK = 0;
    private static final int AUTH_CLEARTEXT = 3;
    private static final int AUTH_MD5 = 5;
    private static final int AUTH_SASL = 10;
    private static final int AUTH_SASL_CONTINUE = 11;
    private static final int AUTH_SASL_FINAL = 12;

    /** Where the exchange reads the client's next message from. */
    interface Input {
        FrontendMessage next();
    }

    private final SessionService service;
    private final List<AuthRule> rules;
    private final BackendWriter writer;
    private final Input input;

    Authenticator(SessionService service, List<AuthRule> rules, BackendWriter writer, Input input) {
        this.service = service;
        this.rules = rules;
        this.writer = writer;
        this.input = input;
    }

    /** Authenticates, ending with AuthenticationOk; throws a FATAL ShaleException on failure. */
    void authenticate(InetAddress remote, boolean tls, String user, String database) {
        AuthRule rule = null;
        for (AuthRule candidate : rules) {
            if (candidate.matches(remote, user, database)) {
                rule = candidate;
                break;
            }
        }
        String where = "host \"" + (remote == null ? "[local]" : remote.getHostAddress()) + "\", user \""
                + user + "\", database \"" + database + "\", " + (tls ? "SSL encryption" : "no encryption");
        if (rule == null) {
            throw fatal(ErrorCode.INVALID_AUTHORIZATION_SPECIFICATION, "no pg_hba.conf entry for " + where);
        }
        switch (rule.method()) {
            case TRUST -> { }
            case REJECT -> throw fatal(ErrorCode.INVALID_AUTHORIZATION_SPECIFICATION,
                    "pg_hba.conf rejects connection for " + where);
            case PASSWORD -> cleartext(user);
            case MD5 -> md5(user);
            case SCRAM_SHA_256 -> scram(user, storedPassword(user));
        }
        writer.authentication(AUTH_OK, new byte[0]);
    }

    private String storedPassword(String user) {
        return service.credentials(user).map(RoleCredentials::password).orElse(null);
    }

    private void cleartext(String user) {
        String stored = storedPassword(user);
        writer.authentication(AUTH_CLEARTEXT, new byte[0]);
        writer.flush();
        ByteBuf body = Unpooled.wrappedBuffer(passwordMessage());
        String password = readString(body);
        if (stored == null || !PasswordCheck.matchesCleartext(stored, user, password)) {
            throw failed(user);
        }
    }

    private void md5(String user) {
        String stored = storedPassword(user);
        if (ScramSha256.isVerifier(stored)) {
            scram(user, stored);
            return;
        }
        byte[] salt = new byte[4];
        new SecureRandom().nextBytes(salt);
        writer.authentication(AUTH_MD5, salt);
        writer.flush();
        String response = readString(Unpooled.wrappedBuffer(passwordMessage()));
        if (stored == null || !PasswordCheck.matchesMd5(stored, user, salt, response)) {
            throw failed(user);
        }
    }

    private void scram(String user, String stored) {
        ScramExchange exchange = new ScramExchange(PasswordCheck.scramVerifier(stored), ScramExchange.randomNonce());
        byte[] mechanisms = (ScramSha256.MECHANISM + "\0\0").getBytes(StandardCharsets.US_ASCII);
        writer.authentication(AUTH_SASL, mechanisms);
        writer.flush();
        ByteBuf initial = Unpooled.wrappedBuffer(passwordMessage());
        String mechanism = readString(initial);
        if (!mechanism.equals(ScramSha256.MECHANISM)) {
            throw fatal(ErrorCode.PROTOCOL_VIOLATION,
                    "client selected an invalid SASL authentication mechanism");
        }
        int length = initial.readableBytes() >= 4 ? initial.readInt() : -2;
        if (length < 0 || length != initial.readableBytes()) {
            throw fatal(ErrorCode.PROTOCOL_VIOLATION, "invalid SASL initial response");
        }
        String serverFirst = exchange.serverFirst(initial.toString(StandardCharsets.UTF_8));
        writer.authentication(AUTH_SASL_CONTINUE, serverFirst.getBytes(StandardCharsets.UTF_8));
        writer.flush();
        String serverFinal = exchange.serverFinal(new String(passwordMessage(), StandardCharsets.UTF_8));
        if (serverFinal == null) {
            throw failed(user);
        }
        writer.authentication(AUTH_SASL_FINAL, serverFinal.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] passwordMessage() {
        FrontendMessage message = input.next();
        if (message instanceof FrontendMessage.PasswordMessage(byte[] data)) {
            return data;
        }
        throw fatal(ErrorCode.PROTOCOL_VIOLATION, "expected password response");
    }

    private static String readString(ByteBuf body) {
        try {
            return PgDecoder.readString(body);
        } catch (PgDecoder.MalformedFrame e) {
            throw fatal(ErrorCode.PROTOCOL_VIOLATION, "invalid message format");
        }
    }

    private static ShaleException failed(String user) {
        return fatal(ErrorCode.INVALID_PASSWORD, "password authentication failed for user \"" + user + "\"");
    }

    private static ShaleException fatal(ErrorCode code, String message) {
        return new ShaleException(code, message).asFatal();
    }
}
