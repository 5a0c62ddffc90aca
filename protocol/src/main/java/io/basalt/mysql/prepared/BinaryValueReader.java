package io.basalt.mysql.prepared;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.mysql.codec.BasicTypes;
import io.basalt.mysql.codec.MalformedPacketException;
import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Reads one parameter value of COM_STMT_EXECUTE in the binary encoding of the type the client
 * named, as the Java object the session takes: Long for integers (BigDecimal for an unsigned
 * BIGINT above Long.MAX_VALUE), Double for FLOAT and DOUBLE, BigDecimal for DECIMAL, String or
 * byte[] for strings, LocalDate and LocalDateTime for dates, Duration for TIME (a signed
 * duration, as MySQL's TIME is). Dates java.time cannot hold (zero dates, invalid calendar fields)
 * are passed as their MySQL text, so the server judges them as it would a quoted literal.
 */
public final class BinaryValueReader {
    private static final int DATE_LENGTH = 4;
    private static final int DATETIME_LENGTH = 7;
    private static final int DATETIME_MICROS_LENGTH = 11;
    private static final int DATETIME_ZONE_LENGTH = 13;
    private static final int TIME_LENGTH = 8;
    private static final int TIME_MICROS_LENGTH = 12;

    private BinaryValueReader() {}

    /**
     * Reads a value.
     *
     * @param type the type code (low byte of the parameter type)
     * @param unsigned whether the client flagged the integer as unsigned
     * @param binaryTarget whether the statement expects binary data for this parameter, so string
     *     types are read as bytes rather than UTF-8 text
     * @throws MalformedPacketException when the value is truncated or the type unknown
     */
    public static Object read(ByteBuf in, int type, boolean unsigned, boolean binaryTarget) {
        switch (type) {
            case FieldTypes.NULL:
                return null;
            case FieldTypes.TINY:
                require(in, 1);
                return unsigned ? (long) in.readUnsignedByte() : (long) in.readByte();
            case FieldTypes.SHORT:
            case FieldTypes.YEAR:
                require(in, 2);
                return unsigned ? (long) in.readUnsignedShortLE() : (long) in.readShortLE();
            case FieldTypes.LONG:
            case FieldTypes.INT24:
                require(in, 4);
                return unsigned ? in.readUnsignedIntLE() : (long) in.readIntLE();
            case FieldTypes.LONGLONG: {
                require(in, 8);
                long value = in.readLongLE();
                if (unsigned && value < 0) {
                    return new BigDecimal(new BigInteger(Long.toUnsignedString(value)));
                }
                return value;
            }
            case FieldTypes.FLOAT:
                require(in, 4);
                // The client bound a float: its shortest decimal form is what it meant (0.1f is 0.1,
                // not 0.10000000149011612).
                return Double.parseDouble(Float.toString(in.readFloatLE()));
            case FieldTypes.DOUBLE:
                require(in, 8);
                return in.readDoubleLE();
            case FieldTypes.DECIMAL:
            case FieldTypes.NEWDECIMAL:
                return decimal(BasicTypes.readLenencString(in, StandardCharsets.US_ASCII));
            case FieldTypes.DATE:
            case FieldTypes.NEWDATE:
                return date(in);
            case FieldTypes.DATETIME:
            case FieldTypes.TIMESTAMP:
                return dateTime(in);
            case FieldTypes.TIME:
                return time(in);
            default:
                if (FieldTypes.isBlob(type)) {
                    return BasicTypes.readLenencBytes(in);
                }
                if (FieldTypes.isString(type)) {
                    byte[] bytes = BasicTypes.readLenencBytes(in);
                    return binaryTarget ? bytes : new String(bytes, StandardCharsets.UTF_8);
                }
                throw new MalformedPacketException("unknown parameter type " + type);
        }
    }

    /** The value of a parameter sent with COM_STMT_SEND_LONG_DATA: bytes for blobs and binary targets, text otherwise. */
    public static Object longData(byte[] data, int type, boolean binaryTarget) {
        return FieldTypes.isBlob(type) || binaryTarget ? data : new String(data, StandardCharsets.UTF_8);
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw BasaltException.of(ErrorCode.WRONG_ARGUMENTS, "Incorrect decimal value: '%s'", text);
        }
    }

    private static Object date(ByteBuf in) {
        int length = temporalLength(in, DATE_LENGTH, DATETIME_LENGTH, DATETIME_MICROS_LENGTH);
        if (length == 0) {
            return "0000-00-00";
        }
        int year = in.readUnsignedShortLE();
        int month = in.readUnsignedByte();
        int day = in.readUnsignedByte();
        // A DATE parameter with clock fields: MySQL keeps the date part only.
        in.skipBytes(length - DATE_LENGTH);
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return String.format("%04d-%02d-%02d", year, month, day);
        }
    }

    private static Object dateTime(ByteBuf in) {
        int length = temporalLength(in, DATE_LENGTH, DATETIME_LENGTH, DATETIME_MICROS_LENGTH, DATETIME_ZONE_LENGTH);
        if (length == 0) {
            return "0000-00-00 00:00:00";
        }
        if (length == DATETIME_ZONE_LENGTH) {
            // The offset would need the session's time zone to resolve; Basalt's DATETIME has none.
            throw new BasaltException(ErrorCode.NOT_SUPPORTED,
                    "DATETIME parameters with a time zone displacement are not supported");
        }
        int year = in.readUnsignedShortLE();
        int month = in.readUnsignedByte();
        int day = in.readUnsignedByte();
        int hour = 0;
        int minute = 0;
        int second = 0;
        int micros = 0;
        if (length >= DATETIME_LENGTH) {
            hour = in.readUnsignedByte();
            minute = in.readUnsignedByte();
            second = in.readUnsignedByte();
        }
        if (length >= DATETIME_MICROS_LENGTH) {
            micros = in.readIntLE();
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, Math.multiplyExact(micros, 1_000));
        } catch (DateTimeException | ArithmeticException e) {
            return String.format("%04d-%02d-%02d %02d:%02d:%02d.%06d", year, month, day, hour, minute, second, micros);
        }
    }

    private static Object time(ByteBuf in) {
        int length = temporalLength(in, TIME_LENGTH, TIME_MICROS_LENGTH);
        if (length == 0) {
            return Duration.ZERO;
        }
        boolean negative = in.readUnsignedByte() != 0;
        long days = in.readUnsignedIntLE();
        int hour = in.readUnsignedByte();
        int minute = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long micros = length == TIME_MICROS_LENGTH ? in.readUnsignedIntLE() : 0;
        if (hour > 23 || minute > 59 || second > 59 || micros > 999_999) {
            return String.format("%s%d:%02d:%02d.%06d", negative ? "-" : "", days * 24 + hour, minute, second, micros);
        }
        Duration d = Duration.ofSeconds(((days * 24 + hour) * 60 + minute) * 60 + second, micros * 1_000);
        return negative ? d.negated() : d;
    }

    // Reads the length byte of a temporal and checks it is one of the allowed forms and present.
    private static int temporalLength(ByteBuf in, int... allowed) {
        int length = BasicTypes.readUnsignedByte(in);
        if (length == 0) {
            return 0;
        }
        for (int candidate : allowed) {
            if (candidate == length) {
                require(in, length);
                return length;
            }
        }
        throw new MalformedPacketException("invalid temporal length " + length);
    }

    private static void require(ByteBuf in, int bytes) {
        if (in.readableBytes() < bytes) {
            throw new MalformedPacketException("parameter value truncated");
        }
    }
}
