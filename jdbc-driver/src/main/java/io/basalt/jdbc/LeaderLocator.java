package io.basalt.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.driver.jdbc.BasaltStatementQueries;

/**
 * Finds the Raft leader's Flight SQL endpoint from {@code SHOW FRONTENDS}: the row whose Role is
 * LEADER and Alive is true gives IP and RpcPort (a member's Flight SQL port). When the URL
 * names a node with that port and address, the URL's spelling of the host is kept (it is what
 * TLS certificates are checked against).
 */
final class LeaderLocator {
    private LeaderLocator() {}

    static Optional<HostAndPort> locate(NodeLink link, List<HostAndPort> urlHosts) throws SQLException {
        try (ResultSet rs = BasaltStatementQueries.query(link.connection(), "SHOW FRONTENDS")) {
            while (rs.next()) {
                if (!"LEADER".equalsIgnoreCase(rs.getString("Role")) || !"true".equalsIgnoreCase(rs.getString("Alive"))) {
                    continue;
                }
                String ip = rs.getString("IP");
                String port = rs.getString("RpcPort");
                if (ip == null || ip.isBlank() || port == null || port.isBlank()) {
                    return Optional.empty();
                }
                HostAndPort reported = new HostAndPort(ip, Integer.parseInt(port.trim()));
                return Optional.of(sameAsUrlHost(reported, link, urlHosts));
            }
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            throw Failures.translate(e);
        }
    }

    private static HostAndPort sameAsUrlHost(HostAndPort reported, NodeLink link, List<HostAndPort> urlHosts) {
        for (HostAndPort h : urlHosts) {
            if (h.port() == reported.port() && h.host().equalsIgnoreCase(reported.host())) {
                return h;
            }
        }
        // The node we talk to may be named differently in the URL (a host name for its IP).
        if (link.node().port() == reported.port() && isLoopbackOrSame(link.node().host(), reported.host())) {
            return link.node();
        }
        for (HostAndPort h : urlHosts) {
            if (h.port() == reported.port() && isLoopbackOrSame(h.host(), reported.host())) {
                return h;
            }
        }
        return reported;
    }

    private static boolean isLoopbackOrSame(String a, String b) {
        return a.equalsIgnoreCase(b) || isLoopback(a) && isLoopback(b);
    }

    private static boolean isLoopback(String host) {
        return host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("::1");
    }
}
