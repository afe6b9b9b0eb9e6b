package io.shale.wire;

import io.shale.common.auth.ScramSha256;
import io.shale.common.auth.SaslPrep;
import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SCRAM-SHA-256 against the example exchange of RFC 7677 section 3. */
class ScramSha256Test {
    private static final String CLIENT_NONCE = "rOprNGfwEbeRWgbNEkqO";
    private static final String SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private static final byte[] SALT = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");

    @Test
    void rfc7677Example() {
        ScramExchange exchange = new ScramExchange(ScramSha256.verifier("pencil", SALT, 4096), SERVER_NONCE);
        assertThat(exchange.serverFirst("n,,n=user,r=" + CLIENT_NONCE)).isEqualTo(
                "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
        assertThat(exchange.serverFinal("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="))
                .isEqualTo("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    }

    @Test
    void wrongProofFails() {
        ScramExchange exchange = new ScramExchange(ScramSha256.verifier("other", SALT, 4096), SERVER_NONCE);
        exchange.serverFirst("n,,n=user,r=" + CLIENT_NONCE);
        assertThat(exchange.serverFinal("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")).isNull();
    }

    @Test
    void unknownRoleAlwaysFails() {
        ScramExchange exchange = new ScramExchange(null, SERVER_NONCE);
        assertThat(exchange.serverFirst("n,,n=,r=abc")).startsWith("r=abc" + SERVER_NONCE + ",s=");
        assertThat(exchange.serverFinal("c=biws,r=abc" + SERVER_NONCE + ",p="
                + Base64.getEncoder().encodeToString(new byte[32]))).isNull();
    }

    @Test
    void malformedMessagesAreProtocolViolations() {
        ScramExchange exchange = new ScramExchange(null, SERVER_NONCE);
        assertThatThrownBy(() -> exchange.serverFirst("p=tls-server-end-point,,n=,r=a"))
                .isInstanceOf(ShaleException.class).hasMessage("malformed SCRAM message");
        assertThatThrownBy(() -> exchange.serverFirst("n,,n=u"))
                .isInstanceOf(ShaleException.class).hasMessage("malformed SCRAM message");
        exchange.serverFirst("y,,n=,r=abc");
        assertThatThrownBy(() -> exchange.serverFinal("c=biws,r=abc" + SERVER_NONCE + ",p=AAAA"))
                .isInstanceOf(ShaleException.class).hasMessage("malformed SCRAM message");
    }

    @Test
    void createdVerifierHasPostgresFormAndChecksPasswords() {
        String stored = ScramSha256.create("secret");
        assertThat(stored).matches("SCRAM-SHA-256\\$4096:[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}:[A-Za-z0-9+/=]{44}");
        assertThat(ScramSha256.isVerifier(stored)).isTrue();
        assertThat(PasswordCheck.matchesCleartext(stored, "u", "secret")).isTrue();
        assertThat(PasswordCheck.matchesCleartext(stored, "u", "Secret")).isFalse();
        assertThat(ScramSha256.create("secret")).isNotEqualTo(stored);
        assertThat(ScramSha256.isVerifier("md5abc")).isFalse();
    }

    @Test
    void postgresStoredVerifierIsAccepted() {
        // as PostgreSQL 15 stores SET password_encryption='scram-sha-256'; CREATE ROLE u PASSWORD 'pencil'
        // with the RFC's salt: the keys are derived the same way
        String stored = ScramSha256.verifier("pencil", SALT, 4096).toString();
        assertThat(ScramSha256.Verifier.parse(stored).toString()).isEqualTo(stored);
        assertThat(PasswordCheck.matchesCleartext(stored, "user", "pencil")).isTrue();
    }

    @Test
    void saslPrepExamplesOfRfc4013() {
        assertThat(SaslPrep.normalize("I\u00ADX")).isEqualTo("IX");
        assertThat(SaslPrep.normalize("user")).isEqualTo("user");
        assertThat(SaslPrep.normalize("\u00AA")).isEqualTo("a");
        assertThat(SaslPrep.normalize("\u2168")).isEqualTo("IX");
        assertThat(SaslPrep.normalize("a\u00A0b")).isEqualTo("a b");
        assertThat(SaslPrep.normalize("\u00e9\u0007")).isEqualTo("\u00e9\u0007");
        assertThat(PasswordCheck.matchesCleartext(ScramSha256.create("\u2168"), "u", "IX")).isTrue();
    }

    @Test
    void md5HashMatchesPostgres() {
        // SELECT 'md5' || md5('secret' || 'alice') in PostgreSQL
        assertThat(PasswordCheck.md5Hash("secret", "alice")).isEqualTo("md5" + md5("secretalice"));
        assertThat(PasswordCheck.isMd5Hash(PasswordCheck.md5Hash("a", "b"))).isTrue();
    }

    private static String md5(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
