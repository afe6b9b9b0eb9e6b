package io.shale.cluster.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes {@link Frame}s in the layout of {@link FrameDescriptor}. Stateless, shared by every channel. */
@ChannelHandler.Sharable
final class FrameEncoder extends MessageToByteEncoder<Frame> {

    FrameEncoder() {
        super(Frame.class);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Frame frame, boolean preferDirect) {
        int payload = switch (frame) {
            case Frame.Request request -> request.payload().length + request.method().length() * 3;
            case Frame.Response response -> response.payload().length;
            case Frame.Chunk chunk -> chunk.payload().length;
            default -> 128;
        };
        return ctx.alloc().ioBuffer(FrameDescriptor.BODY_OFFSET + 16 + payload);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Frame frame, ByteBuf out) {
        FrameDescriptor.write(frame, out);
    }
}
