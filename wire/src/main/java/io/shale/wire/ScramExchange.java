package io.shale.wire;

import io.shale.common.auth.ScramSha256;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server side of one SCRAM-SHA-256 exchange without channel binding (RFC 5802 section 5,
 * RFC 7677): client-first → server-first, client-final → server-final or failure. The user name
 * inside the messages is ignored, as PostgreSQL does: the startup packet's user counts.
 */
final class ScramExchange {
    private final ScramSha256.Verifier verifier;
    private final boolean mock;
    private final String serverNonce;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;

    /**
     * @param verifier the role's verifier, or null for an unknown role or one without a usable
     *     password: the exchange then runs with made-up values and always fails
     * @param serverNonce the server's part of the nonce (printable, no comma)
     */
    ScramExchange(ScramSha256.Verifier verifier, String serverNonce) {
        this.mock = verifier == null;
        this.verifier = mock ? mockVerifier() : verifier;
        this.serverNonce = serverNonce;
    }

    static String randomNonce() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static ScramSha256.Verifier mockVerifier() {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] storedKey = new byte[32];
        byte[] serverKey = new byte[32];
        random.nextBytes(salt);
        random.nextBytes(storedKey);
        random.nextBytes(serverKey);
        return new ScramSha256.Verifier(ScramSha256.DEFAULT_ITERATIONS, salt, storedKey, serverKey);
    }

    /** Reads client-first-message and answers server-first-message. */
    String serverFirst(String clientFirst) {
        int first = clientFirst.indexOf(',');
        int second = first < 0 ? -1 : clientFirst.indexOf(',', first + 1);
        if (second < 0) {
            throw malformed("Comma expected.");
        }
        String flag = clientFirst.substring(0, first);
        if (flag.startsWith("p=")) {
            throw malformed("The client selected SCRAM-SHA-256-PLUS, but the server did not offer it.");
        }
        if (!flag.equals("n") && !flag.equals("y")) {
            throw malformed("Unexpected channel-binding flag \"" + flag + "\".");
        }
        if (second != first + 1) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "client uses authorization identity, but it is not supported");
        }
        gs2Header = clientFirst.substring(0, second + 1);
        clientFirstBare = clientFirst.substring(second + 1);
        String clientNonce = null;
        for (String attribute : clientFirstBare.split(",")) {
            if (attribute.startsWith("m=")) {
                throw malformed("Mandatory extensions are not supported.");
            }
            if (attribute.startsWith("r=")) {
                clientNonce = attribute.substring(2);
            }
        }
        if (clientNonce == null || clientNonce.isEmpty()) {
            throw malformed("Nonce expected.");
        }
        nonce = clientNonce + serverNonce;
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(verifier.salt())
                + ",i=" + verifier.iterations();
        return serverFirst;
    }

    /**
     * Reads client-final-message; answers server-final-message when the proof is right, null when
     * the password is wrong (the caller reports 28P01).
     */
    String serverFinal(String clientFinal) {
        int proofAt = clientFinal.lastIndexOf(",p=");
        if (serverFirst == null || proofAt < 0) {
            throw malformed("Proof expected.");
        }
        String withoutProof = clientFinal.substring(0, proofAt);
        String binding = null;
        String finalNonce = null;
        for (String attribute : withoutProof.split(",")) {
            if (attribute.startsWith("c=")) {
                binding = attribute.substring(2);
            } else if (attribute.startsWith("r=")) {
                finalNonce = attribute.substring(2);
            }
        }
        String expectedBinding = Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
        if (!expectedBinding.equals(binding)) {
            throw malformed("SCRAM channel binding check failed.");
        }
        if (!nonce.equals(finalNonce)) {
            throw malformed("Nonce does not match.");
        }
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(clientFinal.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            throw malformed("Malformed proof in client-final-message.");
        }
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
                .getBytes(StandardCharsets.UTF_8);
        byte[] clientSignature = ScramSha256.hmac(verifier.storedKey(), authMessage);
        if (proof.length != clientSignature.length) {
            throw malformed("Malformed proof in client-final-message.");
        }
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        boolean valid = MessageDigest.isEqual(ScramSha256.sha256(clientKey), verifier.storedKey());
        if (!valid || mock) {
            return null;
        }
        return "v=" + Base64.getEncoder().encodeToString(ScramSha256.hmac(verifier.serverKey(), authMessage));
    }

    private static ShaleException malformed(String detail) {
        return new ShaleException(ErrorCode.PROTOCOL_VIOLATION, "malformed SCRAM message").withDetail(detail);
    }
}
