package io.basalt.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.arrow.driver.jdbc.BasaltStatementQueries;

/**
 * A statement of a {@link BasaltConnection}. It holds one Arrow statement per node connection it
 * has run on (the read node, the leader), makes them lazily, and makes them again on the new
 * node after a failover, with the same settings (max rows, fetch size, query timeout).
 */
public class BasaltStatement implements Statement {
    final BasaltConnection connection;
    private final Map<NodeLink, Statement> delegates = new IdentityHashMap<>();
    private final List<String> batch = new ArrayList<>();
    /** The Arrow statement that ran last: its results are this statement's results. */
    private Statement current;
    private ResultSet currentResults;
    private long currentUpdateCount = -1;
    private boolean closed;
    private int maxRows;
    private int fetchSize;
    private int queryTimeout;
    private int maxFieldSize;
    private boolean closeOnCompletion;
    private boolean poolable;

    BasaltStatement(BasaltConnection connection) {
        this.connection = requireNonNull(connection, "connection");
    }

    /** This statement's Arrow statement on a node, made (and configured) if needed. */
    final synchronized Statement delegate(NodeLink link) throws SQLException {
        dropStaleDelegates();
        Statement s = delegates.get(link);
        if (s == null) {
            s = newDelegate(link);
            s.setMaxRows(maxRows);
            if (fetchSize > 0) {
                s.setFetchSize(fetchSize);
            }
            if (queryTimeout > 0) {
                s.setQueryTimeout(queryTimeout);
            }
            delegates.put(link, s);
        }
        return s;
    }

    /** Makes the Arrow statement for a node connection; prepared statements prepare here. */
    Statement newDelegate(NodeLink link) throws SQLException {
        return link.connection().createStatement();
    }

    private void dropStaleDelegates() {
        for (Iterator<Map.Entry<NodeLink, Statement>> it = delegates.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<NodeLink, Statement> e = it.next();
            if (!connection.isCurrent(e.getKey())) {
                closeQuietly(e.getValue());
                it.remove();
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // its node is gone
        }
    }

    final void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("statement is closed", "HY010");
        }
        if (connection.isClosed()) {
            throw new SQLException("connection is closed", "08003");
        }
    }

    /** Records what an execution produced, for getResultSet / getUpdateCount. */
    final synchronized <R> R ran(Statement delegate, ResultSet rs, long updateCount, R value) {
        current = delegate;
        currentResults = rs;
        currentUpdateCount = updateCount;
        return value;
    }

    // ---- execution -----------------------------------------------------------------------------

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        checkOpen();
        return connection.onReader(link -> {
            if (StatementKind.isUndescribedRead(sql)) {
                ResultSet rs = BasaltStatementQueries.query(link.connection(), sql);
                return ran(null, rs, -1, rs);
            }
            Statement s = delegate(link);
            ResultSet rs = s.executeQuery(sql);
            return ran(s, rs, -1, rs);
        });
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return (int) executeLargeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        checkOpen();
        switch (StatementKind.of(sql)) {
            case SESSION -> {
                connection.applySession(sql);
                return ran(null, null, 0, 0L);
            }
            case READ, WRITE -> {
                return connection.onWriter(this::delegate, s -> {
                    long n = s.executeLargeUpdate(sql);
                    return ran(s, null, n, n);
                });
            }
            default -> throw new IllegalStateException();
        }
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        checkOpen();
        return switch (StatementKind.of(sql)) {
            case READ -> StatementKind.isUndescribedRead(sql) ? executeQuery(sql) != null
                    : connection.onReader(link -> executeOn(delegate(link), sql));
            case SESSION -> {
                connection.applySession(sql);
                yield ran(null, null, 0, false);
            }
            case WRITE -> connection.onWriter(this::delegate, s -> executeOn(s, sql));
        };
    }

    private boolean executeOn(Statement s, String sql) throws SQLException {
        boolean hasRows = s.execute(sql);
        return hasRows ? ran(s, s.getResultSet(), -1, true) : ran(s, null, s.getLargeUpdateCount(), false);
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        batch.add(requireNonNull(sql, "sql"));
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    /**
     * Runs the batch statement by statement (Arrow's driver has no statement batches). Each is a
     * write of its own: one whose node failed mid-way ends the batch with the counts of those
     * done.
     */
    @Override
    public int[] executeBatch() throws SQLException {
        long[] large = executeLargeBatch();
        int[] counts = new int[large.length];
        for (int i = 0; i < large.length; i++) {
            counts[i] = (int) large[i];
        }
        return counts;
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<String> work = List.copyOf(batch);
        batch.clear();
        long[] counts = new long[work.size()];
        for (int i = 0; i < work.size(); i++) {
            try {
                counts[i] = executeLargeUpdate(work.get(i));
            } catch (SQLException e) {
                long[] done = java.util.Arrays.copyOf(counts, i);
                throw new BatchUpdateException(e.getMessage(), e.getSQLState(), e.getErrorCode(), done, e);
            }
        }
        return counts;
    }

    @Override
    public synchronized ResultSet getResultSet() throws SQLException {
        checkOpen();
        return currentResults;
    }

    @Override
    public synchronized int getUpdateCount() throws SQLException {
        checkOpen();
        return (int) currentUpdateCount;
    }

    @Override
    public synchronized long getLargeUpdateCount() throws SQLException {
        checkOpen();
        return currentUpdateCount;
    }

    @Override
    public synchronized boolean getMoreResults() throws SQLException {
        return getMoreResults(CLOSE_CURRENT_RESULT);
    }

    @Override
    public synchronized boolean getMoreResults(int current) throws SQLException {
        checkOpen();
        if (currentResults != null && current != KEEP_CURRENT_RESULT) {
            currentResults.close();
        }
        currentResults = null;
        currentUpdateCount = -1;
        return false;
    }

    // ---- generated keys: not over Flight SQL ---------------------------------------------------

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        throw new SQLFeatureNotSupportedException("generated keys are not returned over Flight SQL");
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys == RETURN_GENERATED_KEYS) {
            throw new SQLFeatureNotSupportedException("generated keys are not returned over Flight SQL");
        }
        return executeUpdate(sql);
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        throw new SQLFeatureNotSupportedException("generated keys are not returned over Flight SQL");
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        throw new SQLFeatureNotSupportedException("generated keys are not returned over Flight SQL");
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys == RETURN_GENERATED_KEYS) {
            throw new SQLFeatureNotSupportedException("generated keys are not returned over Flight SQL");
        }
        return execute(sql);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        throw new SQLFeatureNotSupportedException("generated keys are not returned over Flight SQL");
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        throw new SQLFeatureNotSupportedException("generated keys are not returned over Flight SQL");
    }

    // ---- settings, applied to every Arrow statement this one makes -------------------------------

    @Override
    public synchronized int getMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    @Override
    public synchronized void setMaxRows(int max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw new SQLException("negative max rows", "HY024");
        }
        maxRows = max;
        for (Statement s : delegates.values()) {
            s.setMaxRows(max);
        }
    }

    @Override
    public synchronized int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public synchronized void setFetchSize(int rows) throws SQLException {
        checkOpen();
        // Flight streams Arrow batches whatever the fetch size; remembered for the application.
        fetchSize = Math.max(0, rows);
    }

    @Override
    public synchronized int getQueryTimeout() throws SQLException {
        checkOpen();
        return queryTimeout;
    }

    @Override
    public synchronized void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        if (seconds < 0) {
            throw new SQLException("negative query timeout", "HY024");
        }
        queryTimeout = seconds;
        for (Statement s : delegates.values()) {
            s.setQueryTimeout(seconds);
        }
    }

    @Override
    public synchronized int getMaxFieldSize() throws SQLException {
        checkOpen();
        return maxFieldSize;
    }

    @Override
    public synchronized void setMaxFieldSize(int max) throws SQLException {
        checkOpen();
        maxFieldSize = max;
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen();
    }

    @Override
    public void cancel() throws SQLException {
        Statement s;
        synchronized (this) {
            s = current;
        }
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        throw new SQLFeatureNotSupportedException("named cursors");
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD) {
            throw new SQLFeatureNotSupportedException("only FETCH_FORWARD");
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() throws SQLException {
        checkOpen();
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        checkOpen();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
    }

    @Override
    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        checkOpen();
        this.poolable = poolable;
    }

    @Override
    public boolean isPoolable() throws SQLException {
        checkOpen();
        return poolable;
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        checkOpen();
        return closeOnCompletion;
    }

    @Override
    public void close() throws SQLException {
        closeQuietly();
    }

    synchronized void closeQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        for (Statement s : delegates.values()) {
            closeQuietly(s);
        }
        delegates.clear();
        current = null;
        currentResults = null;
        connection.forget(this);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
