package io.basalt.mysql.codec;

/** A packet that does not follow the protocol: truncated, or with impossible field values. */
public final class MalformedPacketException extends RuntimeException {
    public MalformedPacketException(String message) {
        super(message);
    }
}
