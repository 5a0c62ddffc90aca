package io.basalt.mysql.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponsePacketsTest {

    @Test
    void okPacketCarriesCountsStatusWarningsAndInfo() {
        ByteBuf buf = Unpooled.buffer();
        ResponsePackets.writeOk(buf, ResponsePackets.OK_HEADER, 300, 7, StatusFlags.AUTOCOMMIT, 2, "hi");
        assertThat(ByteBufUtil.hexDump(buf)).isEqualTo("00" + "fc2c01" + "07" + "0200" + "0200" + "02" + "6869");
    }

    @Test
    void errPacketHasSqlStateMarker() {
        ByteBuf buf = Unpooled.buffer();
        ResponsePackets.writeErr(buf, 1146, "42S02", "Table 'db.t' doesn't exist");
        assertThat((int) buf.readUnsignedByte()).isEqualTo(0xFF);
        assertThat(buf.readUnsignedShortLE()).isEqualTo(1146);
        assertThat(buf.toString(StandardCharsets.UTF_8)).isEqualTo("#42S02Table 'db.t' doesn't exist");
    }

    @Test
    void longErrorMessagesAreCutOnACharacterBoundary() {
        ByteBuf buf = Unpooled.buffer();
        ResponsePackets.writeErr(buf, 1105, "HY000", "\u00e9".repeat(400));
        buf.skipBytes(9);
        String message = buf.toString(StandardCharsets.UTF_8);
        assertThat(message).matches("\u00e9+").hasSize(255);
    }

    @Test
    void eofPacket() {
        ByteBuf buf = Unpooled.buffer();
        ResponsePackets.writeEof(buf, 1, StatusFlags.AUTOCOMMIT | StatusFlags.MORE_RESULTS_EXISTS);
        assertThat(ByteBufUtil.hexDump(buf)).isEqualTo("fe" + "0100" + "0a00");
    }
}
