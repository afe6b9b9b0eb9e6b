package io.shale.cluster.rpc;

import java.nio.charset.StandardCharsets;

/**
 * The first 8 bytes of an internal connection on a node's PostgreSQL port: {@code SHALERPC}, or
 * {@code SHALETLS} when a TLS handshake follows at once. As a PostgreSQL start-up length they read
 * 1,397,244,236, which PostgreSQL rejects; the wire module's ProtocolSelector tells them apart.
 */
final class Magic {
    static final byte[] PLAIN = "SHALERPC".getBytes(StandardCharsets.US_ASCII);
    static final byte[] TLS = "SHALETLS".getBytes(StandardCharsets.US_ASCII);

    private Magic() {
    }
}
