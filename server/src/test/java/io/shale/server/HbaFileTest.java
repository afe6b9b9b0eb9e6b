package io.shale.server;

import io.shale.common.error.ShaleException;
import io.shale.wire.AuthMethod;
import io.shale.wire.AuthRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HbaFileTest {

    @Test
    void readsPostgresFormat() throws Exception {
        List<AuthRule> rules = HbaFile.parse("""
                # TYPE  DATABASE  USER      ADDRESS                 METHOD
                local   all       postgres                          trust
                host    all       postgres  127.0.0.1/32            trust   # the superuser
                host    citus     all       127.0.0.1 255.255.255.0 scram-sha-256

                hostssl all       all       all                     md5
                """, "pg_hba.conf");
        assertThat(rules).containsExactly(
                new AuthRule("local", "postgres", "all", AuthMethod.TRUST),
                new AuthRule("127.0.0.1/32", "postgres", "all", AuthMethod.TRUST),
                new AuthRule("127.0.0.1/24", "all", "citus", AuthMethod.SCRAM_SHA_256),
                new AuthRule("all", "all", "all", AuthMethod.MD5));
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        assertThat(rules.get(1).matches(loopback, "postgres", "citus")).isTrue();
        assertThat(rules.get(2).matches(loopback, "userservice", "citus")).isTrue();
        assertThat(rules.get(2).matches(loopback, "userservice", "postgres")).isFalse();
    }

    @Test
    void namesTheBadLine() {
        assertThatThrownBy(() -> HbaFile.parse("local all all trust\nhost all all 127.0.0.1/32 kerberos\n", "f"))
                .isInstanceOf(ShaleException.class)
                .hasMessage("invalid authentication method \"kerberos\" in line 2 of configuration file \"f\"");
        assertThatThrownBy(() -> HbaFile.parse("hostgssenc all all all trust", "f"))
                .hasMessageContaining("invalid connection type \"hostgssenc\"");
    }

    @Test
    void absentFileMeansNoRules(@TempDir Path data) throws Exception {
        assertThat(HbaFile.readIfExists(data)).isNull();
        Files.writeString(data.resolve("pg_hba.conf"), "host all all all reject\n");
        assertThat(HbaFile.readIfExists(data)).containsExactly(new AuthRule("all", "all", "all", AuthMethod.REJECT));
    }
}
