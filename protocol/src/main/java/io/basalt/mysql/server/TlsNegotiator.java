package io.basalt.mysql.server;

import io.basalt.mysql.codec.SslRequest;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import java.util.List;

/**
 * The first handler of a channel on a TLS-enabled listener. It looks at the client's first packet
 * before anything decodes it: an SSL request is consumed, reported as {@link TlsRequested}, and
 * the negotiator replaces itself with an SslHandler, which receives every byte that followed the
 * request (clients start their TLS handshake without waiting). Any other first packet means a plain
 * connection: the negotiator steps aside and the bytes go on to the packet decoder untouched.
 * Deciding here, on the event loop, rather than in the connection's worker, is what keeps TLS
 * bytes that arrive with the request from being read as MySQL packets.
 */
final class TlsNegotiator extends ByteToMessageDecoder {
    private final SslContext context;

    TlsNegotiator(SslContext context) {
        this.context = context;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!SslRequest.decidable(in)) {
            return;
        }
        if (SslRequest.isAt(in)) {
            int sequenceId = in.getUnsignedByte(in.readerIndex() + 3);
            in.skipBytes(4 + SslRequest.LENGTH);
            ctx.fireChannelRead(new TlsRequested(sequenceId));
            ctx.pipeline().replace(this, MysqlChannelInitializer.TLS, context.newHandler(ctx.alloc()));
        } else {
            ctx.pipeline().remove(this);
        }
    }
}
