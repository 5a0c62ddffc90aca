package io.basalt.mysql.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HandshakeTest {
    private static final byte[] SALT = "abcdefghijklmnopqrst".getBytes(StandardCharsets.US_ASCII);

    @Test
    void greetingSplitsTheSaltAndNamesThePlugin() {
        ByteBuf buf = Unpooled.buffer();
        new HandshakeV10("8.0.33-basalt", 42, SALT, Capabilities.SERVER, CharacterSets.UTF8MB4_GENERAL_CI,
                StatusFlags.AUTOCOMMIT, "mysql_native_password").writeTo(buf);

        assertThat((int) buf.readUnsignedByte()).isEqualTo(10);
        assertThat(BasicTypes.readNulString(buf, StandardCharsets.US_ASCII)).isEqualTo("8.0.33-basalt");
        assertThat(buf.readIntLE()).isEqualTo(42);
        byte[] salt = new byte[20];
        buf.readBytes(salt, 0, 8);
        assertThat(buf.readByte()).isZero();
        int capabilities = buf.readUnsignedShortLE();
        assertThat((int) buf.readUnsignedByte()).isEqualTo(45);
        assertThat(buf.readUnsignedShortLE()).isEqualTo(StatusFlags.AUTOCOMMIT);
        capabilities |= buf.readUnsignedShortLE() << 16;
        assertThat(capabilities).isEqualTo(Capabilities.SERVER);
        assertThat(Capabilities.has(capabilities, Capabilities.SSL)).isFalse();
        assertThat(Capabilities.has(capabilities, Capabilities.COMPRESS)).isFalse();
        assertThat((int) buf.readUnsignedByte()).isEqualTo(21);
        buf.skipBytes(10);
        buf.readBytes(salt, 8, 12);
        assertThat(buf.readByte()).isZero();
        assertThat(salt).isEqualTo(SALT);
        assertThat(BasicTypes.readNulString(buf, StandardCharsets.US_ASCII)).isEqualTo("mysql_native_password");
        assertThat(buf.isReadable()).isFalse();
    }

    @Test
    void parsesAFullHandshakeResponse() {
        int capabilities = Capabilities.PROTOCOL_41 | Capabilities.SECURE_CONNECTION | Capabilities.PLUGIN_AUTH
                | Capabilities.PLUGIN_AUTH_LENENC_CLIENT_DATA | Capabilities.CONNECT_WITH_DB | Capabilities.CONNECT_ATTRS;
        ByteBuf buf = Unpooled.buffer();
        buf.writeIntLE(capabilities).writeIntLE(1 << 24).writeByte(45).writeZero(23);
        BasicTypes.writeNulString(buf, "root");
        BasicTypes.writeLenencBytes(buf, new byte[] {1, 2, 3});
        BasicTypes.writeNulString(buf, "shop");
        BasicTypes.writeNulString(buf, "caching_sha2_password");
        ByteBuf attributes = Unpooled.buffer();
        BasicTypes.writeLenencString(attributes, "_client_name");
        BasicTypes.writeLenencString(attributes, "test");
        BasicTypes.writeLenencInt(buf, attributes.readableBytes());
        buf.writeBytes(attributes);

        HandshakeResponse response = HandshakeResponse.parse(buf);

        assertThat(response.user()).isEqualTo("root");
        assertThat(response.authResponse()).containsExactly(1, 2, 3);
        assertThat(response.database()).isEqualTo("shop");
        assertThat(response.authPlugin()).isEqualTo("caching_sha2_password");
        assertThat(response.attributes()).containsEntry("_client_name", "test");
    }

    @Test
    void refusesPre41ClientsTlsRequestsAndTruncation() {
        ByteBuf old = Unpooled.buffer().writeIntLE(Capabilities.LONG_PASSWORD).writeIntLE(0);
        assertThatThrownBy(() -> HandshakeResponse.parse(old)).isInstanceOf(MalformedPacketException.class);

        ByteBuf tls = Unpooled.buffer().writeIntLE(Capabilities.PROTOCOL_41 | Capabilities.SSL).writeIntLE(0).writeByte(45).writeZero(23);
        assertThatThrownBy(() -> HandshakeResponse.parse(tls)).isInstanceOf(MalformedPacketException.class);

        ByteBuf truncated = Unpooled.buffer().writeIntLE(Capabilities.PROTOCOL_41).writeIntLE(0).writeByte(45).writeZero(10);
        assertThatThrownBy(() -> HandshakeResponse.parse(truncated)).isInstanceOf(MalformedPacketException.class);

        ByteBuf http = Unpooled.wrappedBuffer("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> HandshakeResponse.parse(http)).isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void authSwitchRequestCarriesPluginAndSalt() {
        ByteBuf buf = Unpooled.buffer();
        new AuthSwitchRequest("mysql_native_password", SALT).writeTo(buf);
        assertThat((int) buf.readUnsignedByte()).isEqualTo(0xFE);
        assertThat(BasicTypes.readNulString(buf, StandardCharsets.US_ASCII)).isEqualTo("mysql_native_password");
        byte[] rest = new byte[buf.readableBytes()];
        buf.readBytes(rest);
        assertThat(Arrays.copyOf(rest, 20)).isEqualTo(SALT);
        assertThat(rest[20]).isZero();
    }

    @Test
    void recognizesAnSslRequestOnlyWhenComplete() {
        ByteBuf request = Unpooled.buffer().writeMediumLE(32).writeByte(1)
                .writeIntLE(Capabilities.PROTOCOL_41 | Capabilities.SSL).writeIntLE(1 << 24).writeByte(45).writeZero(23);
        ByteBuf partial = request.slice(0, 20);
        assertThat(SslRequest.decidable(partial)).isFalse();
        assertThat(SslRequest.decidable(request)).isTrue();
        assertThat(SslRequest.isAt(request)).isTrue();
        assertThat(request.readerIndex()).isZero();

        ByteBuf plain = Unpooled.buffer().writeMediumLE(32).writeByte(1)
                .writeIntLE(Capabilities.PROTOCOL_41).writeIntLE(1 << 24).writeByte(45).writeZero(23);
        assertThat(SslRequest.isAt(plain)).isFalse();
        ByteBuf longer = Unpooled.buffer().writeMediumLE(60).writeByte(1).writeIntLE(Capabilities.PROTOCOL_41 | Capabilities.SSL);
        assertThat(SslRequest.decidable(longer)).isTrue();
        assertThat(SslRequest.isAt(longer)).isFalse();
    }

    @Test
    void parsesChangeUserWithAndWithoutTheOptionalTail() {
        int capabilities = Capabilities.PROTOCOL_41 | Capabilities.SECURE_CONNECTION | Capabilities.PLUGIN_AUTH;
        ByteBuf full = Unpooled.buffer();
        BasicTypes.writeNulString(full, "alice");
        full.writeByte(3).writeBytes(new byte[] {7, 8, 9});
        BasicTypes.writeNulString(full, "shop");
        full.writeShortLE(45);
        BasicTypes.writeNulString(full, "caching_sha2_password");
        ChangeUserRequest request = ChangeUserRequest.parse(full, capabilities);
        assertThat(request.user()).isEqualTo("alice");
        assertThat(request.authResponse()).containsExactly(7, 8, 9);
        assertThat(request.database()).isEqualTo("shop");
        assertThat(request.authPlugin()).isEqualTo("caching_sha2_password");

        ByteBuf bare = Unpooled.buffer();
        BasicTypes.writeNulString(bare, "root");
        bare.writeByte(0);
        BasicTypes.writeNulString(bare, "");
        ChangeUserRequest minimal = ChangeUserRequest.parse(bare, capabilities);
        assertThat(minimal.database()).isNull();
        assertThat(minimal.authPlugin()).isNull();

        ByteBuf truncated = Unpooled.buffer().writeBytes("root".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> ChangeUserRequest.parse(truncated, capabilities)).isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void authMoreDataPrefixesItsData() {
        ByteBuf buf = Unpooled.buffer();
        new AuthMoreData(new byte[] {AuthMoreData.FAST_AUTH_SUCCESS}).writeTo(buf);
        assertThat(ByteBufUtil.getBytes(buf)).containsExactly(1, 3);
    }
}
