package io.shale.cluster.txn;

import io.shale.common.types.RowCodec;
import io.shale.common.types.SqlType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Round trips of the transaction RPC payloads and Citus gids. */
class TransactionPayloadsTest {
    private static final DistributedTransactionId TXN = new DistributedTransactionId(0, "10.0.0.1:5432", 1017, 42, 123456);

    @Test
    void taskRequestsRoundTrip() {
        TaskRequest request = new TaskRequest(TXN, true, "alice", "app", Map.of("search_path", "s1, public",
                "TimeZone", "UTC"), "SELECT 'ünïcode' FROM public.t_102008");
        assertThat(TaskRequest.decode(request.encode())).isEqualTo(request);
        TaskRequest autocommit = new TaskRequest(TXN, true, true, "alice", "app", Map.of(), "SELECT 1");
        assertThat(TaskRequest.decode(autocommit.encode())).isEqualTo(autocommit);
        TransactionRequest prepare = new TransactionRequest(TXN, TXN.gid(2));
        assertThat(TransactionRequest.decode(prepare.encode())).isEqualTo(prepare);
    }

    @Test
    void resultChunksRoundTrip() {
        List<SqlType> types = List.of(SqlType.INT4, SqlType.TEXT);
        SqlType[] array = types.toArray(new SqlType[0]);
        assertThat(TaskChunks.readTypes(TaskChunks.types(types))).isEqualTo(types);
        List<Object[]> rows = new ArrayList<>();
        TaskChunks.readRows(TaskChunks.rows(List.of(RowCodec.encode(array, new Object[] {1, "a"}),
                RowCodec.encode(array, new Object[] {null, "b"}))), array, rows);
        assertThat(rows).containsExactly(new Object[] {1, "a"}, new Object[] {null, "b"});
        byte[] done = TaskChunks.complete(7, "UPDATE 7");
        assertThat(TaskChunks.rowsAffected(done)).isEqualTo(7);
        assertThat(TaskChunks.tag(done)).isEqualTo("UPDATE 7");
        byte[] inline = TaskChunks.inline(TaskChunks.types(types), null, done);
        assertThat(TaskChunks.kind(inline)).isEqualTo(TaskChunks.INLINE);
        byte[][] parts = TaskChunks.inlineParts(inline);
        assertThat(TaskChunks.readTypes(parts[0])).isEqualTo(types);
        assertThat(parts[1]).isNull();
        assertThat(TaskChunks.tag(parts[2])).isEqualTo("UPDATE 7");
    }

    @Test
    void edgesAndTextsRoundTrip() {
        List<WaitEdge> edges = List.of(new WaitEdge(TXN, new DistributedTransactionId(1, "h:1", 2, 3, 4)));
        assertThat(Payloads.decodeEdges(Payloads.encodeEdges(edges))).isEqualTo(edges);
        assertThat(Payloads.decodeTexts(Payloads.encodeTexts(List.of("citus_0_1_2_3", "x")))).containsExactly("citus_0_1_2_3", "x");
    }

    @Test
    void gidsHaveCitusShape() {
        assertThat(TXN.gid(2)).isEqualTo("citus_0_1017_42_2");
        assertThat(PreparedGid.originatesIn("citus_0_1017_42_2", 0)).isTrue();
        assertThat(PreparedGid.originatesIn("citus_1_1017_42_2", 0)).isFalse();
        assertThat(PreparedGid.parse("mine")).isNull();
        assertThat(PreparedGid.parse("citus_0_x_1_2")).isNull();
    }

    @Property(tries = 200)
    void gidsParseBack(@ForAll int group, @ForAll int pid, @ForAll long number, @ForAll int connection) {
        String gid = PreparedGid.format(group, pid, number, connection);
        assertThat(PreparedGid.parse(gid)).isEqualTo(new PreparedGid(group, pid, number, connection));
    }
}
