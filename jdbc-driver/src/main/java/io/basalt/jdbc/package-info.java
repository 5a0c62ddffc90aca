/**
 * The Basalt JDBC driver ({@link io.basalt.jdbc.BasaltDriver}): Arrow's Avatica-based Flight SQL
 * JDBC driver per node, plus a multi-host URL, read failover and write routing to the Raft
 * leader ({@link io.basalt.jdbc.BasaltConnection} states exactly what is retried).
 */
package io.basalt.jdbc;
