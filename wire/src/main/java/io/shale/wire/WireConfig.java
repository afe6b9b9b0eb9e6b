package io.shale.wire;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of the PostgreSQL protocol server.
 *
 * @param host address to bind, for example {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port port to bind; 0 picks a free one
 * @param maxMessageSize largest frontend message accepted, in bytes (PostgreSQL: 1 GiB)
 * @param tlsCertificate PEM certificate chain for TLS, or null to answer SSLRequest with {@code N}
 * @param tlsPrivateKey PEM PKCS#8 private key of that certificate, or null
 * @param authRules pg_hba.conf-like rules, first match wins
 * @param internalAcceptor takes over connections that open with the internal-traffic magic (see
 *     {@link ProtocolSelector}), or null to close them
 */
public record WireConfig(String host, int port, int maxMessageSize, Path tlsCertificate,
                         Path tlsPrivateKey, List<AuthRule> authRules,
                         InternalConnectionAcceptor internalAcceptor) {
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 1 << 30;
    private static final int MIN_MAX_MESSAGE_SIZE = 1024;

    public WireConfig {
        Objects.requireNonNull(host, "host");
        authRules = List.copyOf(authRules);
        if (port < 0 || port > 65535) {
            throw invalid("port " + port + " is out of range 0..65535");
        }
        if (maxMessageSize < MIN_MAX_MESSAGE_SIZE || maxMessageSize > DEFAULT_MAX_MESSAGE_SIZE) {
            throw invalid("max message size " + maxMessageSize + " is out of range "
                    + MIN_MAX_MESSAGE_SIZE + ".." + DEFAULT_MAX_MESSAGE_SIZE);
        }
        if ((tlsCertificate == null) != (tlsPrivateKey == null)) {
            throw invalid("TLS needs both a certificate and a private key");
        }
    }

    /** A configuration without internal traffic: connections opening with its magic are closed. */
    public WireConfig(String host, int port, int maxMessageSize, Path tlsCertificate, Path tlsPrivateKey,
                      List<AuthRule> authRules) {
        this(host, port, maxMessageSize, tlsCertificate, tlsPrivateKey, authRules, null);
    }

    /** Loopback on {@code port}, 1 GiB messages, no TLS, trust for local connections. */
    public static WireConfig defaults(int port) {
        return new WireConfig("127.0.0.1", port, DEFAULT_MAX_MESSAGE_SIZE, null, null, AuthRule.trustLocal());
    }

    public WireConfig withAuthRules(List<AuthRule> rules) {
        return new WireConfig(host, port, maxMessageSize, tlsCertificate, tlsPrivateKey, rules, internalAcceptor);
    }

    public WireConfig withTls(Path certificate, Path privateKey) {
        return new WireConfig(host, port, maxMessageSize, certificate, privateKey, authRules, internalAcceptor);
    }

    public WireConfig withMaxMessageSize(int size) {
        return new WireConfig(host, port, size, tlsCertificate, tlsPrivateKey, authRules, internalAcceptor);
    }

    /** Hands connections that open with the internal-traffic magic to {@code acceptor} (the cluster's RPC server). */
    public WireConfig withInternalAcceptor(InternalConnectionAcceptor acceptor) {
        return new WireConfig(host, port, maxMessageSize, tlsCertificate, tlsPrivateKey, authRules, acceptor);
    }

    /** Whether SSLRequest is answered with a TLS handshake. */
    public boolean tlsEnabled() {
        return tlsCertificate != null;
    }

    private static ShaleException invalid(String message) {
        return new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }
}
