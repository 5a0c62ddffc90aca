package io.basalt.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where a {@link BasaltConnection}'s calls go, and the failover rules: one Arrow Flight SQL
 * connection to a live node for reads, one to the Raft leader for writes (the same one when the
 * node is the leader), and the session state (database, SET statements) restored on each new one.
 *
 * <h2>What is retried</h2>
 * <ul>
 *   <li><b>Reads</b> ({@code executeQuery}, {@code execute} of SELECT/SHOW/..., preparing a
 *       statement, result set metadata, every {@link java.sql.DatabaseMetaData} call): when the node
 *       cannot be reached or answers UNAVAILABLE (dead, restarting, cut off from the Raft
 *       majority), the connection to it is dropped, a connection to the next live node of the URL
 *       is opened, the session is restored there (the current database from the URL or the last
 *       {@code USE}, then each session {@code SET} in order), the statement is prepared again
 *       with its parameters, and the read runs again; for up to {@code failoverTimeoutMs}.
 *   <li><b>Writes</b> (everything that is not a read or a session statement): sent to the leader
 *       (found with {@code SHOW FRONTENDS}); if it cannot be found, to the connected node, which
 *       forwards them. Making and preparing the statement is retried like a read. The write itself
 *       is sent again (to a freshly found leader) only when its node could not be reached at all,
 *       so it was never sent: connection refused, unknown host, no route. When the node failed
 *       during the write, or answered UNAVAILABLE, the write may or may not have been applied: it
 *       fails with SQLSTATE 08007 and is <em>not</em> retried; the next statement uses a live node.
 * </ul>
 * Not retried: a failure while reading the rows of a result set ({@code ResultSet.next()}): the
 * rows already read were given to the application; wrong credentials; any error the server
 * reports about the statement itself.
 *
 * <p>After a write sent to the leader while reads go to a follower, the next read is fenced (see
 * {@link #fenceIfNeeded}) so the session reads its own writes.
 */
final class FailoverRouter {
    private static final Logger LOG = Logger.getLogger(FailoverRouter.class.getName());

    private final BasaltUrl url;
    private final NodeConnector connector;
    private final boolean retryReads;
    private final boolean routeWrites;
    private final long failoverTimeoutNanos;
    private final long failoverPauseMillis;

    // Guarded by this.
    private NodeLink reader;
    private NodeLink writer;
    private HostAndPort lastFailed;
    private boolean leaderLookedUp;
    private HostAndPort leader;
    private String database;
    private final List<String> sessionStatements = new ArrayList<>();
    /** A write went to another node than the one reads go to: the next read waits until this node has it. */
    private boolean fenceReads;
    private boolean closed;

    FailoverRouter(BasaltUrl url, NodeConnector connector) throws SQLException {
        this.url = requireNonNull(url, "url");
        this.connector = requireNonNull(connector, "connector");
        this.retryReads = url.flag(DriverProperty.RETRY_READS);
        this.routeWrites = url.flag(DriverProperty.ROUTE_WRITES_TO_LEADER);
        this.failoverTimeoutNanos = url.number(DriverProperty.FAILOVER_TIMEOUT_MS) * 1_000_000L;
        this.failoverPauseMillis = url.number(DriverProperty.FAILOVER_PAUSE_MS);
        this.database = url.database();
    }

    /** Something to run on a node connection. */
    interface LinkCall<T> {
        T call(NodeLink link) throws SQLException;
    }

    /** The node this connection reads from now, connecting to a live one if needed. */
    synchronized NodeLink reader() throws SQLException {
        if (closed) {
            throw new SQLException("connection is closed", "08003");
        }
        if (reader == null) {
            // Opening the connection walks the host list once; finding another node after a failure
            // keeps walking it for failoverTimeoutMs (an election, a restart).
            long deadline = System.nanoTime() + (lastFailed == null ? 0 : failoverTimeoutNanos);
            reader = connector.openFirstLive(connectOrder(), deadline, failoverPauseMillis, this::restoreSession);
            if (lastFailed != null) {
                LOG.info(() -> "Basalt connection failed over to " + reader.node());
            }
        }
        return reader;
    }

    /** The URL's hosts in order, the node that failed last moved to the end. */
    private List<HostAndPort> connectOrder() {
        List<HostAndPort> order = new ArrayList<>(url.hosts());
        if (lastFailed != null && order.remove(lastFailed)) {
            order.add(lastFailed);
        }
        return order;
    }

    /** The node this connection writes to now: the leader when it is known and reachable. */
    synchronized NodeLink writer() throws SQLException {
        NodeLink r = reader();
        if (!routeWrites) {
            return r;
        }
        if (writer != null) {
            return writer;
        }
        if (!leaderLookedUp) {
            leader = findLeader().orElse(null);
            leaderLookedUp = true;
            r = reader();
        }
        if (leader == null || leader.equals(r.node())) {
            writer = r;
            return r;
        }
        try {
            writer = connector.openFirstLive(List.of(leader), System.nanoTime(), 0, this::restoreSession);
        } catch (SQLException e) {
            if (!Failures.isNodeFailure(Failures.classify(e))) {
                throw e;
            }
            LOG.log(Level.FINE, "leader " + leader + " not reachable; writing through " + r.node(), e);
            writer = r;
        }
        return writer;
    }

    private Optional<HostAndPort> findLeader() throws SQLException {
        try {
            return onReader(link -> LeaderLocator.locate(link, url.hosts()));
        } catch (SQLException e) {
            if (Failures.isNodeFailure(Failures.classify(e))) {
                throw e;
            }
            // e.g. a user without the privilege for SHOW FRONTENDS: the node forwards writes itself
            LOG.log(Level.FINE, "cannot find the leader; writes go through the connected node", e);
            return Optional.empty();
        }
    }

    /** Brings a new node connection to this session's state: database, then session variables. */
    private void restoreSession(NodeLink link) throws SQLException {
        if (database != null) {
            link.run("USE " + quoteIdentifier(database));
        }
        for (String s : sessionStatements) {
            link.run(s);
        }
    }

    static String quoteIdentifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** Forgets a node connection that failed; the next call connects anew. */
    synchronized void linkFailed(NodeLink link, Throwable why) {
        LOG.log(Level.FINE, "Basalt node " + link.node() + " failed", why);
        lastFailed = link.node();
        if (reader == link) {
            reader = null;
        }
        if (writer == link) {
            writer = null;
        }
        if (writer != null && writer == reader) {
            writer = null;
        }
        // Leadership may have moved with the failure: look again before the next write.
        leaderLookedUp = false;
        if (writer != null) {
            writer.closeQuietly();
            writer = null;
        }
        link.closeQuietly();
    }

    /** Whether statements may still use delegates made on this link. */
    synchronized boolean isCurrent(NodeLink link) {
        return link == reader || link == writer;
    }

    /** Runs a read, on another live node when its node fails (see the class comment). */
    <T> T onReader(LinkCall<T> call) throws SQLException {
        Retry retry = new Retry();
        while (true) {
            NodeLink link = reader();
            try {
                fenceIfNeeded(link);
                return call.call(link);
            } catch (SQLException | RuntimeException e) {
                Failures.Kind kind = Failures.classify(e);
                if (!Failures.isNodeFailure(kind)) {
                    throw Failures.translate(e);
                }
                linkFailed(link, e);
                if (!retryReads || !retry.again()) {
                    throw Failures.translate(e);
                }
            }
        }
    }

    /**
     * The retry budget of one call: until {@code failoverTimeoutMs} has passed, pausing
     * {@code failoverPauseMs} each time every node of the URL has failed once (an election, a
     * restart).
     */
    private final class Retry {
        private final long deadline = System.nanoTime() + failoverTimeoutNanos;
        private int failures;

        boolean again() throws SQLException {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            if (++failures % url.hosts().size() == 0) {
                NodeConnector.pause(failoverPauseMillis);
            }
            return true;
        }
    }

    /**
     * Runs a write on the leader. {@code prepare} (making statements, binding parameters: no
     * write yet) is repeated on another node like a read; {@code send} only when its node could
     * not be reached at all.
     */
    <P, T> T onWriter(LinkCall<P> prepare, WriteSend<P, T> send) throws SQLException {
        Retry retry = new Retry();
        while (true) {
            NodeLink link = writer();
            P prepared;
            try {
                prepared = prepare.call(link);
            } catch (SQLException | RuntimeException e) {
                Failures.Kind kind = Failures.classify(e);
                if (!Failures.isNodeFailure(kind)) {
                    throw Failures.translate(e);
                }
                linkFailed(link, e);
                if (!retry.again()) {
                    throw Failures.translate(e);
                }
                continue;
            }
            try {
                T result = send.send(prepared);
                wroteThrough(link);
                return result;
            } catch (SQLException | RuntimeException e) {
                wroteThrough(link);
                Failures.Kind kind = Failures.classify(e);
                if (kind == Failures.Kind.UNREACHABLE) {
                    linkFailed(link, e);
                    if (retry.again()) {
                        continue;
                    }
                    throw Failures.translate(e);
                }
                if (kind == Failures.Kind.CONNECTION_LOST) {
                    linkFailed(link, e);
                    SQLException t = Failures.translate(e);
                    throw new SQLException("Write to Basalt node " + link.node() + " failed with its outcome unknown ("
                            + t.getMessage() + "); it may or may not have been applied and was not retried", "08007", e);
                }
                throw Failures.translate(e);
            }
        }
    }

    private synchronized void wroteThrough(NodeLink link) {
        if (link != reader) {
            fenceReads = true;
        }
    }

    /**
     * Read-your-writes across two nodes: after a write sent to the leader, the node reads go to
     * may not have applied it yet. One linearizable read ({@code SELECT 1} with
     * basalt_read_consistency = LINEARIZABLE: a Raft read index through the leader) makes it
     * catch up before the next read; then the session's own setting is back.
     */
    private void fenceIfNeeded(NodeLink link) throws SQLException {
        String restore;
        synchronized (this) {
            if (!fenceReads) {
                return;
            }
            restore = "SET basalt_read_consistency = DEFAULT";
            for (String s : sessionStatements) {
                if (s.toLowerCase(java.util.Locale.ROOT).contains("basalt_read_consistency")) {
                    restore = s;
                }
            }
        }
        link.run("SET basalt_read_consistency = 'LINEARIZABLE'");
        try (Statement s = link.connection().createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
        } catch (SQLException | RuntimeException e) {
            throw Failures.translate(e);
        } finally {
            link.run(restore);
        }
        synchronized (this) {
            fenceReads = false;
        }
    }

    /** The sending half of a write. */
    interface WriteSend<P, T> {
        T send(P prepared) throws SQLException;
    }

    /**
     * Runs a session statement (USE, SET) on every node connection this session has, and
     * remembers it for the node connections it will have.
     */
    synchronized void applySession(String sql) throws SQLException {
        onReader(link -> {
            link.run(sql);
            return null;
        });
        if (writer != null && writer != reader) {
            try {
                writer.run(sql);
            } catch (SQLException e) {
                if (!Failures.isNodeFailure(Failures.classify(e))) {
                    throw e;
                }
                linkFailed(writer, e);
            }
        }
        String db = StatementKind.usedDatabase(sql);
        if (db != null) {
            database = db;
        } else {
            // Pools repeat the same SET on every checkout: keep one copy, in the order last run.
            sessionStatements.remove(sql);
            sessionStatements.add(sql);
        }
    }

    /** The current database as this driver tracks it (URL, USE, setSchema), or null. */
    synchronized String trackedDatabase() {
        return database;
    }

    /** Closes the node connections; later calls fail. */
    void close() {
        List<NodeLink> links = new ArrayList<>();
        synchronized (this) {
            closed = true;
            if (reader != null) {
                links.add(reader);
            }
            if (writer != null && writer != reader) {
                links.add(writer);
            }
            reader = null;
            writer = null;
        }
        links.forEach(NodeLink::closeQuietly);
    }

    @Override
    public synchronized String toString() {
        return "reading from " + reader + ", writing to " + writer;
    }
}
