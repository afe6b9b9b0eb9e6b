package io.shale.cluster.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every frame type survives a write and a read; a changed byte is caught by the checksum. */
class FrameDescriptorTest {
    private static final byte[] NONCE = new byte[32];

    static List<Frame> samples() {
        return List.of(
                new Frame.Hello(FrameDescriptor.VERSION, "node-1:5432", NONCE),
                new Frame.Challenge(NONCE, NONCE),
                new Frame.Proof(NONCE),
                new Frame.Welcome(1024, 1 << 26),
                new Frame.Request(7, 1_500_000, "execute_task", new byte[] {1, 2, 3}),
                new Frame.Response(7, new byte[] {4, 5}),
                new Frame.Chunk(7, new byte[0]),
                new Frame.Failure(7, "42P01", "relation \"t\" does not exist", null, "é hint"),
                new Frame.Cancel(7),
                new Frame.Credit(7, 8));
    }

    @Test
    void everyFrameTypeRoundTrips() {
        for (Frame frame : samples()) {
            ByteBuf buf = Unpooled.buffer();
            FrameDescriptor.write(frame, buf);
            assertThat(buf.getInt(0)).isEqualTo(buf.readableBytes() - FrameDescriptor.LENGTH_FIELD);
            Frame read = FrameDescriptor.read(buf);
            assertThat(read).usingRecursiveComparison().isEqualTo(frame);
        }
    }

    @Property(tries = 200)
    void anyChangedByteIsRejected(@ForAll @IntRange(min = 0, max = 9) int sample, @ForAll @IntRange(min = 4) int position,
                                  @ForAll @IntRange(min = 1, max = 255) int flip) {
        ByteBuf buf = Unpooled.buffer();
        FrameDescriptor.write(samples().get(sample), buf);
        int index = FrameDescriptor.LENGTH_FIELD + position % (buf.readableBytes() - FrameDescriptor.LENGTH_FIELD);
        buf.setByte(index, buf.getByte(index) ^ flip);
        assertThatThrownBy(() -> FrameDescriptor.read(buf))
                .isInstanceOfSatisfying(ShaleException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION));
    }

    @Test
    void nodeAddressesParseAndPrint() {
        assertThat(NodeAddress.parse("10.0.0.1:5432")).isEqualTo(new NodeAddress("10.0.0.1", 5432));
        assertThat(NodeAddress.parse("[::1]:5433").toString()).isEqualTo("[::1]:5433");
        assertThatThrownBy(() -> NodeAddress.parse("host")).isInstanceOf(ShaleException.class)
                .hasMessage("invalid node address \"host\"");
        assertThatThrownBy(() -> NodeAddress.parse("host:99999")).isInstanceOf(ShaleException.class);
    }
}
