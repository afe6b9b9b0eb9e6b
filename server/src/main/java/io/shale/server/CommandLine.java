package io.shale.server;

import io.shale.cluster.rpc.ClusterSecret;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the arguments of {@code shale.jar} (after the launcher consumed its own, such as {@code --memory}). */
final class CommandLine {
    static final String USAGE = """
            Usage:
              shale start [--port P] [--workers N] [--data DIR] [options]
                                                      run a coordinator and N workers (default 2) on
                                                      127.0.0.1:P, P+1, ... (default 5432), data in
                                                      DIR/node-<i> (default ./shale-data)
              shale node --data DIR [--port P] [options]      run one node in the foreground
              shale help                                      show this help

            Options:
              --host H              address to listen on (default 127.0.0.1)
              --port P              port to listen on (default 5432; 0 picks a free port)
              --data DIR            data directory, created if missing
              --set NAME=VALUE      a setting, overriding DIR/shale.conf (repeatable)
              --in-memory           keep the data in memory only (nothing survives the node)
              --auth METHOD         trust (default; local connections only), or password,
                                    md5, scram-sha-256 (connections from any address)
              --tls-cert FILE       PEM certificate chain; enables TLS with --tls-key
              --tls-key FILE        PEM private key of --tls-cert
              --workers N           start: number of workers besides the coordinator (default 2)
              --cluster-secret-file FILE
                                    node: the cluster secret shared by the nodes of a cluster
                                    (or environment SHALE_CLUSTER_SECRET); without one the node
                                    refuses internal calls. start generates one in DIR.
            """;
    /** The environment variable that may hold the cluster secret. */
    static final String SECRET_VARIABLE = "SHALE_CLUSTER_SECRET";
    static final int DEFAULT_WORKERS = 2;
    static final Path DEFAULT_DATA = Path.of("shale-data");

    private CommandLine() {
    }

    static Command parse(List<String> args) {
        return parse(args, Map.of());
    }

    /** Parses {@code args}; {@code environment} may hold {@link #SECRET_VARIABLE}. */
    static Command parse(List<String> args, Map<String, String> environment) {
        if (args.isEmpty()) {
            return new Command.Invalid("no command given");
        }
        String verb = args.getFirst();
        return switch (verb) {
            case "help", "--help", "-h" -> new Command.Help();
            case "node" -> parseNode(args.subList(1, args.size()), false, environment);
            case "start" -> parseNode(args.subList(1, args.size()), true, environment);
            default -> new Command.Invalid("unknown command \"" + verb + "\"");
        };
    }

    private static Command parseNode(List<String> args, boolean start, Map<String, String> environment) {
        int workers = DEFAULT_WORKERS;
        Path secretFile = null;
        String host = NodeConfig.DEFAULT_HOST;
        int port = NodeConfig.DEFAULT_PORT;
        Path data = start ? DEFAULT_DATA : null;
        Map<String, String> settings = new LinkedHashMap<>();
        Path tlsCertificate = null;
        Path tlsKey = null;
        AuthMethod auth = AuthMethod.TRUST;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (flag.equals("--in-memory")) {
                settings.put(StoreSettings.IN_MEMORY, "on");
                continue;
            }
            String value;
            int equals = flag.indexOf('=');
            if (flag.startsWith("--") && equals > 0) {
                value = flag.substring(equals + 1);
                flag = flag.substring(0, equals);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                return new Command.Invalid(flag.startsWith("--") ? "option " + flag + " needs a value"
                        : "unexpected argument \"" + flag + "\"");
            }
            switch (flag) {
                case "--host" -> host = value;
                case "--port" -> {
                    try {
                        port = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        return new Command.Invalid("invalid port \"" + value + "\"");
                    }
                }
                case "--data" -> data = Path.of(value);
                case "--set" -> {
                    int separator = value.indexOf('=');
                    if (separator <= 0) {
                        return new Command.Invalid("--set needs NAME=VALUE, got \"" + value + "\"");
                    }
                    settings.put(value.substring(0, separator).strip(), value.substring(separator + 1));
                }
                case "--auth" -> {
                    try {
                        auth = AuthMethod.parse(value);
                    } catch (ShaleException e) {
                        return new Command.Invalid(e.getMessage());
                    }
                }
                case "--tls-cert" -> tlsCertificate = Path.of(value);
                case "--tls-key" -> tlsKey = Path.of(value);
                case "--cluster-secret-file" -> secretFile = Path.of(value);
                case "--workers" -> {
                    try {
                        workers = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        workers = -1;
                    }
                    if (workers < 0 || !start) {
                        return new Command.Invalid(start ? "invalid number of workers \"" + value + "\""
                                : "option --workers belongs to start");
                    }
                }
                default -> {
                    return new Command.Invalid(flag.startsWith("-") ? "unknown option " + flag
                            : "unexpected argument \"" + flag + "\"");
                }
            }
        }
        if (data == null) {
            return new Command.Invalid("node needs --data DIR");
        }
        ClusterSecret secret;
        try {
            secret = secret(secretFile, environment);
        } catch (ShaleException e) {
            return new Command.Invalid(e.getMessage());
        }
        NodeConfig config = new NodeConfig(host, port, data, settings, tlsCertificate, tlsKey, auth, secret);
        return start ? new Command.Start(config, workers) : new Command.RunNode(config);
    }

    /** The secret of {@code --cluster-secret-file}, else of the environment, else null. */
    private static ClusterSecret secret(Path file, Map<String, String> environment) {
        if (file != null) {
            try {
                return ClusterSecret.of(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ShaleException(ErrorCode.CONFIG_FILE_ERROR, "could not read cluster secret file \"" + file
                        + "\": " + e.getMessage());
            }
        }
        String text = environment.get(SECRET_VARIABLE);
        return text == null || text.isBlank() ? null : ClusterSecret.of(text);
    }
}
