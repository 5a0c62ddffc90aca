package io.basalt.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * A JDBC connection to a Basalt cluster. The JDBC surface is here; which node each call goes to,
 * and what is retried when a node fails, is {@link FailoverRouter}'s (its comment says exactly
 * what is retried and what is not).
 */
public final class BasaltConnection implements Connection {
    private final BasaltUrl url;
    private final String urlText;
    private final FailoverRouter router;
    private final Set<BasaltStatement> statements = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    // Guarded by this.
    private boolean readOnly;
    private TypeInfoTable typeInfo;

    private BasaltConnection(String urlText, BasaltUrl url, FailoverRouter router) {
        this.urlText = urlText;
        this.url = requireNonNull(url, "url");
        this.router = requireNonNull(router, "router");
    }

    /** Connects to the first live node of the URL. */
    static BasaltConnection open(String urlText, BasaltUrl url, NodeConnector connector) throws SQLException {
        FailoverRouter router = new FailoverRouter(url, connector);
        router.reader();
        return new BasaltConnection(urlText, url, router);
    }

    // ---- where calls go: FailoverRouter ---------------------------------------------------------

    <T> T onReader(FailoverRouter.LinkCall<T> call) throws SQLException {
        checkOpen();
        return router.onReader(call);
    }

    <P, T> T onWriter(FailoverRouter.LinkCall<P> prepare, FailoverRouter.WriteSend<P, T> send) throws SQLException {
        checkOpen();
        return router.onWriter(prepare, send);
    }

    void applySession(String sql) throws SQLException {
        checkOpen();
        router.applySession(sql);
    }

    boolean isCurrent(NodeLink link) {
        return router.isCurrent(link);
    }

    BasaltUrl url() {
        return url;
    }

    String urlText() {
        return urlText;
    }

    void forget(BasaltStatement s) {
        statements.remove(s);
    }

    synchronized TypeInfoTable typeInfo() {
        if (typeInfo == null) {
            typeInfo = new TypeInfoTable();
        }
        return typeInfo;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("connection is closed", "08003");
        }
    }

    /** The node reads go to now (for tests and diagnostics). */
    public HostAndPort currentNode() throws SQLException {
        checkOpen();
        return router.reader().node();
    }

    /** The node writes go to now (for tests and diagnostics). */
    public HostAndPort writeNode() throws SQLException {
        checkOpen();
        return router.writer().node();
    }

    // ---- statements ----------------------------------------------------------------------------

    @Override
    public Statement createStatement() throws SQLException {
        return createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return createStatement(resultSetType, resultSetConcurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        checkOpen();
        checkResultSetKind(resultSetType, resultSetConcurrency);
        BasaltStatement s = new BasaltStatement(this);
        statements.add(s);
        return s;
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        BasaltPreparedStatement s = new BasaltPreparedStatement(this, sql);
        statements.add(s);
        try {
            s.prepareEagerly();
        } catch (SQLException e) {
            s.close();
            throw e;
        }
        return s;
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        checkResultSetKind(resultSetType, resultSetConcurrency);
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        checkResultSetKind(resultSetType, resultSetConcurrency);
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS) {
            throw new SQLFeatureNotSupportedException("generated keys are not returned over Flight SQL");
        }
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        throw new SQLFeatureNotSupportedException("generated keys are not returned over Flight SQL");
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        throw new SQLFeatureNotSupportedException("generated keys are not returned over Flight SQL");
    }

    private static void checkResultSetKind(int type, int concurrency) throws SQLException {
        if (type != ResultSet.TYPE_FORWARD_ONLY || concurrency != ResultSet.CONCUR_READ_ONLY) {
            throw new SQLFeatureNotSupportedException("only forward-only, read-only result sets");
        }
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        throw new SQLFeatureNotSupportedException("Basalt has no stored procedures");
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return prepareCall(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        return prepareCall(sql);
    }

    @Override
    public String nativeSQL(String sql) {
        return sql;
    }

    // ---- transactions: every statement commits on its own ---------------------------------------

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        if (!autoCommit) {
            throw new SQLFeatureNotSupportedException("Basalt has no transactions: every statement commits on its own");
        }
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public void commit() throws SQLException {
        checkOpen();
        throw new SQLException("commit with auto-commit on", "25000");
    }

    @Override
    public void rollback() throws SQLException {
        checkOpen();
        throw new SQLException("rollback with auto-commit on", "25000");
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        throw new SQLFeatureNotSupportedException("savepoints");
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        throw new SQLFeatureNotSupportedException("savepoints");
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        throw new SQLFeatureNotSupportedException("savepoints");
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        throw new SQLFeatureNotSupportedException("savepoints");
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        if (level != TRANSACTION_NONE) {
            throw new SQLFeatureNotSupportedException("Basalt has no transactions");
        }
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return TRANSACTION_NONE;
    }

    // ---- lifecycle -----------------------------------------------------------------------------

    @Override
    public void close() throws SQLException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (BasaltStatement s : List.copyOf(statements)) {
            s.closeQuietly();
        }
        router.close();
        synchronized (this) {
            if (typeInfo != null) {
                typeInfo.close();
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        close();
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        if (timeout < 0) {
            throw new SQLException("negative timeout", "HY000");
        }
        if (closed) {
            return false;
        }
        try {
            return onReader(link -> link.connection().isValid(timeout));
        } catch (SQLException e) {
            return false;
        }
    }

    // ---- metadata and session ------------------------------------------------------------------

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return MetaDataProxy.create(this);
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
        synchronized (this) {
            this.readOnly = readOnly;
        }
    }

    @Override
    public synchronized boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly;
    }

    /** Basalt has one catalog, {@code def}; setting it is accepted and changes nothing. */
    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return "def";
    }

    /** Databases are JDBC schemas (DatabaseMetaData.getSchemaTerm says "database"). */
    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
        if (schema != null) {
            applySession("USE " + FailoverRouter.quoteIdentifier(schema));
        }
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        return router.trackedDatabase();
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
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return Collections.emptyMap();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        throw new SQLFeatureNotSupportedException("type maps");
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public Clob createClob() throws SQLException {
        throw new SQLFeatureNotSupportedException("createClob");
    }

    @Override
    public Blob createBlob() throws SQLException {
        throw new SQLFeatureNotSupportedException("createBlob");
    }

    @Override
    public NClob createNClob() throws SQLException {
        throw new SQLFeatureNotSupportedException("createNClob");
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        throw new SQLFeatureNotSupportedException("createSQLXML");
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        throw new SQLFeatureNotSupportedException("createArrayOf");
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        throw new SQLFeatureNotSupportedException("createStruct");
    }

    private final Properties clientInfo = new Properties();

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (value == null) {
            clientInfo.remove(name);
        } else {
            clientInfo.setProperty(name, value);
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        clientInfo.clear();
        clientInfo.putAll(properties);
    }

    @Override
    public String getClientInfo(String name) {
        return clientInfo.getProperty(name);
    }

    @Override
    public Properties getClientInfo() {
        Properties copy = new Properties();
        copy.putAll(clientInfo);
        return copy;
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        throw new SQLFeatureNotSupportedException("setNetworkTimeout; use Statement.setQueryTimeout");
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return 0;
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

    @Override
    public String toString() {
        return "BasaltConnection[" + url.hosts() + ", " + router + "]";
    }
}
