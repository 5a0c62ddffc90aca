package io.basalt.mysql.compress;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.util.zip.Deflater;

/**
 * Wraps outbound bytes in the compressed protocol (CLIENT_COMPRESS): every write becomes one or
 * more compressed packets of at most 16 MiB - 1 bytes of input. Inputs shorter than
 * {@link #MIN_COMPRESS_LENGTH}, and inputs zlib does not shrink, are stored uncompressed with a 0
 * length-before-compression, as mysqld does.
 */
public final class CompressedPacketEncoder extends MessageToByteEncoder<ByteBuf> {
    /** mysqld's MIN_COMPRESS_LENGTH: below it, compressing costs more than it saves. */
    public static final int MIN_COMPRESS_LENGTH = 50;

    private static final int HEADER_SIZE = 7;
    private static final int MAX_PAYLOAD = 0xFF_FFFF;

    private final CompressionSequence sequence;
    private final Deflater deflater = new Deflater();

    public CompressedPacketEncoder(CompressionSequence sequence) {
        super(ByteBuf.class);
        this.sequence = sequence;
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, ByteBuf msg, boolean preferDirect) {
        int length = msg.readableBytes();
        int pieces = Math.max(1, (length + MAX_PAYLOAD - 1) / MAX_PAYLOAD);
        return ctx.alloc().ioBuffer(deflateBound(length) + pieces * HEADER_SIZE);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf msg, ByteBuf out) {
        while (msg.isReadable()) {
            ByteBuf piece = msg.readSlice(Math.min(msg.readableBytes(), MAX_PAYLOAD));
            if (piece.readableBytes() < MIN_COMPRESS_LENGTH || !compress(piece, out)) {
                writeHeader(out, piece.readableBytes(), 0);
                out.writeBytes(piece);
            }
        }
    }

    // Writes a compressed packet; false (and nothing written) when compression does not shrink it.
    private boolean compress(ByteBuf piece, ByteBuf out) {
        int length = piece.readableBytes();
        int headerAt = out.writerIndex();
        out.ensureWritable(HEADER_SIZE + deflateBound(length));
        int payloadAt = headerAt + HEADER_SIZE;
        deflater.reset();
        deflater.setInput(piece.nioBuffer());
        deflater.finish();
        int written = 0;
        while (!deflater.finished()) {
            int room = length - written;
            if (room <= 0) {
                return false;
            }
            written += deflater.deflate(out.nioBuffer(payloadAt + written, room));
        }
        if (written >= length) {
            return false;
        }
        out.writerIndex(headerAt);
        writeHeader(out, written, length);
        out.writerIndex(payloadAt + written);
        return true;
    }

    private void writeHeader(ByteBuf out, int length, int uncompressedLength) {
        out.writeMediumLE(length);
        out.writeByte(sequence.next());
        out.writeMediumLE(uncompressedLength);
    }

    // zlib's compressBound: the most a deflate stream of n input bytes can take.
    private static int deflateBound(int n) {
        return n + (n >>> 12) + (n >>> 14) + (n >>> 25) + 13;
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) throws Exception {
        deflater.end();
        super.handlerRemoved(ctx);
    }
}
