package io.shale.wire;

import io.shale.common.auth.ScramSha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Byte-exact start-up, TLS negotiation, authentication and fatal paths on an EmbeddedChannel. */
@Timeout(30)
class StartupProtocolTest {

    static Bytes startupAnswer(String user, int pid) {
        return Bytes.of().msg('R', 0)
                .msg('S', "application_name", "test")
                .msg('S', "client_encoding", "UTF8")
                .msg('S', "DateStyle", "ISO, MDY")
                .msg('S', "integer_datetimes", "on")
                .msg('S', "server_version", "15.0")
                .msg('S', "session_authorization", user)
                .msg('S', "standard_conforming_strings", "on")
                .msg('S', "TimeZone", "UTC")
                .msg('K', pid, pid * 7 + 3)
                .msg('Z', 'I');
    }

    static Bytes fatal(String sqlState, String message) {
        return Bytes.of().msg('E', 'S', "FATAL", 'V', "FATAL", 'C', sqlState, 'M', message, (byte) 0);
    }

    @Test
    void startupSendsAuthenticationOkParametersKeyDataAndReadyForQuery() throws Exception {
        FakeSessionService service = new FakeSessionService();
        try (WireHarness wire = new WireHarness(service)) {
            assertThat(wire.startup("alice")).isEqualTo(startupAnswer("alice", 1000).bytes());
            assertThat(service.last().startupParameters).containsEntry("application_name", "test")
                    .doesNotContainKeys("user", "database");
        }
    }

    @Test
    void sslAndGssEncryptionRequestsAreRefusedWithN() throws Exception {
        try (WireHarness wire = new WireHarness(new FakeSessionService())) {
            assertThat(wire.send(Bytes.of().frame(PgDecoder.SSL_REQUEST_CODE))).containsExactly('N');
            assertThat(wire.send(Bytes.of().frame(PgDecoder.GSSENC_REQUEST_CODE))).containsExactly('N');
            assertThat(wire.startup("bob")).isEqualTo(startupAnswer("bob", 1000).bytes());
        }
    }

    @Test
    void optionsAreSplitIntoSettings() throws Exception {
        FakeSessionService service = new FakeSessionService();
        try (WireHarness wire = new WireHarness(service)) {
            wire.send(Bytes.of().frame(PgDecoder.PROTOCOL_3_0, "user", "u", "options",
                    " -c intervalstyle=postgres_verbose --search-path=a\\ b -cwork_mem=4MB", "DateStyle", "ISO",
                    "", new byte[0]));
            assertThat(service.last().startupParameters)
                    .containsEntry("intervalstyle", "postgres_verbose")
                    .containsEntry("search_path", "a b")
                    .containsEntry("work_mem", "4MB")
                    .containsEntry("DateStyle", "ISO")
                    .doesNotContainKey("options");
        }
    }

    @Test
    void missingUserIsFatal() throws Exception {
        try (WireHarness wire = new WireHarness(new FakeSessionService())) {
            byte[] answer = wire.send(Bytes.of().frame(PgDecoder.PROTOCOL_3_0, "database", "d", "", new byte[0]));
            assertThat(answer).isEqualTo(fatal("28000", "no PostgreSQL user name specified in startup packet").bytes());
            wire.awaitEnd();
            assertThat(wire.channel.isOpen()).isFalse();
        }
    }

    @Test
    void unsupportedProtocolVersionIsFatal() throws Exception {
        try (WireHarness wire = new WireHarness(new FakeSessionService())) {
            byte[] answer = wire.send(Bytes.of().frame(2 << 16, "user", "u", "", new byte[0]));
            assertThat(answer).isEqualTo(
                    fatal("0A000", "unsupported frontend protocol 2.0: server supports 3.0 to 3.0").bytes());
        }
    }

    @Test
    void oversizedStartupPacketIsFatal() throws Exception {
        try (WireHarness wire = new WireHarness(new FakeSessionService())) {
            byte[] answer = wire.send(Bytes.of().raw(20000, PgDecoder.PROTOCOL_3_0));
            assertThat(answer).isEqualTo(fatal("08P01", "invalid length of startup packet").bytes());
            wire.awaitEnd();
            assertThat(wire.channel.isOpen()).isFalse();
        }
    }

    @Test
    void openFailureIsFatalAfterAuthentication() throws Exception {
        try (WireHarness wire = new WireHarness(new FakeSessionService())) {
            byte[] answer = wire.send(Bytes.of().frame(PgDecoder.PROTOCOL_3_0, "user", "u", "database", "nodb",
                    "", new byte[0]));
            assertThat(answer).isEqualTo(Bytes.of().msg('R', 0)
                    .raw(fatal("3D000", "database \"nodb\" does not exist").bytes()).bytes());
        }
    }

    @Test
    void noMatchingRuleIsRefused() throws Exception {
        List<AuthRule> rules = List.of(new AuthRule("loopback", "all", "all", AuthMethod.TRUST));
        try (WireHarness wire = new WireHarness(new FakeSessionService(), rules, 1 << 20)) {
            assertThat(wire.startup("eve")).isEqualTo(fatal("28000",
                    "no pg_hba.conf entry for host \"[local]\", user \"eve\", database \"db\", no encryption").bytes());
        }
    }

    @Test
    void cleartextPasswordIsCheckedAgainstEveryStoredForm() throws Exception {
        List<AuthRule> rules = List.of(new AuthRule("all", "all", "all", AuthMethod.PASSWORD));
        FakeSessionService service = new FakeSessionService().withRole("plain", "secret")
                .withRole("hashed", PasswordCheck.md5Hash("secret", "hashed"))
                .withRole("scram", ScramSha256.create("secret"));
        for (String user : List.of("plain", "hashed", "scram")) {
            try (WireHarness wire = new WireHarness(service, rules, 1 << 20)) {
                assertThat(wire.startup(user)).isEqualTo(Bytes.of().msg('R', 3).bytes());
                byte[] answer = wire.send(Bytes.of().msg('p', "secret"));
                assertThat(WireHarness.types(answer)).isEqualTo("RSSSSSSSSKZ");
            }
            try (WireHarness wire = new WireHarness(service, rules, 1 << 20)) {
                wire.startup(user);
                assertThat(wire.send(Bytes.of().msg('p', "wrong"))).isEqualTo(
                        fatal("28P01", "password authentication failed for user \"" + user + "\"").bytes());
            }
        }
    }

    @Test
    void md5ExchangeUsesTheSaltSent() throws Exception {
        List<AuthRule> rules = List.of(new AuthRule("all", "all", "all", AuthMethod.MD5));
        FakeSessionService service = new FakeSessionService().withRole("carol", "pw");
        try (WireHarness wire = new WireHarness(service, rules, 1 << 20)) {
            byte[] request = wire.startup("carol");
            assertThat(WireHarness.types(request)).isEqualTo("R");
            byte[] salt = java.util.Arrays.copyOfRange(request, 9, 13);
            String inner = PasswordCheck.md5Hash("pw", "carol").substring(3);
            byte[] salted = new byte[36];
            System.arraycopy(inner.getBytes(StandardCharsets.US_ASCII), 0, salted, 0, 32);
            System.arraycopy(salt, 0, salted, 32, 4);
            String response = "md5" + java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("MD5").digest(salted));
            assertThat(WireHarness.types(wire.send(Bytes.of().msg('p', response)))).isEqualTo("RSSSSSSSSKZ");
        }
    }

    @Test
    void rejectRuleRefusesTheConnection() throws Exception {
        List<AuthRule> rules = List.of(AuthRule.parse("local all all reject"));
        try (WireHarness wire = new WireHarness(new FakeSessionService(), rules, 1 << 20)) {
            assertThat(wire.startup("mallory")).isEqualTo(fatal("28000",
                    "pg_hba.conf rejects connection for host \"[local]\", user \"mallory\", database \"db\", no encryption")
                    .bytes());
        }
    }

    @Test
    void cancelRequestReachesTheSessionServiceAndClosesTheConnection() throws Exception {
        FakeSessionService service = new FakeSessionService();
        try (WireHarness first = new WireHarness(service); WireHarness second = new WireHarness(service)) {
            first.startup("u");
            FakeSession session = service.last();
            assertThat(second.send(Bytes.of().frame(PgDecoder.CANCEL_REQUEST_CODE, 1000, 7003))).isEmpty();
            second.awaitEnd();
            assertThat(second.channel.isOpen()).isFalse();
            assertThat(WireHarness.types(first.send(Bytes.of().msg('Q', "sleep")))).isEqualTo("EZ");
            assertThat(session.sleepStarted.getCount()).isZero();
        }
    }
}
