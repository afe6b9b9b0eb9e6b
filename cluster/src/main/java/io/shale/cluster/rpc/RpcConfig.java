package io.shale.cluster.rpc;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of a node's internal RPC, client and server side.
 *
 * @param self this node's address: its name in handshakes and in {@link NetworkPartitions}
 * @param secret the cluster secret, or null: then the node neither makes nor accepts internal calls
 * @param tls whether outgoing connections use TLS (true when the node has a certificate; the
 *     server side follows the PostgreSQL port's certificate)
 * @param tlsTrustCertificates PEM certificates that peers' certificates must chain to, or null to
 *     accept any peer certificate (membership is proven by the secret either way)
 * @param maxInFlightRequests window of one channel: requests sent and not yet answered
 * @param maxInFlightBytes window of one channel: payload bytes of those requests (one larger
 *     request still goes when nothing else is in flight)
 * @param maxQueuedCalls calls that may wait for the window per peer; more fail at once
 * @param maxFrameSize largest frame accepted or sent, in bytes
 * @param connectTimeout limit for connecting plus the handshake
 * @param initialBackoff wait before the second connection attempt after a failed one; doubles
 *     with every further failure
 * @param maxBackoff the longest wait between attempts
 */
public record RpcConfig(NodeAddress self, ClusterSecret secret, boolean tls, Path tlsTrustCertificates,
                        int maxInFlightRequests, int maxInFlightBytes, int maxQueuedCalls, int maxFrameSize,
                        Duration connectTimeout, Duration initialBackoff, Duration maxBackoff) {
    public static final int DEFAULT_MAX_IN_FLIGHT_REQUESTS = 1024;
    public static final int DEFAULT_MAX_IN_FLIGHT_BYTES = 64 << 20;
    public static final int DEFAULT_MAX_QUEUED_CALLS = 16384;
    public static final int DEFAULT_MAX_FRAME_SIZE = 256 << 20;

    public RpcConfig {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxInFlightRequests < 1 || maxInFlightBytes < 1 || maxQueuedCalls < 0) {
            throw invalid("RPC window must allow at least one request");
        }
        if (maxFrameSize < 1024) {
            throw invalid("RPC max frame size " + maxFrameSize + " is below 1024");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || initialBackoff.isNegative()
                || maxBackoff.compareTo(initialBackoff) < 0) {
            throw invalid("RPC timeouts must be positive and max backoff at least the initial backoff");
        }
    }

    /** Plain TCP, default windows, 10 s connect timeout, backoff from 50 ms to 5 s. */
    public static RpcConfig defaults(NodeAddress self, ClusterSecret secret) {
        return new RpcConfig(self, secret, false, null, DEFAULT_MAX_IN_FLIGHT_REQUESTS, DEFAULT_MAX_IN_FLIGHT_BYTES,
                DEFAULT_MAX_QUEUED_CALLS, DEFAULT_MAX_FRAME_SIZE, Duration.ofSeconds(10), Duration.ofMillis(50),
                Duration.ofSeconds(5));
    }

    public RpcConfig withTls(boolean useTls, Path trustCertificates) {
        return new RpcConfig(self, secret, useTls, trustCertificates, maxInFlightRequests, maxInFlightBytes,
                maxQueuedCalls, maxFrameSize, connectTimeout, initialBackoff, maxBackoff);
    }

    public RpcConfig withWindow(int requests, int bytes, int queuedCalls) {
        return new RpcConfig(self, secret, tls, tlsTrustCertificates, requests, bytes, queuedCalls, maxFrameSize,
                connectTimeout, initialBackoff, maxBackoff);
    }

    public RpcConfig withBackoff(Duration initial, Duration max) {
        return new RpcConfig(self, secret, tls, tlsTrustCertificates, maxInFlightRequests, maxInFlightBytes,
                maxQueuedCalls, maxFrameSize, connectTimeout, initial, max);
    }

    public RpcConfig withMaxFrameSize(int bytes) {
        return new RpcConfig(self, secret, tls, tlsTrustCertificates, maxInFlightRequests, maxInFlightBytes,
                maxQueuedCalls, bytes, connectTimeout, initialBackoff, maxBackoff);
    }

    /** The same node under another address (a node learns its port only after binding). */
    public RpcConfig withSelf(NodeAddress address) {
        return new RpcConfig(address, secret, tls, tlsTrustCertificates, maxInFlightRequests, maxInFlightBytes,
                maxQueuedCalls, maxFrameSize, connectTimeout, initialBackoff, maxBackoff);
    }

    private static ShaleException invalid(String message) {
        return new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }
}
