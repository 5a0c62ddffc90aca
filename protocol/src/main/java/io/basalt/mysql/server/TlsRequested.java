package io.basalt.mysql.server;

/**
 * Sent up the pipeline by {@link TlsNegotiator} when the client's first packet was an SSL request
 * and TLS now runs on the channel.
 *
 * @param sequenceId sequence id of the SSL request packet
 */
record TlsRequested(int sequenceId) {}
