package io.basalt.mysql.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The basic data types of the MySQL client/server protocol: length-encoded integers and strings,
 * NUL-terminated strings and rest-of-packet strings. Readers throw {@link MalformedPacketException}
 * on truncated input.
 */
public final class BasicTypes {
    /** The length-encoded "integer" that stands for SQL NULL in a text row. */
    public static final int NULL_VALUE = 0xFB;

    private BasicTypes() {}

    /** Writes a length-encoded integer; {@code value} is treated as unsigned. */
    public static void writeLenencInt(ByteBuf out, long value) {
        if (value >= 0 && value < 251) {
            out.writeByte((int) value);
        } else if (value >= 0 && value < (1 << 16)) {
            out.writeByte(0xFC);
            out.writeShortLE((int) value);
        } else if (value >= 0 && value < (1 << 24)) {
            out.writeByte(0xFD);
            out.writeMediumLE((int) value);
        } else {
            out.writeByte(0xFE);
            out.writeLongLE(value);
        }
    }

    /** Number of bytes {@link #writeLenencInt} uses for {@code value}. */
    public static int lenencIntSize(long value) {
        if (value >= 0 && value < 251) {
            return 1;
        } else if (value >= 0 && value < (1 << 16)) {
            return 3;
        } else if (value >= 0 && value < (1 << 24)) {
            return 4;
        }
        return 9;
    }

    /** Writes a UTF-8 length-encoded string; null is written as the empty string. */
    public static void writeLenencString(ByteBuf out, CharSequence value) {
        if (value == null) {
            out.writeByte(0);
            return;
        }
        writeLenencInt(out, ByteBufUtil.utf8Bytes(value));
        out.writeCharSequence(value, StandardCharsets.UTF_8);
    }

    /** Writes a length-encoded string whose characters are all ASCII, without encoding overhead. */
    public static void writeLenencAscii(ByteBuf out, CharSequence value) {
        writeLenencInt(out, value.length());
        out.writeCharSequence(value, StandardCharsets.US_ASCII);
    }

    /** Writes raw bytes as a length-encoded string. */
    public static void writeLenencBytes(ByteBuf out, byte[] value) {
        writeLenencInt(out, value.length);
        out.writeBytes(value);
    }

    /** Writes a UTF-8 string followed by a NUL byte. */
    public static void writeNulString(ByteBuf out, CharSequence value) {
        out.writeCharSequence(value, StandardCharsets.UTF_8);
        out.writeByte(0);
    }

    /**
     * Reads a length-encoded integer.
     *
     * @throws MalformedPacketException on 0xFB (NULL) or 0xFF, which are not integers, or truncation
     */
    public static long readLenencInt(ByteBuf in) {
        int first = readUnsignedByte(in);
        if (first < 0xFB) {
            return first;
        }
        switch (first) {
            case 0xFC:
                require(in, 2);
                return in.readUnsignedShortLE();
            case 0xFD:
                require(in, 3);
                return in.readUnsignedMediumLE();
            case 0xFE:
                require(in, 8);
                return in.readLongLE();
            default:
                throw new MalformedPacketException("invalid length-encoded integer prefix 0x" + Integer.toHexString(first));
        }
    }

    /** Reads a length-encoded string as raw bytes. */
    public static byte[] readLenencBytes(ByteBuf in) {
        long length = readLenencInt(in);
        if (length > in.readableBytes()) {
            throw new MalformedPacketException("length-encoded string runs past the end of the packet");
        }
        byte[] bytes = new byte[(int) length];
        in.readBytes(bytes);
        return bytes;
    }

    /** Reads a length-encoded string. */
    public static String readLenencString(ByteBuf in, Charset charset) {
        return new String(readLenencBytes(in), charset);
    }

    /** Reads a string terminated by a NUL byte, consuming the NUL. */
    public static String readNulString(ByteBuf in, Charset charset) {
        int end = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) 0);
        if (end < 0) {
            throw new MalformedPacketException("missing NUL terminator");
        }
        String value = in.toString(in.readerIndex(), end - in.readerIndex(), charset);
        in.readerIndex(end + 1);
        return value;
    }

    /** Reads the rest of the packet as a string. */
    public static String readRestOfPacket(ByteBuf in, Charset charset) {
        String value = in.toString(charset);
        in.skipBytes(in.readableBytes());
        return value;
    }

    /** Reads {@code length} raw bytes. */
    public static byte[] readFixedBytes(ByteBuf in, int length) {
        require(in, length);
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return bytes;
    }

    /** Reads one unsigned byte. */
    public static int readUnsignedByte(ByteBuf in) {
        require(in, 1);
        return in.readUnsignedByte();
    }

    /** Reads a 2-byte little-endian unsigned integer. */
    public static int readUnsignedShortLE(ByteBuf in) {
        require(in, 2);
        return in.readUnsignedShortLE();
    }

    /** Reads a 4-byte little-endian integer. */
    public static int readIntLE(ByteBuf in) {
        require(in, 4);
        return in.readIntLE();
    }

    private static void require(ByteBuf in, int bytes) {
        if (in.readableBytes() < bytes) {
            throw new MalformedPacketException("packet truncated");
        }
    }
}
