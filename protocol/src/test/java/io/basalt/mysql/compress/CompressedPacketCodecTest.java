package io.basalt.mysql.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compressed framing on an embedded channel: thresholds, splitting, sequence ids, corruption. */
class CompressedPacketCodecTest {

    @Test
    void shortAndIncompressibleWritesAreStoredCompressibleOnesDeflated() {
        CompressionSequence sequence = new CompressionSequence();
        EmbeddedChannel channel = new EmbeddedChannel(new CompressedPacketEncoder(sequence));
        sequence.received(4);

        channel.writeOutbound(Unpooled.wrappedBuffer(new byte[CompressedPacketEncoder.MIN_COMPRESS_LENGTH - 1]));
        ByteBuf small = channel.readOutbound();
        assertThat(header(small)).containsExactly(49, 5, 0);
        small.release();

        byte[] random = new byte[1000];
        new Random(1).nextBytes(random);
        channel.writeOutbound(Unpooled.wrappedBuffer(random));
        ByteBuf stored = channel.readOutbound();
        assertThat(header(stored)).containsExactly(1000, 6, 0);
        stored.release();

        byte[] zeros = new byte[100_000];
        channel.writeOutbound(Unpooled.wrappedBuffer(zeros));
        ByteBuf deflated = channel.readOutbound();
        int[] h = header(deflated);
        assertThat(h[1]).isEqualTo(7);
        assertThat(h[2]).isEqualTo(100_000);
        assertThat(h[0]).isLessThan(1_000).isEqualTo(deflated.readableBytes());
        deflated.release();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void writesAbove16MiBAreSplitAndDecodeBackToTheSameBytes() {
        CompressionSequence sequence = new CompressionSequence();
        EmbeddedChannel encoder = new EmbeddedChannel(new CompressedPacketEncoder(sequence));
        EmbeddedChannel decoder = new EmbeddedChannel(new CompressedPacketDecoder(new CompressionSequence()));
        byte[] data = new byte[0xFF_FFFF + 100];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 251);
        }
        encoder.writeOutbound(Unpooled.wrappedBuffer(data));
        ByteBuf wire = encoder.readOutbound();
        int first = wire.getUnsignedMediumLE(0);
        assertThat(wire.getUnsignedMediumLE(4)).isEqualTo(0xFF_FFFF);
        assertThat(wire.getUnsignedByte(3 + 7 + first)).as("second sequence id").isEqualTo((short) 1);
        // The 100-byte rest does not shrink, so it is stored as it is.
        assertThat(wire.getUnsignedMediumLE(7 + first)).isEqualTo(100);
        assertThat(wire.getUnsignedMediumLE(7 + first + 4)).isZero();

        // Fed in awkward pieces, as TCP may deliver them.
        while (wire.isReadable()) {
            decoder.writeInbound(wire.readRetainedSlice(Math.min(wire.readableBytes(), 77_777)));
        }
        wire.release();
        byte[] decoded = new byte[data.length];
        int at = 0;
        ByteBuf part;
        while ((part = decoder.readInbound()) != null) {
            int n = part.readableBytes();
            part.readBytes(decoded, at, n);
            at += n;
            part.release();
        }
        assertThat(at).isEqualTo(data.length);
        assertThat(Arrays.equals(decoded, data)).isTrue();
        encoder.finish();
        decoder.finish();
    }

    @Test
    void decoderFollowsTheClientsSequenceAndRejectsCorruptPayloads() {
        CompressionSequence sequence = new CompressionSequence();
        EmbeddedChannel decoder = new EmbeddedChannel(new CompressedPacketDecoder(sequence));
        ByteBuf stored = Unpooled.buffer().writeMediumLE(3).writeByte(9).writeMediumLE(0).writeBytes(new byte[] {1, 2, 3});
        decoder.writeInbound(stored);
        ByteBuf out = decoder.readInbound();
        assertThat(out.readableBytes()).isEqualTo(3);
        out.release();
        assertThat(sequence.next()).isEqualTo(10);

        ByteBuf corrupt = Unpooled.buffer().writeMediumLE(4).writeByte(0).writeMediumLE(100).writeBytes(new byte[] {1, 2, 3, 4});
        assertThatThrownBy(() -> decoder.writeInbound(corrupt)).isInstanceOf(DecoderException.class);
        decoder.finishAndReleaseAll();
    }

    private static int[] header(ByteBuf buf) {
        int[] header = {buf.readUnsignedMediumLE(), buf.readUnsignedByte(), buf.readUnsignedMediumLE()};
        return header;
    }
}
