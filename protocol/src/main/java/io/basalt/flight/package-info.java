/**
 * The Arrow Flight SQL face of a Basalt node: a Flight SQL service over the {@link
 * io.basalt.session} seam, for Arrow's JDBC driver, ADBC and any FlightSqlClient.
 *
 * <p>{@link io.basalt.flight.FlightSqlServer} owns the listener, its allocator and the sessions.
 * A client logs in with basic credentials (checked by the session factory) and gets a bearer token
 * naming its session; queries run in GetFlightInfo and stream batch by batch in DoGet; prepared
 * statements take their parameters by DoPut; CommandStatementIngest streams DoPut batches into
 * {@code Session.ingest}; catalog metadata comes from information_schema through the session, so
 * this face and the MySQL face describe the same catalog.
 */
package io.basalt.flight;
