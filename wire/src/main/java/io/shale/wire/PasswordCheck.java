package io.shale.wire;

import io.shale.common.auth.ScramSha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Compares what a client sent with a role's stored password, which is a SCRAM-SHA-256 verifier,
 * an MD5 hash ({@code md5} + md5(password + user) in hex) or, for any other string, the password
 * itself.
 */
final class PasswordCheck {
    private PasswordCheck() {
    }

    static boolean isMd5Hash(String stored) {
        return stored.length() == 35 && stored.startsWith("md5") && stored.substring(3).chars()
                .allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    /** A password sent in clear text (AuthenticationCleartextPassword). */
    static boolean matchesCleartext(String stored, String user, String password) {
        ScramSha256.Verifier verifier = ScramSha256.Verifier.parse(stored);
        if (verifier != null) {
            ScramSha256.Verifier computed = ScramSha256.verifier(password, verifier.salt(), verifier.iterations());
            return MessageDigest.isEqual(computed.storedKey(), verifier.storedKey())
                    && MessageDigest.isEqual(computed.serverKey(), verifier.serverKey());
        }
        if (isMd5Hash(stored)) {
            return equal(stored, md5Hash(password, user));
        }
        return equal(stored, password);
    }

    /** A response to AuthenticationMD5Password: {@code md5} + md5(md5hash + salt) in hex. */
    static boolean matchesMd5(String stored, String user, byte[] salt, String response) {
        String hash = isMd5Hash(stored) ? stored : md5Hash(stored, user);
        byte[] hex = hash.substring(3).getBytes(StandardCharsets.US_ASCII);
        byte[] salted = new byte[hex.length + salt.length];
        System.arraycopy(hex, 0, salted, 0, hex.length);
        System.arraycopy(salt, 0, salted, hex.length, salt.length);
        return equal("md5" + md5Hex(salted), response);
    }

    /** The verifier to run SCRAM against, or null when the stored password cannot serve (md5 or none). */
    static ScramSha256.Verifier scramVerifier(String stored) {
        if (stored == null || isMd5Hash(stored)) {
            return null;
        }
        ScramSha256.Verifier verifier = ScramSha256.Verifier.parse(stored);
        if (verifier != null) {
            return verifier;
        }
        return ScramSha256.Verifier.parse(ScramSha256.create(stored));
    }

    /** PostgreSQL's stored MD5 form of a password. */
    static String md5Hash(String password, String user) {
        return "md5" + md5Hex((password + user).getBytes(StandardCharsets.UTF_8));
    }

    private static String md5Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is unavailable", e);
        }
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
