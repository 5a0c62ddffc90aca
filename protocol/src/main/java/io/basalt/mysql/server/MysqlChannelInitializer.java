package io.basalt.mysql.server;

import io.basalt.mysql.codec.PacketDecoder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;

/**
 * Sets up each accepted channel: the TLS negotiator when TLS is configured, packet framing, then
 * the connection's handler. Compression handlers are added in front of the framing after login.
 */
final class MysqlChannelInitializer extends ChannelInitializer<Channel> {
    /** Name of the packet decoder, the anchor for handlers added later. */
    static final String PACKETS = "packets";
    /** Name of the TLS handler once the client asked for TLS. */
    static final String TLS = "tls";

    private final ServerContext server;
    private final ChannelGroup channels;

    MysqlChannelInitializer(ServerContext server, ChannelGroup channels) {
        this.server = server;
        this.channels = channels;
    }

    @Override
    protected void initChannel(Channel channel) {
        // Until login only a handshake response is expected, so a small limit refuses garbage early.
        PacketDecoder decoder = new PacketDecoder(Math.min(Authentication.MAX_HANDSHAKE_PACKET, server.config().maxAllowedPacket()));
        MysqlConnection connection = new MysqlConnection(channel, decoder, server);
        if (server.tls() != null) {
            channel.pipeline().addLast("tls-negotiator", new TlsNegotiator(server.tls()));
        }
        channel.pipeline()
                .addLast(PACKETS, decoder)
                .addLast("connection", new MysqlChannelHandler(connection, server.config().connectTimeout().toMillis()));
        channels.add(channel);
    }
}
