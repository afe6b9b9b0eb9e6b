package io.shale.wire;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * One pg_hba.conf-like rule: which connections it covers and how they authenticate. The first
 * rule that matches a connection decides; when none matches, the connection is refused.
 *
 * @param address {@code local} (connections without an IP address), {@code loopback} (127.0.0.0/8
 *     and ::1), {@code all}, or an IP address with an optional {@code /prefix} (CIDR)
 * @param user a role name, a comma-separated list of names, or {@code all}
 * @param database a database name, a comma-separated list of names, or {@code all}
 * @param method how the client authenticates
 */
public record AuthRule(String address, String user, String database, AuthMethod method) {
    public AuthRule {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(method, "method");
        if (!address.equals("local") && !address.equals("loopback") && !address.equals("all")) {
            parseNetwork(address);
        }
    }

    /** Parses {@code "<address> <user> <database> <method>"}, for example {@code "0.0.0.0/0 all all scram-sha-256"}. */
    public static AuthRule parse(String line) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length != 4) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "invalid authentication rule \"" + line + "\"");
        }
        return new AuthRule(parts[0], parts[1], parts[2], AuthMethod.fromConfigName(parts[3]));
    }

    /** The default rules: trust for local and loopback connections, nothing else. */
    public static List<AuthRule> trustLocal() {
        return List.of(new AuthRule("local", "all", "all", AuthMethod.TRUST),
                new AuthRule("loopback", "all", "all", AuthMethod.TRUST));
    }

    /** Whether this rule covers a connection from {@code remote} (null when it has no IP address). */
    public boolean matches(InetAddress remote, String userName, String databaseName) {
        return matchesAddress(remote) && matchesName(user, userName) && matchesName(database, databaseName);
    }

    private boolean matchesAddress(InetAddress remote) {
        return switch (address) {
            case "all" -> true;
            case "local" -> remote == null;
            case "loopback" -> remote != null && remote.isLoopbackAddress();
            default -> remote != null && inNetwork(remote);
        };
    }

    private boolean inNetwork(InetAddress remote) {
        Network network = parseNetwork(address);
        byte[] candidate = remote.getAddress();
        byte[] base = network.address().getAddress();
        if (candidate.length != base.length) {
            return false;
        }
        int bits = network.prefix();
        for (int i = 0; i < base.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((candidate[i] & mask) != (base[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesName(String pattern, String name) {
        if (pattern.equals("all")) {
            return true;
        }
        for (String candidate : pattern.split(",")) {
            if (candidate.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private record Network(InetAddress address, int prefix) {
    }

    private static Network parseNetwork(String text) {
        int slash = text.indexOf('/');
        try {
            InetAddress base = InetAddress.ofLiteral(slash < 0 ? text : text.substring(0, slash));
            int maxPrefix = base.getAddress().length * 8;
            int prefix = slash < 0 ? maxPrefix : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > maxPrefix) {
                throw new IllegalArgumentException(text);
            }
            return new Network(base, prefix);
        } catch (IllegalArgumentException e) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "invalid IP address \"" + text + "\" in authentication rule");
        }
    }
}
