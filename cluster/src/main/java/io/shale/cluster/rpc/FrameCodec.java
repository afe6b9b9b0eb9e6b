package io.shale.cluster.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/** Splits the byte stream of an RPC channel into {@link Frame}s ({@link FrameDescriptor}). */
final class FrameCodec extends LengthFieldBasedFrameDecoder {

    FrameCodec(int maxFrameSize) {
        super(maxFrameSize, 0, FrameDescriptor.LENGTH_FIELD, 0, 0);
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        ByteBuf frame = (ByteBuf) super.decode(ctx, in);
        if (frame == null) {
            return null;
        }
        try {
            return FrameDescriptor.read(frame);
        } finally {
            frame.release();
        }
    }
}
