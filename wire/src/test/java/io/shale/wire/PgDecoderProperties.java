package io.shale.wire;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The decoder gives the same messages however TCP splits the bytes, and survives any garbage. */
class PgDecoderProperties {
    private static final byte[] STARTUP = Bytes.of().frame(PgDecoder.PROTOCOL_3_0, "user", "u", "", new byte[0]).bytes();
    private static final byte[] SESSION = Bytes.of()
            .frame(PgDecoder.SSL_REQUEST_CODE)
            .raw(STARTUP)
            .msg('Q', "select 1; select 2")
            .msg('P', "s1", "select $1", (short) 1, 23)
            .msg('B', "p", "s1", (short) 1, (short) 1, (short) 2, 4, 42, -1, (short) 1, (short) 1)
            .msg('D', 'P', "p")
            .msg('E', "p", 10)
            .msg('C', 'S', "s1")
            .msg('H')
            .msg('S')
            .msg('d', new byte[] {1, 2, 3})
            .msg('c')
            .msg('f', "stop")
            .msg('p', "secret")
            .msg('X')
            .bytes();

    @Property(tries = 200)
    void fragmentationDoesNotChangeTheMessages(@ForAll("cuts") List<Integer> cuts) {
        List<String> whole = decode(List.of(SESSION));
        assertThat(whole).hasSize(15).noneMatch(m -> m.startsWith("Malformed"));
        assertThat(decode(split(SESSION, cuts))).isEqualTo(whole);
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, SESSION.length).list().ofMaxSize(30);
    }

    @Property(tries = 300)
    void garbageAfterStartupEndsInAtMostOneMalformedMessage(@ForAll @Size(max = 300) byte[] garbage,
                                                            @ForAll @IntRange(min = 1, max = 50) int chunk) {
        byte[] data = new byte[STARTUP.length + garbage.length];
        System.arraycopy(STARTUP, 0, data, 0, STARTUP.length);
        System.arraycopy(garbage, 0, data, STARTUP.length, garbage.length);
        List<byte[]> pieces = new ArrayList<>();
        for (int i = 0; i < data.length; i += chunk) {
            pieces.add(Arrays.copyOfRange(data, i, Math.min(data.length, i + chunk)));
        }
        List<String> messages = decode(pieces);
        long malformed = messages.stream().filter(m -> m.startsWith("Malformed")).count();
        assertThat(malformed).isLessThanOrEqualTo(1);
        if (malformed == 1) {
            assertThat(messages.getLast()).startsWith("Malformed");
        }
    }

    @net.jqwik.api.Example
    void unencryptedBytesAfterSslRequestAreRefusedWhenTlsIsOn() {
        EmbeddedChannel channel = new EmbeddedChannel(new PgDecoder(1 << 20, true));
        channel.writeInbound(Unpooled.wrappedBuffer(Bytes.of().frame(PgDecoder.SSL_REQUEST_CODE).raw(STARTUP).bytes()));
        assertThat((Object) channel.readInbound())
                .isEqualTo(new FrontendMessage.Malformed("received unencrypted data after SSL request"));
        assertThat((Object) channel.readInbound()).isNull();
        channel.finishAndReleaseAll();
    }

    private static List<byte[]> split(byte[] data, List<Integer> cuts) {
        List<Integer> sorted = new ArrayList<>(cuts);
        sorted.add(0);
        sorted.add(data.length);
        sorted.sort(null);
        List<byte[]> pieces = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            pieces.add(Arrays.copyOfRange(data, sorted.get(i - 1), sorted.get(i)));
        }
        return pieces;
    }

    private static List<String> decode(List<byte[]> pieces) {
        EmbeddedChannel channel = new EmbeddedChannel(new PgDecoder(1 << 20, false));
        for (byte[] piece : pieces) {
            channel.writeInbound(Unpooled.wrappedBuffer(piece));
        }
        List<String> messages = new ArrayList<>();
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            messages.add(render((FrontendMessage) message));
        }
        channel.finishAndReleaseAll();
        return messages;
    }

    /** A comparable text of a message (records with arrays do not compare by content). */
    private static String render(FrontendMessage message) {
        return switch (message) {
            case FrontendMessage.Parse p -> "Parse" + p.name() + p.sql() + Arrays.toString(p.parameterTypes());
            case FrontendMessage.Bind b -> "Bind" + b.portal() + b.statement() + Arrays.toString(b.parameterFormats())
                    + Arrays.deepToString(b.parameters()) + Arrays.toString(b.resultFormats());
            case FrontendMessage.CopyData d -> "CopyData" + Arrays.toString(d.data());
            case FrontendMessage.PasswordMessage p -> "Password" + Arrays.toString(p.data());
            default -> message.toString();
        };
    }
}
