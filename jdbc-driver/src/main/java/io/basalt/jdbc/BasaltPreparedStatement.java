package io.basalt.jdbc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A prepared statement of a {@link BasaltConnection}. Parameter values are kept on this side, so
 * after a failover the statement is prepared again on the new node and the values bound again.
 * A SELECT (or SHOW, WITH...) is prepared on the read node, anything else on the leader.
 *
 * <p>Flight SQL runs a parameter batch as one update and reports one count for the whole batch;
 * {@link #executeBatch()} spreads it as 1 per row when it equals the number of rows, and gives
 * {@link Statement#SUCCESS_NO_INFO} for each row otherwise.
 */
public final class BasaltPreparedStatement extends BasaltStatement implements PreparedStatement {
    private final String sql;
    private final StatementKind kind;
    private final TreeMap<Integer, Binding> bindings = new TreeMap<>();
    private final List<Map<Integer, Binding>> batchBindings = new ArrayList<>();

    BasaltPreparedStatement(BasaltConnection connection, String sql) {
        super(connection);
        this.sql = sql;
        this.kind = StatementKind.of(sql);
    }

    @Override
    Statement newDelegate(NodeLink link) throws SQLException {
        return link.connection().prepareStatement(sql);
    }

    private PreparedStatement prepared(NodeLink link) throws SQLException {
        return (PreparedStatement) delegate(link);
    }

    /** Prepares on the node it will run on, so bad SQL fails in prepareStatement as with other drivers. */
    void prepareEagerly() throws SQLException {
        switch (kind) {
            case READ -> {
                if (!StatementKind.isUndescribedRead(sql)) {
                    connection.onReader(this::prepared);
                }
            }
            case WRITE -> connection.onWriter(this::prepared, ps -> ps);
            case SESSION -> {
                // run by applySession: nothing to prepare
            }
            default -> throw new IllegalStateException();
        }
    }

    private static void bind(PreparedStatement ps, Map<Integer, Binding> values) throws SQLException {
        ps.clearParameters();
        for (Binding b : values.values()) {
            b.bind(ps);
        }
    }

    private PreparedStatement boundOn(NodeLink link) throws SQLException {
        PreparedStatement ps = prepared(link);
        bind(ps, bindings);
        return ps;
    }

    // ---- execution -----------------------------------------------------------------------------

    @Override
    public ResultSet executeQuery() throws SQLException {
        checkOpen();
        if (StatementKind.isUndescribedRead(sql) && bindings.isEmpty()) {
            return connection.onReader(link -> {
                ResultSet rs = org.apache.arrow.driver.jdbc.BasaltStatementQueries.query(link.connection(), sql);
                return ran(null, rs, -1, rs);
            });
        }
        return connection.onReader(link -> {
            PreparedStatement ps = boundOn(link);
            ResultSet rs = ps.executeQuery();
            return ran(ps, rs, -1, rs);
        });
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) executeLargeUpdate();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        checkOpen();
        if (kind == StatementKind.SESSION) {
            runSession();
            return ran(null, null, 0, 0L);
        }
        return connection.onWriter(this::boundOn, ps -> {
            long n = ps.executeLargeUpdate();
            return ran(ps, null, n, n);
        });
    }

    @Override
    public boolean execute() throws SQLException {
        checkOpen();
        return switch (kind) {
            case READ -> StatementKind.isUndescribedRead(sql) && bindings.isEmpty() ? executeQuery() != null
                    : connection.onReader(link -> executeOn(boundOn(link)));
            case SESSION -> {
                runSession();
                yield ran(null, null, 0, false);
            }
            case WRITE -> connection.onWriter(this::boundOn, this::executeOn);
        };
    }

    private boolean executeOn(PreparedStatement ps) throws SQLException {
        boolean hasRows = ps.execute();
        return hasRows ? ran(ps, ps.getResultSet(), -1, true) : ran(ps, null, ps.getLargeUpdateCount(), false);
    }

    private void runSession() throws SQLException {
        if (!bindings.isEmpty()) {
            throw new SQLFeatureNotSupportedException("parameters in USE or SET");
        }
        connection.applySession(sql);
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        batchBindings.add(new TreeMap<>(bindings));
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batchBindings.clear();
    }

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
        List<Map<Integer, Binding>> rows = List.copyOf(batchBindings);
        batchBindings.clear();
        if (rows.isEmpty()) {
            return new long[0];
        }
        long[] reported = connection.onWriter(link -> {
            PreparedStatement ps = prepared(link);
            ps.clearBatch();
            for (Map<Integer, Binding> row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            return ps;
        }, ps -> ran(ps, null, -1, ps.executeLargeBatch()));
        return perRow(reported, rows.size());
    }

    static long[] perRow(long[] reported, int rows) {
        if (reported.length == rows) {
            return reported;
        }
        long total = Arrays.stream(reported).sum();
        long[] counts = new long[rows];
        Arrays.fill(counts, total == rows ? 1 : SUCCESS_NO_INFO);
        return counts;
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        bindings.clear();
    }

    private void set(int index, Binding binding) throws SQLException {
        checkOpen();
        if (index < 1) {
            throw new SQLException("parameter index " + index + " out of range", "07009");
        }
        bindings.put(index, binding);
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return kind == StatementKind.WRITE
                ? connection.onWriter(this::prepared, PreparedStatement::getMetaData)
                : connection.onReader(link -> prepared(link).getMetaData());
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        return kind == StatementKind.WRITE
                ? connection.onWriter(this::prepared, PreparedStatement::getParameterMetaData)
                : connection.onReader(link -> prepared(link).getParameterMetaData());
    }

    // ---- the Statement methods that take SQL do not apply --------------------------------------

    private static SQLException notWithSql() {
        return new SQLException("a PreparedStatement runs the SQL it was prepared with", "HY000");
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw notWithSql();
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        throw notWithSql();
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        throw notWithSql();
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        throw notWithSql();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        throw notWithSql();
    }

    // ---- values read from streams up front, so that they can be bound again ----------------------

    private static byte[] bytes(InputStream in, long length) throws SQLException {
        if (in == null) {
            return null;
        }
        try {
            byte[] all = length < 0 ? in.readAllBytes() : in.readNBytes((int) length);
            return all;
        } catch (IOException e) {
            throw new SQLException("cannot read the parameter's stream: " + e.getMessage(), "HY000", e);
        }
    }

    private static String ascii(InputStream in, long length) throws SQLException {
        byte[] b = bytes(in, length);
        return b == null ? null : new String(b, StandardCharsets.US_ASCII);
    }

    private static String utf16(InputStream in, long length) throws SQLException {
        byte[] b = bytes(in, length);
        return b == null ? null : new String(b, StandardCharsets.UTF_16BE);
    }

    private static String chars(Reader in, long length) throws SQLException {
        if (in == null) {
            return null;
        }
        try {
            StringWriter w = new StringWriter();
            if (length < 0) {
                in.transferTo(w);
            } else {
                char[] buf = new char[8192];
                long left = length;
                while (left > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) {
                        break;
                    }
                    w.write(buf, 0, n);
                    left -= n;
                }
            }
            return w.toString();
        } catch (IOException e) {
            throw new SQLException("cannot read the parameter's reader: " + e.getMessage(), "HY000", e);
        }
    }

    // ---- setters: each keeps its value as a Binding ----------------------------------------------

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        set(parameterIndex, s -> s.setNull(parameterIndex, sqlType));
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        set(parameterIndex, s -> s.setNull(parameterIndex, sqlType, typeName));
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        set(parameterIndex, s -> s.setBoolean(parameterIndex, x));
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        set(parameterIndex, s -> s.setByte(parameterIndex, x));
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        set(parameterIndex, s -> s.setShort(parameterIndex, x));
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        set(parameterIndex, s -> s.setInt(parameterIndex, x));
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        set(parameterIndex, s -> s.setLong(parameterIndex, x));
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        set(parameterIndex, s -> s.setFloat(parameterIndex, x));
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        set(parameterIndex, s -> s.setDouble(parameterIndex, x));
    }

    @Override
    public void setBigDecimal(int parameterIndex, java.math.BigDecimal x) throws SQLException {
        set(parameterIndex, s -> s.setBigDecimal(parameterIndex, x));
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        set(parameterIndex, s -> s.setString(parameterIndex, x));
    }

    @Override
    public void setNString(int parameterIndex, String x) throws SQLException {
        set(parameterIndex, s -> s.setNString(parameterIndex, x));
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        byte[] copy = x == null ? null : x.clone();
        set(parameterIndex, s -> s.setBytes(parameterIndex, copy));
    }

    @Override
    public void setDate(int parameterIndex, java.sql.Date x) throws SQLException {
        set(parameterIndex, s -> s.setDate(parameterIndex, x));
    }

    @Override
    public void setTime(int parameterIndex, java.sql.Time x) throws SQLException {
        set(parameterIndex, s -> s.setTime(parameterIndex, x));
    }

    @Override
    public void setTimestamp(int parameterIndex, java.sql.Timestamp x) throws SQLException {
        set(parameterIndex, s -> s.setTimestamp(parameterIndex, x));
    }

    @Override
    public void setDate(int parameterIndex, java.sql.Date x, java.util.Calendar cal) throws SQLException {
        set(parameterIndex, s -> s.setDate(parameterIndex, x, cal));
    }

    @Override
    public void setTime(int parameterIndex, java.sql.Time x, java.util.Calendar cal) throws SQLException {
        set(parameterIndex, s -> s.setTime(parameterIndex, x, cal));
    }

    @Override
    public void setTimestamp(int parameterIndex, java.sql.Timestamp x, java.util.Calendar cal) throws SQLException {
        set(parameterIndex, s -> s.setTimestamp(parameterIndex, x, cal));
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        set(parameterIndex, s -> s.setObject(parameterIndex, x));
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        set(parameterIndex, s -> s.setObject(parameterIndex, x, targetSqlType));
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        set(parameterIndex, s -> s.setObject(parameterIndex, x, targetSqlType, scaleOrLength));
    }

    @Override
    public void setURL(int parameterIndex, java.net.URL x) throws SQLException {
        set(parameterIndex, s -> s.setURL(parameterIndex, x));
    }

    @Override
    public void setAsciiStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
        String value = ascii(x, length);
        set(parameterIndex, s -> s.setString(parameterIndex, value));
    }

    @Override
    public void setAsciiStream(int parameterIndex, java.io.InputStream x, long length) throws SQLException {
        String value = ascii(x, length);
        set(parameterIndex, s -> s.setString(parameterIndex, value));
    }

    @Override
    public void setAsciiStream(int parameterIndex, java.io.InputStream x) throws SQLException {
        String value = ascii(x, -1);
        set(parameterIndex, s -> s.setString(parameterIndex, value));
    }

    @Override
    public void setUnicodeStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
        String value = utf16(x, length);
        set(parameterIndex, s -> s.setString(parameterIndex, value));
    }

    @Override
    public void setBinaryStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
        byte[] value = bytes(x, length);
        set(parameterIndex, s -> s.setBytes(parameterIndex, value));
    }

    @Override
    public void setBinaryStream(int parameterIndex, java.io.InputStream x, long length) throws SQLException {
        byte[] value = bytes(x, length);
        set(parameterIndex, s -> s.setBytes(parameterIndex, value));
    }

    @Override
    public void setBinaryStream(int parameterIndex, java.io.InputStream x) throws SQLException {
        byte[] value = bytes(x, -1);
        set(parameterIndex, s -> s.setBytes(parameterIndex, value));
    }

    @Override
    public void setCharacterStream(int parameterIndex, java.io.Reader x, int length) throws SQLException {
        String value = chars(x, length);
        set(parameterIndex, s -> s.setString(parameterIndex, value));
    }

    @Override
    public void setCharacterStream(int parameterIndex, java.io.Reader x, long length) throws SQLException {
        String value = chars(x, length);
        set(parameterIndex, s -> s.setString(parameterIndex, value));
    }

    @Override
    public void setCharacterStream(int parameterIndex, java.io.Reader x) throws SQLException {
        String value = chars(x, -1);
        set(parameterIndex, s -> s.setString(parameterIndex, value));
    }

    @Override
    public void setNCharacterStream(int parameterIndex, java.io.Reader x, long length) throws SQLException {
        String value = chars(x, length);
        set(parameterIndex, s -> s.setString(parameterIndex, value));
    }

    @Override
    public void setNCharacterStream(int parameterIndex, java.io.Reader x) throws SQLException {
        String value = chars(x, -1);
        set(parameterIndex, s -> s.setString(parameterIndex, value));
    }

    @Override
    public void setClob(int parameterIndex, java.io.Reader x, long length) throws SQLException {
        String value = chars(x, length);
        set(parameterIndex, s -> s.setString(parameterIndex, value));
    }

    @Override
    public void setClob(int parameterIndex, java.io.Reader x) throws SQLException {
        String value = chars(x, -1);
        set(parameterIndex, s -> s.setString(parameterIndex, value));
    }

    @Override
    public void setNClob(int parameterIndex, java.io.Reader x, long length) throws SQLException {
        String value = chars(x, length);
        set(parameterIndex, s -> s.setString(parameterIndex, value));
    }

    @Override
    public void setNClob(int parameterIndex, java.io.Reader x) throws SQLException {
        String value = chars(x, -1);
        set(parameterIndex, s -> s.setString(parameterIndex, value));
    }

    @Override
    public void setBlob(int parameterIndex, java.io.InputStream x, long length) throws SQLException {
        byte[] value = bytes(x, length);
        set(parameterIndex, s -> s.setBytes(parameterIndex, value));
    }

    @Override
    public void setBlob(int parameterIndex, java.io.InputStream x) throws SQLException {
        byte[] value = bytes(x, -1);
        set(parameterIndex, s -> s.setBytes(parameterIndex, value));
    }

    @Override
    public void setBlob(int parameterIndex, java.sql.Blob x) throws SQLException {
        byte[] value = x == null ? null : x.getBytes(1, (int) x.length());
        set(parameterIndex, s -> s.setBytes(parameterIndex, value));
    }

    @Override
    public void setClob(int parameterIndex, java.sql.Clob x) throws SQLException {
        String value = x == null ? null : x.getSubString(1, (int) x.length());
        set(parameterIndex, s -> s.setString(parameterIndex, value));
    }

    @Override
    public void setNClob(int parameterIndex, java.sql.NClob x) throws SQLException {
        String value = x == null ? null : x.getSubString(1, (int) x.length());
        set(parameterIndex, s -> s.setString(parameterIndex, value));
    }

    @Override
    public void setRef(int parameterIndex, java.sql.Ref x) throws SQLException {
        throw new SQLFeatureNotSupportedException("setRef");
    }

    @Override
    public void setArray(int parameterIndex, java.sql.Array x) throws SQLException {
        throw new SQLFeatureNotSupportedException("setArray");
    }

    @Override
    public void setRowId(int parameterIndex, java.sql.RowId x) throws SQLException {
        throw new SQLFeatureNotSupportedException("setRowId");
    }

    @Override
    public void setSQLXML(int parameterIndex, java.sql.SQLXML x) throws SQLException {
        throw new SQLFeatureNotSupportedException("setSQLXML");
    }
}
