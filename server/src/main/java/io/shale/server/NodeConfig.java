package io.shale.server;

import io.shale.cluster.rpc.ClusterSecret;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration of one node as given on the command line; {@link Node#start()} validates it
 * and merges {@code settings} over those of {@code <data>/shale.conf} (command line wins).
 *
 * @param host address to listen on for PostgreSQL clients
 * @param port TCP port, {@code 0} for any free port
 * @param dataDirectory where the node keeps its files; created on first start
 * @param settings setting (GUC) values by lower-case name, from {@code --set name=value}
 * @param tlsCertificate PEM certificate chain for TLS, or {@code null} for no TLS
 * @param tlsKey PEM private key of {@code tlsCertificate}, or {@code null} for no TLS
 * @param authMethod how every client must authenticate
 * @param clusterSecret the cluster secret ({@code --cluster-secret-file} or {@code SHALE_CLUSTER_SECRET}),
 *     or {@code null}: the node then refuses internal calls and cannot join a cluster
 */
public record NodeConfig(String host, int port, Path dataDirectory, Map<String, String> settings,
                         Path tlsCertificate, Path tlsKey, AuthMethod authMethod, ClusterSecret clusterSecret) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5432;

    public NodeConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(authMethod, "authMethod");
        settings = lowerCaseNames(settings);
    }

    /** A node without a cluster secret. */
    public NodeConfig(String host, int port, Path dataDirectory, Map<String, String> settings,
                      Path tlsCertificate, Path tlsKey, AuthMethod authMethod) {
        this(host, port, dataDirectory, settings, tlsCertificate, tlsKey, authMethod, null);
    }

    /** A node on 127.0.0.1:5432 with no settings, no TLS and trust authentication. */
    public static NodeConfig defaults(Path dataDirectory) {
        return new NodeConfig(DEFAULT_HOST, DEFAULT_PORT, dataDirectory, Map.of(), null, null,
                AuthMethod.TRUST, null);
    }

    public NodeConfig withPort(int newPort) {
        return new NodeConfig(host, newPort, dataDirectory, settings, tlsCertificate, tlsKey, authMethod, clusterSecret);
    }

    public NodeConfig withSettings(Map<String, String> newSettings) {
        return new NodeConfig(host, port, dataDirectory, newSettings, tlsCertificate, tlsKey, authMethod, clusterSecret);
    }

    public NodeConfig withClusterSecret(ClusterSecret secret) {
        return new NodeConfig(host, port, dataDirectory, settings, tlsCertificate, tlsKey, authMethod, secret);
    }

    public NodeConfig withHost(String newHost) {
        return new NodeConfig(newHost, port, dataDirectory, settings, tlsCertificate, tlsKey, authMethod, clusterSecret);
    }

    public NodeConfig withDataDirectory(Path directory) {
        return new NodeConfig(host, port, directory, settings, tlsCertificate, tlsKey, authMethod, clusterSecret);
    }

    public boolean tlsEnabled() {
        return tlsCertificate != null;
    }

    /** Checks what can be checked before any I/O that changes something; throws 22023 or F0000. */
    public void validate() {
        if (host.isBlank()) {
            throw invalid("listen address must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw invalid("invalid port " + port + ": must be between 0 and 65535");
        }
        if ((tlsCertificate == null) != (tlsKey == null)) {
            throw invalid("TLS needs both a certificate (--tls-cert) and a private key (--tls-key)");
        }
        if (tlsCertificate != null) {
            requireReadable(tlsCertificate, "certificate");
            requireReadable(tlsKey, "private key");
        }
    }

    private static void requireReadable(Path file, String what) {
        if (!Files.isReadable(file)) {
            throw new ShaleException(ErrorCode.CONFIG_FILE_ERROR,
                    "could not load " + what + " file \"" + file + "\": no such file or not readable");
        }
    }

    private static ShaleException invalid(String message) {
        return new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }

    private static Map<String, String> lowerCaseNames(Map<String, String> settings) {
        Map<String, String> result = new LinkedHashMap<>();
        settings.forEach((name, value) -> result.put(name.toLowerCase(Locale.ROOT), value));
        return Map.copyOf(result);
    }
}
