package io.shale.wire;

import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthRuleTest {

    @Test
    void addressForms() {
        InetAddress loopback = InetAddress.ofLiteral("127.0.0.1");
        InetAddress lan = InetAddress.ofLiteral("10.1.2.3");
        InetAddress v6 = InetAddress.ofLiteral("::1");
        assertThat(AuthRule.parse("local all all trust").matches(null, "u", "d")).isTrue();
        assertThat(AuthRule.parse("local all all trust").matches(loopback, "u", "d")).isFalse();
        assertThat(AuthRule.parse("loopback all all trust").matches(v6, "u", "d")).isTrue();
        assertThat(AuthRule.parse("loopback all all trust").matches(lan, "u", "d")).isFalse();
        assertThat(AuthRule.parse("10.0.0.0/8 all all md5").matches(lan, "u", "d")).isTrue();
        assertThat(AuthRule.parse("10.1.2.0/25 all all md5").matches(lan, "u", "d")).isTrue();
        assertThat(AuthRule.parse("10.1.2.4 all all md5").matches(lan, "u", "d")).isFalse();
        assertThat(AuthRule.parse("10.0.0.0/8 all all md5").matches(v6, "u", "d")).isFalse();
        assertThat(AuthRule.parse("all all all reject").matches(lan, "u", "d")).isTrue();
    }

    @Test
    void userAndDatabaseLists() {
        AuthRule rule = AuthRule.parse("all alice,bob sales scram-sha-256");
        assertThat(rule.method()).isEqualTo(AuthMethod.SCRAM_SHA_256);
        assertThat(rule.matches(null, "bob", "sales")).isTrue();
        assertThat(rule.matches(null, "carol", "sales")).isFalse();
        assertThat(rule.matches(null, "alice", "hr")).isFalse();
    }

    @Test
    void invalidRulesAreRejected() {
        assertThatThrownBy(() -> AuthRule.parse("10.0.0.0/33 all all md5")).isInstanceOf(ShaleException.class);
        assertThatThrownBy(() -> AuthRule.parse("host all all md5")).isInstanceOf(ShaleException.class);
        assertThatThrownBy(() -> AuthRule.parse("all all all ident")).isInstanceOf(ShaleException.class)
                .hasMessage("invalid authentication method \"ident\"");
    }

    @Test
    void wireConfigValidation() {
        assertThat(WireConfig.defaults(0).maxMessageSize()).isEqualTo(1 << 30);
        assertThatThrownBy(() -> WireConfig.defaults(0).withMaxMessageSize(3)).isInstanceOf(ShaleException.class);
        assertThatThrownBy(() -> WireConfig.defaults(70000)).isInstanceOf(ShaleException.class);
        assertThatThrownBy(() -> WireConfig.defaults(0).withTls(java.nio.file.Path.of("c.pem"), null))
                .isInstanceOf(ShaleException.class);
    }

    @Test
    void startupOptions() {
        assertThat(StartupOptions.parse(" -c intervalstyle=postgres_verbose")).isEqualTo(
                Map.of("intervalstyle", "postgres_verbose"));
        assertThat(StartupOptions.parse("-c a=x\\ y --b-c=1")).containsExactly(
                Map.entry("a", "x y"), Map.entry("b_c", "1"));
        assertThatThrownBy(() -> StartupOptions.parse("-B 100")).isInstanceOf(ShaleException.class)
                .hasMessage("invalid command-line argument for server process: -B");
    }
}
