package io.basalt.mysql.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DuplexChannel;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection after a final packet (an ERR) so that the client gets to read it: the output
 * is flushed and half-closed first, and the socket is closed once the client closes its side or a
 * short linger expires. Closing at once could reset the connection while the client is still
 * sending, and a reset makes the client drop the ERR unread.
 */
final class ConnectionCloser {
    private static final long LINGER_MILLIS = 2_000;

    private ConnectionCloser() {}

    static void closeAfterFlush(Channel channel) {
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(flushed -> {
            if (channel instanceof DuplexChannel duplex && channel.isActive()) {
                duplex.shutdownOutput().addListener(shut ->
                        channel.eventLoop().schedule(() -> channel.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS));
            } else {
                channel.close();
            }
        });
    }
}
