package io.basalt.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@link DatabaseMetaData} of a {@link BasaltConnection}: Arrow's driver answers (catalogs,
 * schemas, tables, columns, keys from Flight SQL commands; the rest from SqlInfo), each call a
 * read that fails over like a query. This side answers what Arrow's driver cannot: the driver's
 * own name and version, the URL, {@code getConnection()}, {@code getTypeInfo()} (Arrow's is
 * empty) and {@code getIndexInfo()} (from {@code information_schema.STATISTICS}).
 *
 * <p>A dynamic proxy, because every one of DatabaseMetaData's ~180 methods but those few is the
 * same delegation with the same failover.
 */
final class MetaDataProxy implements InvocationHandler {
    private final BasaltConnection connection;

    private MetaDataProxy(BasaltConnection connection) {
        this.connection = connection;
    }

    static DatabaseMetaData create(BasaltConnection connection) {
        return (DatabaseMetaData) Proxy.newProxyInstance(MetaDataProxy.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, new MetaDataProxy(connection));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "getConnection":
                return connection;
            case "getURL":
                return connection.urlText();
            case "getUserName":
                return connection.url().flightProperties().getProperty("user");
            case "getDriverName":
                return BasaltDriver.NAME;
            case "getDriverVersion":
                return BasaltDriver.VERSION;
            case "getDriverMajorVersion":
                return BasaltDriver.MAJOR_VERSION;
            case "getDriverMinorVersion":
                return BasaltDriver.MINOR_VERSION;
            case "getJDBCMajorVersion":
                return 4;
            case "getJDBCMinorVersion":
                return 2;
            case "getTypeInfo":
                return connection.typeInfo().resultSet();
            case "getIndexInfo":
                return indexInfo((String) args[1], (String) args[2], (Boolean) args[3]);
            case "isReadOnly":
                return connection.isReadOnly();
            case "unwrap":
                if (((Class<?>) args[0]).isInstance(proxy)) {
                    return proxy;
                }
                throw new SQLException("not a wrapper for " + ((Class<?>) args[0]).getName());
            case "isWrapperFor":
                return ((Class<?>) args[0]).isInstance(proxy);
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            case "toString":
                return "DatabaseMetaData of " + connection;
            default:
                return connection.onReader(link -> delegate(link.connection().getMetaData(), method, args));
        }
    }

    private static Object delegate(DatabaseMetaData target, Method method, Object[] args) throws SQLException {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException s) {
                throw s;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new SQLException(cause);
        } catch (IllegalAccessException e) {
            throw new SQLException(e);
        }
    }

    /**
     * getIndexInfo over information_schema.STATISTICS: primary keys, unique keys and indexes.
     * Basalt keeps no per-index statistics, so CARDINALITY is the server's figure and PAGES 0.
     */
    private ResultSet indexInfo(String schema, String table, boolean unique) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT 'def' AS TABLE_CAT, TABLE_SCHEMA AS TABLE_SCHEM, TABLE_NAME, "
                + "NON_UNIQUE <> 0 AS NON_UNIQUE, TABLE_SCHEMA AS INDEX_QUALIFIER, INDEX_NAME, "
                + "CAST(" + DatabaseMetaData.tableIndexOther + " AS SMALLINT) AS TYPE, "
                + "CAST(SEQ_IN_INDEX AS SMALLINT) AS ORDINAL_POSITION, COLUMN_NAME, COLLATION AS ASC_OR_DESC, "
                + "CARDINALITY, CAST(0 AS BIGINT) AS PAGES, CAST(NULL AS VARCHAR(1)) AS FILTER_CONDITION "
                + "FROM information_schema.STATISTICS WHERE TABLE_NAME = ").append(literal(table));
        if (schema != null) {
            sql.append(" AND TABLE_SCHEMA = ").append(literal(schema));
        }
        if (unique) {
            sql.append(" AND NON_UNIQUE = 0");
        }
        sql.append(" ORDER BY NON_UNIQUE, INDEX_NAME, ORDINAL_POSITION");
        String text = sql.toString();
        return connection.onReader(link -> {
            Statement s = link.connection().createStatement();
            ResultSet rs = s.executeQuery(text);
            s.closeOnCompletion();
            return rs;
        });
    }

    /** A MySQL string literal: quotes doubled, backslashes escaped. */
    static String literal(String value) {
        if (value == null) {
            return "NULL";
        }
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
