package io.shale.cluster.rpc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The membership proof of a new RPC channel (mutual challenge–response, the secret never travels):
 * <pre>
 *   client → server  HELLO      version, client node name, client nonce (32 random bytes)
 *   server → client  CHALLENGE  server nonce, HMAC(secret, "server" | client nonce | server nonce | name)
 *   client → server  PROOF      HMAC(secret, "client" | client nonce | server nonce | name)
 *   server → client  WELCOME    the server's window; requests may follow
 * </pre>
 * A server without a secret, or one that finds the proof wrong, answers FAILURE (request id 0)
 * and closes; a client that finds the server's proof wrong closes. Fresh nonces on both sides
 * make a recorded exchange useless for a later connection.
 */
final class Handshake {
    private static final byte[] SERVER = "server".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLIENT = "client".getBytes(StandardCharsets.US_ASCII);

    private Handshake() {
    }

    static byte[] serverProof(ClusterSecret secret, byte[] clientNonce, byte[] serverNonce, String clientNode) {
        return secret.hmac(SERVER, clientNonce, serverNonce, clientNode.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] clientProof(ClusterSecret secret, byte[] clientNonce, byte[] serverNonce, String clientNode) {
        return secret.hmac(CLIENT, clientNonce, serverNonce, clientNode.getBytes(StandardCharsets.UTF_8));
    }

    /** Compares in constant time. */
    static boolean matches(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }
}
