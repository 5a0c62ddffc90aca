package io.basalt.tests.slt;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scripted stand-in for a MySQL-protocol server behind JDBC, for testing the runner's bookkeeping:
 * each SQL text maps to rows (as the driver's getString would return them), an update, or an error.
 */
final class FakeServer implements SltRunner.Connector {

    private final Map<String, Object> answers = new HashMap<>();
    final List<String> log = new ArrayList<>();
    boolean down;

    FakeServer rows(String sql, int columns, String... values) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i += columns) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                row.add(values[i + c]);
            }
            rows.add(row);
        }
        answers.put(sql, new Rows(columns, rows));
        return this;
    }

    FakeServer error(String sql, String message) {
        answers.put(sql, new SQLException(message, "42000", 1064));
        return this;
    }

    /** After this SQL the server is gone: the statement fails and no connection can be made. */
    FakeServer crashOn(String sql) {
        answers.put(sql, CRASH);
        return this;
    }

    private record Rows(int columns, List<List<String>> rows) {
    }

    private static final Object CRASH = new Object();

    @Override
    public Connection connect(String database) throws SQLException {
        if (down) {
            throw new SQLNonTransientConnectionException("Connection refused", "08000");
        }
        log.add("connect " + database);
        boolean[] closed = {false};
        return proxy(Connection.class, (p, m, args) -> switch (m.getName()) {
            case "createStatement" -> statement(closed);
            case "isClosed" -> closed[0];
            case "isValid" -> !closed[0] && !down;
            case "close" -> {
                closed[0] = true;
                yield null;
            }
            case "setNetworkTimeout" -> null;
            default -> throw new UnsupportedOperationException(m.getName());
        });
    }

    private Statement statement(boolean[] connectionClosed) {
        Object[] current = {null};
        return proxy(Statement.class, (p, m, args) -> switch (m.getName()) {
            case "execute" -> {
                String sql = (String) args[0];
                log.add(sql);
                Object answer = answers.get(sql);
                if (answer == CRASH) {
                    down = true;
                    connectionClosed[0] = true;
                    throw new SQLNonTransientConnectionException("Connection reset", "08S01");
                }
                if (answer instanceof SQLException e) {
                    throw e;
                }
                current[0] = answer;
                yield answer instanceof Rows;
            }
            case "getResultSet" -> resultSet((Rows) current[0]);
            case "setQueryTimeout", "close" -> null;
            default -> throw new UnsupportedOperationException(m.getName());
        });
    }

    private static ResultSet resultSet(Rows rows) {
        int[] at = {-1};
        ResultSetMetaData md = proxy(ResultSetMetaData.class, (p, m, args) -> {
            if (m.getName().equals("getColumnCount")) {
                return rows.columns();
            }
            throw new UnsupportedOperationException(m.getName());
        });
        return proxy(ResultSet.class, (p, m, args) -> switch (m.getName()) {
            case "getMetaData" -> md;
            case "next" -> ++at[0] < rows.rows().size();
            case "getString" -> rows.rows().get(at[0]).get((Integer) args[0] - 1);
            case "close" -> null;
            default -> throw new UnsupportedOperationException(m.getName());
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(FakeServer.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
