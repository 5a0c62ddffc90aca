package io.basalt.mysql.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PacketFramingTest {
    private static final int MAX = PacketDecoder.MAX_PHYSICAL_PAYLOAD;

    /** A physical packet as it appears on the wire. */
    private record Physical(int length, int sequenceId) {}

    @Test
    void framesSmallPayloadsWithIncreasingSequenceIds() {
        PacketFramer framer = new PacketFramer();
        framer.sequenceId(1);
        ByteBuf out = Unpooled.buffer();
        framer.begin(out);
        out.writeBytes(new byte[] {1, 2, 3});
        framer.end(out);
        framer.begin(out);
        framer.end(out);

        assertThat(hex(out)).isEqualTo("03000001" + "010203" + "00000002");
        assertThat(framer.sequenceId()).isEqualTo(3);
        out.release();
    }

    @Test
    void payloadJustBelowTheLimitIsOnePacket() {
        assertThat(frame(MAX - 1)).containsExactly(new Physical(MAX - 1, 0));
    }

    @Test
    void payloadOfExactly16MiBIsFollowedByAnEmptyPacket() {
        assertThat(frame(MAX)).containsExactly(new Physical(MAX, 0), new Physical(0, 1));
    }

    @Test
    void payloadOfTwiceTheLimitEndsWithAnEmptyPacket() {
        assertThat(frame(2 * MAX)).containsExactly(new Physical(MAX, 0), new Physical(MAX, 1), new Physical(0, 2));
    }

    @Test
    void payloadAboveTheLimitContinuesInAShortPacket() {
        assertThat(frame(MAX + 10)).containsExactly(new Physical(MAX, 0), new Physical(10, 1));
    }

    @Test
    void splitPayloadsJoinBackIntact() {
        for (int size : new int[] {0, 1, MAX - 1, MAX, MAX + 1, 2 * MAX, 2 * MAX + 7}) {
            byte[] payload = randomBytes(size);
            PacketFramer framer = new PacketFramer();
            framer.sequenceId(5);
            ByteBuf wire = Unpooled.buffer(size + 16);
            framer.begin(wire);
            wire.writeBytes(payload);
            framer.end(wire);
            int lastSequence = (framer.sequenceId() - 1) & 0xFF;

            EmbeddedChannel channel = new EmbeddedChannel(new PacketDecoder(Integer.MAX_VALUE));
            channel.writeInbound(wire);
            MysqlPacket packet = channel.readInbound();

            assertThat(packet.sequenceId()).as("size %d", size).isEqualTo(lastSequence);
            assertThat(bytes(packet.payload())).as("size %d", size).isEqualTo(payload);
            packet.release();
            assertThat((Object) channel.readInbound()).isNull();
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void decoderReassemblesPacketsDeliveredOneByteAtATime() {
        ByteBuf wire = Unpooled.wrappedBuffer(new byte[] {3, 0, 0, 0, 'a', 'b', 'c', 1, 0, 0, 1, 'd'});
        EmbeddedChannel channel = new EmbeddedChannel(new PacketDecoder(1024));
        while (wire.isReadable()) {
            channel.writeInbound(wire.readRetainedSlice(1));
        }
        wire.release();

        MysqlPacket first = channel.readInbound();
        MysqlPacket second = channel.readInbound();
        assertThat(first.payload().toString(java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("abc");
        assertThat(second.sequenceId()).isEqualTo(1);
        assertThat(second.payload().toString(java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("d");
        first.release();
        second.release();
        channel.finishAndReleaseAll();
    }

    @Test
    void oversizedPacketIsRefusedAsSoonAsItsHeaderArrivesAndTheRestIsDiscarded() {
        EmbeddedChannel channel = new EmbeddedChannel(new PacketDecoder(1000));
        ByteBuf wire = Unpooled.buffer();
        wire.writeMediumLE(1001).writeByte(3).writeZero(100);
        channel.writeInbound(wire);

        assertThat((Object) channel.readInbound()).isEqualTo(new OversizedPacket(3, 1000));
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {1, 0, 0, 0, 'x'}));
        assertThat((Object) channel.readInbound()).isNull();
        channel.finishAndReleaseAll();
    }

    @Test
    void limitAppliesToTheJoinedPayload() {
        EmbeddedChannel channel = new EmbeddedChannel(new PacketDecoder(MAX + 5));
        ByteBuf wire = Unpooled.buffer(MAX + 32);
        wire.writeMediumLE(MAX).writeByte(0).writeZero(MAX);
        wire.writeMediumLE(6).writeByte(1).writeZero(6);
        channel.writeInbound(wire);

        assertThat((Object) channel.readInbound()).isEqualTo(new OversizedPacket(1, MAX + 5));
        channel.finishAndReleaseAll();
    }

    @Test
    void payloadOfExactlyTheLimitIsAccepted() {
        PacketDecoder decoder = new PacketDecoder(8);
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {8, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8}));
        MysqlPacket packet = channel.readInbound();
        assertThat(packet.payload().readableBytes()).isEqualTo(8);
        packet.release();

        decoder.maxPayload(4);
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {5, 0, 0, 0}));
        assertThat((Object) channel.readInbound()).isInstanceOf(OversizedPacket.class);
        channel.finishAndReleaseAll();
    }

    @Test
    void abandonedPacketLeavesNoTrace() {
        PacketFramer framer = new PacketFramer();
        ByteBuf out = Unpooled.buffer();
        framer.begin(out);
        out.writeBytes(new byte[] {9, 9});
        framer.abandon(out);
        framer.begin(out);
        out.writeByte(7);
        framer.end(out);

        assertThat(hex(out)).isEqualTo("01000000" + "07");
        out.release();
    }

    private static List<Physical> frame(int size) {
        PacketFramer framer = new PacketFramer();
        ByteBuf out = Unpooled.buffer(size + 16);
        framer.begin(out);
        out.writeZero(size);
        framer.end(out);
        List<Physical> packets = new ArrayList<>();
        while (out.isReadable()) {
            int length = out.readUnsignedMediumLE();
            int sequenceId = out.readUnsignedByte();
            out.skipBytes(length);
            packets.add(new Physical(length, sequenceId));
        }
        out.release();
        return packets;
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(ByteBuf buf) {
        byte[] bytes = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), bytes);
        return bytes;
    }

    private static String hex(ByteBuf buf) {
        return io.netty.buffer.ByteBufUtil.hexDump(buf);
    }
}
