package io.shale.cluster.node;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Round trips of the metadata-sync payloads and the catalog-version header. */
class SyncMessagesTest {
    @Property(tries = 200)
    void forwardedStatementsRoundTrip(@ForAll String role, @ForAll String database, @ForAll String name,
                                      @ForAll String value, @ForAll String sql) {
        ForwardedStatement statement = new ForwardedStatement(role, database, Map.of(name, value), sql);
        assertThat(SyncMessages.readForward(SyncMessages.forward(statement))).isEqualTo(statement);
    }

    @Property(tries = 100)
    void headerCarriesTheVersion(@ForAll long version, @ForAll byte[] payload) {
        byte[] framed = ClusterCalls.withHeader(version, payload);
        assertThat(ClusterCalls.headerVersion(framed)).isEqualTo(version);
        assertThat(framed.length).isEqualTo(payload.length + ClusterCalls.HEADER_LENGTH);
    }

    @Test
    void joinAndResultRoundTrip() {
        SyncMessages.Join join = SyncMessages.readJoin(SyncMessages.join(3, new byte[] {1, 2, 3}));
        assertThat(join.group()).isEqualTo(3);
        assertThat(join.catalog()).containsExactly(1, 2, 3);
        assertThat(SyncMessages.readForwardResult(SyncMessages.forwardResult(new ForwardedStatement.Result(7, "CREATE TABLE"))))
                .isEqualTo(new ForwardedStatement.Result(7, "CREATE TABLE"));
        ForwardedStatement.Result withNotices = new ForwardedStatement.Result(8, "GRANT", java.util.List.of(
                new ForwardedStatement.Message("WARNING", "01007", "no privileges were granted for \"t\"", null, null),
                new ForwardedStatement.Message("NOTICE", "00000", "détail", "a detail", "a hint")));
        assertThat(SyncMessages.readForwardResult(SyncMessages.forwardResult(withNotices))).isEqualTo(withNotices);
        assertThat(SyncMessages.readVersion(SyncMessages.version(-5))).isEqualTo(-5);
    }

    @Test
    void truncatedPayloadsAreProtocolViolations() {
        byte[] join = SyncMessages.join(3, new byte[10]);
        assertThatThrownBy(() -> SyncMessages.readJoin(java.util.Arrays.copyOf(join, join.length - 1)))
                .isInstanceOfSatisfying(ShaleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION));
        assertThatThrownBy(() -> ClusterCalls.headerVersion(new byte[3]))
                .isInstanceOfSatisfying(ShaleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION));
    }
}
