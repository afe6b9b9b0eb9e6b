package io.shale.wire;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;

/**
 * Takes over a connection on the PostgreSQL port that opened with the internal-traffic magic
 * (the cluster's RPC). Called on the channel's event loop, after the magic was consumed and,
 * for the TLS magic, after a server-side TLS handler was put in front; the handlers the acceptor
 * adds with {@code pipeline.addLast} receive every later byte. The channel is already active:
 * added handlers get no {@code channelActive}. Must not block.
 */
@FunctionalInterface
public interface InternalConnectionAcceptor {
    void accept(Channel channel, ChannelPipeline pipeline);
}
