package io.basalt.mysql.server;

import io.basalt.mysql.codec.MysqlPacket;
import io.basalt.mysql.codec.OversizedPacket;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a MySQL channel: forwards packets and channel events to the
 * {@link MysqlConnection}, enforces the connect timeout, and ends every exception here so none
 * reaches Netty's default logging.
 */
final class MysqlChannelHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(MysqlChannelHandler.class);

    private final MysqlConnection connection;
    private final long connectTimeoutMillis;

    MysqlChannelHandler(MysqlConnection connection, long connectTimeoutMillis) {
        this.connection = connection;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.executor().schedule(() -> {
            if (!connection.authenticated() && ctx.channel().isActive()) {
                LOG.debug("Closing {}: no login within {} ms", ctx.channel().remoteAddress(), connectTimeoutMillis);
                ctx.close();
            }
        }, connectTimeoutMillis, TimeUnit.MILLISECONDS);
        connection.start();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MysqlPacket packet) {
            connection.receive(packet);
        } else if (msg instanceof OversizedPacket oversized) {
            connection.oversized(oversized);
        } else if (msg instanceof TlsRequested) {
            connection.tlsRequested();
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            connection.writable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connection.disconnected();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException || cause.getCause() instanceof SSLException) {
            // Resets, closed sockets, writes after close and failed TLS handshakes (a client that
            // does not trust the certificate) are the client's business, not an error.
            LOG.debug("Connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            LOG.warn("Closing connection {} after an unexpected error: {}", ctx.channel().remoteAddress(), cause.toString());
            LOG.debug("Stack trace of the error on {}", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
