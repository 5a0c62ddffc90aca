package io.basalt.mysql.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BasicTypesTest {

    @Test
    void lengthEncodedIntegersUseTheShortestForm() {
        assertThat(lenenc(0)).isEqualTo("00");
        assertThat(lenenc(250)).isEqualTo("fa");
        assertThat(lenenc(251)).isEqualTo("fcfb00");
        assertThat(lenenc(65_535)).isEqualTo("fcffff");
        assertThat(lenenc(65_536)).isEqualTo("fd000001");
        assertThat(lenenc(16_777_215)).isEqualTo("fdffffff");
        assertThat(lenenc(16_777_216)).isEqualTo("fe0000000100000000");
        assertThat(lenenc(-1)).isEqualTo("feffffffffffffffff");
    }

    @Test
    void lengthEncodedIntegersRoundTrip() {
        for (long value : new long[] {0, 1, 250, 251, 252, 65_535, 65_536, 16_777_215, 16_777_216, Long.MAX_VALUE, -1}) {
            ByteBuf buf = Unpooled.buffer();
            BasicTypes.writeLenencInt(buf, value);
            assertThat(buf.readableBytes()).isEqualTo(BasicTypes.lenencIntSize(value));
            assertThat(BasicTypes.readLenencInt(buf)).isEqualTo(value);
            assertThat(buf.isReadable()).isFalse();
        }
    }

    @Test
    void nullMarkerAndErrHeaderAreNotIntegers() {
        assertThatThrownBy(() -> BasicTypes.readLenencInt(Unpooled.wrappedBuffer(new byte[] {(byte) 0xFB})))
                .isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> BasicTypes.readLenencInt(Unpooled.wrappedBuffer(new byte[] {(byte) 0xFF})))
                .isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void truncatedIntegerIsMalformed() {
        assertThatThrownBy(() -> BasicTypes.readLenencInt(Unpooled.wrappedBuffer(new byte[] {(byte) 0xFD, 1, 2})))
                .isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void lengthEncodedStringsCountUtf8Bytes() {
        ByteBuf buf = Unpooled.buffer();
        BasicTypes.writeLenencString(buf, "h\u00e9\u2603");
        assertThat(ByteBufUtil.hexDump(buf)).isEqualTo("06" + "68" + "c3a9" + "e29883");
        assertThat(BasicTypes.readLenencString(buf, StandardCharsets.UTF_8)).isEqualTo("h\u00e9\u2603");
    }

    @Test
    void longStringsGetMultiByteLengths() {
        String value = "x".repeat(70_000);
        ByteBuf buf = Unpooled.buffer();
        BasicTypes.writeLenencString(buf, value);
        assertThat((int) buf.getUnsignedByte(0)).isEqualTo(0xFD);
        assertThat(BasicTypes.readLenencString(buf, StandardCharsets.UTF_8)).isEqualTo(value);
    }

    @Test
    void lengthEncodedStringRunningPastTheEndIsMalformed() {
        ByteBuf buf = Unpooled.wrappedBuffer(new byte[] {5, 'a', 'b'});
        assertThatThrownBy(() -> BasicTypes.readLenencBytes(buf)).isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void nulTerminatedStrings() {
        ByteBuf buf = Unpooled.buffer();
        BasicTypes.writeNulString(buf, "root");
        buf.writeByte('x');
        assertThat(BasicTypes.readNulString(buf, StandardCharsets.UTF_8)).isEqualTo("root");
        assertThat(BasicTypes.readRestOfPacket(buf, StandardCharsets.UTF_8)).isEqualTo("x");
        assertThatThrownBy(() -> BasicTypes.readNulString(Unpooled.wrappedBuffer(new byte[] {'a'}), StandardCharsets.UTF_8))
                .isInstanceOf(MalformedPacketException.class);
    }

    private static String lenenc(long value) {
        ByteBuf buf = Unpooled.buffer();
        BasicTypes.writeLenencInt(buf, value);
        return ByteBufUtil.hexDump(buf);
    }
}
