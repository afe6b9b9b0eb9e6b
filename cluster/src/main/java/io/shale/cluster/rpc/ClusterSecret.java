package io.shale.cluster.rpc;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The shared secret that makes a node a member of its cluster. It never travels: nodes prove
 * they know it with HMAC-SHA256 over nonces of both sides (see {@link Handshake}).
 */
public final class ClusterSecret {
    private static final int GENERATED_BYTES = 32;
    private static final int MIN_LENGTH = 16;

    private final byte[] key;

    private ClusterSecret(byte[] key) {
        this.key = key;
    }

    /** The secret as written in a secret file or {@code SHALE_CLUSTER_SECRET} (surrounding blanks are dropped). */
    public static ClusterSecret of(String text) {
        String trimmed = text.strip();
        if (trimmed.length() < MIN_LENGTH) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "cluster secret must be at least " + MIN_LENGTH + " characters long");
        }
        return new ClusterSecret(trimmed.getBytes(StandardCharsets.UTF_8));
    }

    /** A new random secret (64 hex digits), for {@code ./shale start} and LocalCluster. */
    public static ClusterSecret generate() {
        byte[] random = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(random);
        return of(HexFormat.of().formatHex(random));
    }

    /** The text form, to write into a secret file for other processes. */
    public String text() {
        return new String(key, StandardCharsets.UTF_8);
    }

    /** HMAC-SHA256 of the concatenated parts under this secret. */
    byte[] hmac(byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new ShaleException(ErrorCode.INTERNAL_ERROR, "HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "ClusterSecret[redacted]";
    }
}
