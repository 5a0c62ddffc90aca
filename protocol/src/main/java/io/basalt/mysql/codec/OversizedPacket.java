package io.basalt.mysql.codec;

/**
 * Emitted by {@link PacketDecoder} instead of a packet whose joined payload would exceed the
 * limit. The decoder discards all input after it: the connection has to be closed.
 *
 * @param sequenceId sequence id of the first physical packet of the oversized payload
 * @param limit the limit in force, in bytes
 */
public record OversizedPacket(int sequenceId, int limit) {}
