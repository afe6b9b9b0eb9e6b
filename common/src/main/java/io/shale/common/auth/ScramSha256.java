package io.shale.common.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SCRAM-SHA-256 password verifiers in PostgreSQL's stored form
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>} (RFC 5802, RFC 7677), for
 * CREATE ROLE … PASSWORD and for authentication. Passwords go through SASLprep first, as in
 * PostgreSQL.
 */
public final class ScramSha256 {
    public static final String MECHANISM = "SCRAM-SHA-256";
    public static final int DEFAULT_ITERATIONS = 4096;
    private static final int SALT_LENGTH = 16;

    private ScramSha256() {
    }

    /** A verifier of {@code password} with a random salt and 4096 iterations, as PostgreSQL stores it. */
    public static String create(String password) {
        byte[] salt = new byte[SALT_LENGTH];
        new SecureRandom().nextBytes(salt);
        return verifier(password, salt, DEFAULT_ITERATIONS).toString();
    }

    /** Whether {@code stored} has the form of a SCRAM-SHA-256 verifier. */
    public static boolean isVerifier(String stored) {
        return Verifier.parse(stored) != null;
    }

    public static Verifier verifier(String password, byte[] salt, int iterations) {
        byte[] saltedPassword = hi(SaslPrep.normalize(password).getBytes(StandardCharsets.UTF_8), salt, iterations);
        byte[] clientKey = hmac(saltedPassword, "Client Key");
        byte[] serverKey = hmac(saltedPassword, "Server Key");
        return new Verifier(iterations, salt, sha256(clientKey), serverKey);
    }

    /**
     * The parts of a stored verifier.
     */
    public record Verifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {

        /** The verifier in {@code stored}, or null when it is not one. */
        public static Verifier parse(String stored) {
            if (stored == null || !stored.startsWith(MECHANISM + "$")) {
                return null;
            }
            String[] parts = stored.substring(MECHANISM.length() + 1).split("[$:]", -1);
            if (parts.length != 4) {
                return null;
            }
            try {
                Base64.Decoder b64 = Base64.getDecoder();
                int iterations = Integer.parseInt(parts[0]);
                byte[] storedKey = b64.decode(parts[2]);
                byte[] serverKey = b64.decode(parts[3]);
                if (iterations < 1 || storedKey.length != 32 || serverKey.length != 32) {
                    return null;
                }
                return new Verifier(iterations, b64.decode(parts[1]), storedKey, serverKey);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            Base64.Encoder b64 = Base64.getEncoder();
            return MECHANISM + "$" + iterations + ":" + b64.encodeToString(salt) + "$"
                    + b64.encodeToString(storedKey) + ":" + b64.encodeToString(serverKey);
        }
    }

    /** PBKDF2 with HMAC-SHA-256, one block: RFC 5802's Hi(). */
    public static byte[] hi(byte[] password, byte[] salt, int iterations) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key(password));
            mac.update(salt);
            byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
            byte[] result = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < result.length; j++) {
                    result[j] ^= u[j];
                }
            }
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** HMAC pads keys with zeros, so an empty key equals one zero byte (which Java accepts). */
    private static SecretKeySpec key(byte[] key) {
        return new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256");
    }

    public static byte[] hmac(byte[] key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key(key));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
