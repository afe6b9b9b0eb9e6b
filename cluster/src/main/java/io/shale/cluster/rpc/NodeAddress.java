package io.shale.cluster.rpc;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.Objects;

/**
 * Where a node listens (its PostgreSQL port, which also carries internal traffic); also the
 * node's name in the RPC handshake and in {@link NetworkPartitions}.
 */
public record NodeAddress(String host, int port) implements Comparable<NodeAddress> {

    public NodeAddress {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty() || port < 1 || port > 65535) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "invalid node address \"" + host + ":" + port + "\"");
        }
    }

    /** Parses {@code host:port} (an IPv6 host in brackets: {@code [::1]:5432}). */
    public static NodeAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid node address \"" + text + "\"");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new NodeAddress(host, Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid node address \"" + text + "\"");
        }
    }

    @Override
    public int compareTo(NodeAddress other) {
        int byHost = host.compareTo(other.host);
        return byHost != 0 ? byHost : Integer.compare(port, other.port);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
