package io.shale.wire;

import io.shale.common.types.TypeOids;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** Byte-exact simple and extended query, COPY and framing errors on an EmbeddedChannel. */
@Timeout(30)
class QueryProtocolTest {
    private static final short TEXT = 0;
    private static final short BINARY = 1;

    private FakeSessionService service;
    private WireHarness wire;

    @BeforeEach
    void connect() {
        service = new FakeSessionService();
        wire = new WireHarness(service);
        wire.startup("alice");
    }

    @AfterEach
    void disconnect() throws Exception {
        wire.close();
    }

    private static Bytes int4Column(Bytes bytes, String name, short format) {
        return bytes.msg('T', (short) 1, name, 0, (short) 0, TypeOids.INT4, (short) 4, -1, format);
    }

    @Test
    void simpleQueryWithTwoStatements() {
        byte[] answer = wire.send(Bytes.of().msg('Q', "select 1; echo hi"));
        Bytes expected = int4Column(Bytes.of(), "?column?", TEXT)
                .msg('D', (short) 1, 1, "1".getBytes())
                .msg('C', "SELECT 1")
                .msg('T', (short) 1, "echo", 0, (short) 0, TypeOids.TEXT, (short) -1, -1, TEXT)
                .msg('D', (short) 1, 2, "hi".getBytes())
                .msg('C', "SELECT 1")
                .msg('Z', 'I');
        assertThat(answer).isEqualTo(expected.bytes());
    }

    @Test
    void errorMidScriptStopsTheScriptAndKeepsTheSession() {
        byte[] answer = wire.send(Bytes.of().msg('Q', "select 1; error; select 2"));
        Bytes expected = int4Column(Bytes.of(), "?column?", TEXT)
                .msg('D', (short) 1, 1, "1".getBytes())
                .msg('C', "SELECT 1")
                .msg('E', 'S', "ERROR", 'V', "ERROR", 'C', "42601", 'M', "syntax error at or near \"error\"",
                        'H', "fake hint", 'P', "1", (byte) 0)
                .msg('Z', 'I');
        assertThat(answer).isEqualTo(expected.bytes());
        assertThat(WireHarness.types(wire.send(Bytes.of().msg('Q', "select 3")))).isEqualTo("TDCZ");
    }

    @Test
    void engineBugBecomesInternalErrorWithoutJavaDetails() {
        byte[] answer = wire.send(Bytes.of().msg('Q', "boom"));
        assertThat(answer).isEqualTo(Bytes.of()
                .msg('E', 'S', "ERROR", 'V', "ERROR", 'C', "XX000", 'M', "internal error", (byte) 0)
                .msg('Z', 'I').bytes());
    }

    @Test
    void emptyQueryNoticeAndParameterChanges() {
        assertThat(wire.send(Bytes.of().msg('Q', " "))).isEqualTo(Bytes.of().msg('I').msg('Z', 'I').bytes());
        assertThat(wire.send(Bytes.of().msg('Q', "notice"))).isEqualTo(Bytes.of()
                .msg('N', 'S', "NOTICE", 'V', "NOTICE", 'C', "00000", 'M', "fake notice", 'D', "some detail", (byte) 0)
                .msg('C', "DO").msg('Z', 'I').bytes());
        assertThat(wire.send(Bytes.of().msg('Q', "set application_name = 'psql'"))).isEqualTo(Bytes.of()
                .msg('C', "SET").msg('S', "application_name", "psql").msg('Z', 'I').bytes());
        assertThat(WireHarness.types(wire.send(Bytes.of().msg('Q', "begin")))).isEqualTo("CZ");
        assertThat(wire.send(Bytes.of().msg('Q', "error"))).endsWith(Bytes.of().msg('Z', 'E').bytes());
    }

    @Test
    void extendedQueryWithPortalSuspended() {
        byte[] answer = wire.send(Bytes.of()
                .msg('P', "", "generate 5", (short) 0)
                .msg('B', "p1", "", (short) 0, (short) 0, (short) 1, BINARY)
                .msg('D', 'P', "p1")
                .msg('E', "p1", 2)
                .msg('E', "p1", 0)
                .msg('C', 'P', "p1")
                .msg('S'));
        Bytes expected = int4Column(Bytes.of().msg('1').msg('2'), "n", BINARY)
                .msg('D', (short) 1, 4, 1)
                .msg('D', (short) 1, 4, 2)
                .msg('s')
                .msg('D', (short) 1, -1)
                .msg('D', (short) 1, 4, 4)
                .msg('D', (short) 1, 4, 5)
                .msg('C', "SELECT 3")
                .msg('3')
                .msg('Z', 'I');
        assertThat(answer).isEqualTo(expected.bytes());
    }

    @Test
    void describeStatementAndBinaryParameters() {
        byte[] answer = wire.send(Bytes.of()
                .msg('P', "s1", "select $1", (short) 1, 0)
                .msg('D', 'S', "s1")
                .msg('B', "", "s1", (short) 1, BINARY, (short) 1, 4, 42, (short) 0)
                .msg('E', "", 0)
                .msg('S'));
        Bytes expected = int4Column(Bytes.of().msg('1').msg('t', (short) 1, TypeOids.INT4), "?column?", TEXT)
                .msg('2')
                .msg('D', (short) 1, 2, "42".getBytes())
                .msg('C', "SELECT 1")
                .msg('Z', 'I');
        assertThat(answer).isEqualTo(expected.bytes());
        assertThat(service.last().boundParameters.getFirst()).containsExactly(42);
        assertThat(wire.send(Bytes.of().msg('B', "", "s1", (short) 0, (short) 1, -1, (short) 0)
                .msg('D', 'P', "").msg('E', "", 0).msg('S'))).isEqualTo(
                int4Column(Bytes.of().msg('2'), "?column?", TEXT)
                        .msg('D', (short) 1, -1).msg('C', "SELECT 1").msg('Z', 'I').bytes());
    }

    @Test
    void afterAnErrorMessagesAreSkippedUntilSync() {
        byte[] answer = wire.send(Bytes.of()
                .msg('P', "", "error", (short) 0)
                .msg('B', "", "", (short) 0, (short) 0, (short) 0)
                .msg('E', "", 0)
                .msg('Q', "select 1")
                .msg('S')
                .msg('P', "", "select 7", (short) 0)
                .msg('B', "", "", (short) 0, (short) 0, (short) 0)
                .msg('E', "", 0)
                .msg('S'));
        assertThat(WireHarness.types(answer)).isEqualTo("EZ12DCZ");
    }

    @Test
    void bindWithTheWrongParameterCountIsAnError() {
        byte[] answer = wire.send(Bytes.of()
                .msg('P', "s", "select $1", (short) 0)
                .msg('B', "", "s", (short) 0, (short) 0, (short) 0)
                .msg('S'));
        assertThat(answer).isEqualTo(Bytes.of().msg('1')
                .msg('E', 'S', "ERROR", 'V', "ERROR", 'C', "08P01", 'M',
                        "bind message supplies 0 parameters, but prepared statement \"s\" requires 1", (byte) 0)
                .msg('Z', 'I').bytes());
    }

    @Test
    void bindChecksFormatCodes() {
        byte[] answer = wire.send(Bytes.of()
                .msg('P', "s", "select $1", (short) 0)
                .msg('B', "", "s", (short) 1, (short) 2, (short) 1, 1, "x".getBytes(), (short) 0)
                .msg('S')
                .msg('B', "", "s", (short) 0, (short) 1, 1, "1".getBytes(), (short) 2, (short) 0, (short) 0)
                .msg('S'));
        assertThat(answer).isEqualTo(Bytes.of().msg('1')
                .msg('E', 'S', "ERROR", 'V', "ERROR", 'C', "22023", 'M', "unsupported format code: 2", (byte) 0)
                .msg('Z', 'I')
                .msg('E', 'S', "ERROR", 'V', "ERROR", 'C', "08P01", 'M',
                        "bind message has 2 result formats but query has 1 columns", (byte) 0)
                .msg('Z', 'I').bytes());
    }

    @Test
    void pipelinedBatchIsWrittenOnce() {
        Bytes batch = Bytes.of();
        for (int i = 0; i < 3; i++) {
            batch.msg('P', "", "select " + i, (short) 0).msg('B', "", "", (short) 0, (short) 0, (short) 0)
                    .msg('D', 'P', "").msg('E', "", 0).msg('S');
        }
        wire.channel.writeInbound(io.netty.buffer.Unpooled.wrappedBuffer(batch.bytes()));
        wire.awaitQuiet();
        int writes = 0;
        StringBuilder types = new StringBuilder();
        for (Object message = wire.channel.readOutbound(); message != null; message = wire.channel.readOutbound()) {
            io.netty.buffer.ByteBuf buf = (io.netty.buffer.ByteBuf) message;
            types.append(WireHarness.types(io.netty.buffer.ByteBufUtil.getBytes(buf)));
            buf.release();
            writes++;
        }
        assertThat(types.toString()).isEqualTo("12TDCZ".repeat(3));
        assertThat(writes).isEqualTo(1);
    }

    @Test
    void copyInWithPsqlsTerminatorInOneCopyData() {
        assertThat(wire.send(Bytes.of().msg('Q', "COPY  t1 FROM STDIN "))).isEqualTo(Bytes.of()
                .msg('G', (byte) 0, (short) 2, (short) 0, (short) 0).bytes());
        byte[] answer = wire.send(Bytes.of().msg('d', "1\ta\n2\tb\n\\.\n".getBytes()).msg('c'));
        assertThat(answer).isEqualTo(Bytes.of().msg('C', "COPY 2").msg('Z', 'I').bytes());
        assertThat(service.last().copiedIn).isEqualTo("1\ta\n2\tb\n\\.\n");
    }

    @Test
    void copyFailIsReportedAsCancel() {
        wire.send(Bytes.of().msg('Q', "copy t from stdin"));
        byte[] answer = wire.send(Bytes.of().msg('d', "1\n".getBytes()).msg('f', "aborted by user"));
        assertThat(answer).isEqualTo(Bytes.of()
                .msg('E', 'S', "ERROR", 'V', "ERROR", 'C', "57014", 'M', "COPY from stdin failed: aborted by user",
                        (byte) 0)
                .msg('Z', 'I').bytes());
    }

    @Test
    void copyOut() {
        assertThat(wire.send(Bytes.of().msg('Q', "copy t to stdout"))).isEqualTo(Bytes.of()
                .msg('H', (byte) 0, (short) 2, (short) 0, (short) 0)
                .msg('d', "1\ta\n".getBytes())
                .msg('d', "2\tb\n".getBytes())
                .msg('c')
                .msg('C', "COPY 2")
                .msg('Z', 'I').bytes());
    }

    @Test
    void malformedFrameEndsOnlyThisConnection() throws Exception {
        FakeSession session = service.last();
        try (WireHarness other = new WireHarness(service)) {
            other.startup("bob");
            byte[] answer = wire.send(Bytes.of().raw((byte) 'Q', 2));
            assertThat(answer).isEqualTo(StartupProtocolTest.fatal("08P01", "invalid message length").bytes());
            wire.awaitEnd();
            assertThat(wire.channel.isOpen()).isFalse();
            assertThat(session.closed.getCount()).isZero();
            assertThat(WireHarness.types(other.send(Bytes.of().msg('Q', "select 1")))).isEqualTo("TDCZ");
        }
    }

    @Test
    void truncatedBodyAndUnknownTypeAreFatal() throws Exception {
        assertThat(wire.send(Bytes.of().msg('B', "portal-without-rest")))
                .isEqualTo(StartupProtocolTest.fatal("08P01", "invalid message format").bytes());
        try (WireHarness other = new WireHarness(service)) {
            other.startup("bob");
            assertThat(other.send(Bytes.of().msg('z')))
                    .isEqualTo(StartupProtocolTest.fatal("08P01", "invalid frontend message type 122").bytes());
        }
    }

    @Test
    void oversizedMessageIsFatal() throws Exception {
        try (WireHarness small = new WireHarness(service, AuthRule.trustLocal(), 1024)) {
            small.startup("bob");
            assertThat(small.send(Bytes.of().raw((byte) 'Q', 5000)))
                    .isEqualTo(StartupProtocolTest.fatal("08P01", "invalid message length").bytes());
        }
    }

    @Test
    void terminateClosesTheSession() throws Exception {
        FakeSession session = service.last();
        assertThat(wire.send(Bytes.of().msg('X'))).isEmpty();
        wire.awaitEnd();
        assertThat(session.closed.getCount()).isZero();
        assertThat(wire.channel.isOpen()).isFalse();
    }
}
