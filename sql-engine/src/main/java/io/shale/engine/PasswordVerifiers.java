package io.shale.engine;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How CREATE/ALTER ROLE … PASSWORD stores a password: a SCRAM-SHA-256 verifier (RFC 5802, as
 * PostgreSQL writes it: {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}), unless
 * the text given already is a verifier or an md5 hash.
 */
final class PasswordVerifiers {
    private static final int ITERATIONS = 4096;

    private PasswordVerifiers() {
    }

    static String store(String password, SecureRandom random) {
        if (password == null || password.startsWith("SCRAM-SHA-256$") || password.matches("md5[0-9a-f]{32}")) {
            return password;
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            byte[] clientKey = hmac(salted, "Client Key");
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
            byte[] serverKey = hmac(salted, "Server Key");
            Base64.Encoder b64 = Base64.getEncoder();
            return "SCRAM-SHA-256$" + ITERATIONS + ":" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey)
                    + ":" + b64.encodeToString(serverKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
        }
    }

    private static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
