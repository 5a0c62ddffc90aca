package io.basalt.mysql.compress;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Unwraps the compressed protocol (CLIENT_COMPRESS): each compressed packet has a 7-byte header
 * (3-byte payload length, 1-byte compressed sequence id, 3-byte length before compression, 0 when
 * the payload is stored as is) and carries a zlib stream of bytes that continue the ordinary packet
 * stream, which the next decoder frames.
 */
public final class CompressedPacketDecoder extends ByteToMessageDecoder {
    private static final int HEADER_SIZE = 7;

    private final CompressionSequence sequence;
    private final Inflater inflater = new Inflater();

    public CompressedPacketDecoder(CompressionSequence sequence) {
        this.sequence = sequence;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws DataFormatException {
        while (in.readableBytes() >= HEADER_SIZE) {
            int start = in.readerIndex();
            int length = in.getUnsignedMediumLE(start);
            int sequenceId = in.getUnsignedByte(start + 3);
            int uncompressedLength = in.getUnsignedMediumLE(start + 4);
            if (in.readableBytes() < HEADER_SIZE + length) {
                return;
            }
            in.skipBytes(HEADER_SIZE);
            sequence.received(sequenceId);
            if (uncompressedLength == 0) {
                out.add(in.readRetainedSlice(length));
            } else {
                out.add(inflate(ctx, in, length, uncompressedLength));
            }
        }
    }

    private ByteBuf inflate(ChannelHandlerContext ctx, ByteBuf in, int length, int uncompressedLength)
            throws DataFormatException {
        ByteBuf inflated = ctx.alloc().buffer(uncompressedLength);
        try {
            inflater.reset();
            inflater.setInput(in.nioBuffer(in.readerIndex(), length));
            int produced = inflater.inflate(inflated.nioBuffer(0, uncompressedLength));
            if (produced != uncompressedLength || !inflater.finished()) {
                throw new CorruptedFrameException("compressed packet inflates to " + produced + " bytes, header says "
                        + uncompressedLength);
            }
            inflated.writerIndex(produced);
            in.skipBytes(length);
            return inflated;
        } catch (RuntimeException | DataFormatException e) {
            inflated.release();
            throw e;
        }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        inflater.end();
    }
}
