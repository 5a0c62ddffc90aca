package io.basalt.server.sql.ast;

import java.util.List;
import java.util.Map;

/**
 * Everything CREATE TABLE declares.
 *
 * @param name table name
 * @param columns columns in order
 * @param keysType DUPLICATE, PRIMARY, UNIQUE or AGGREGATE (StarRocks key model), or null for plain MySQL
 * @param keyColumns columns of the key model clause, or of PRIMARY KEY (...) in MySQL form
 * @param indexes secondary indexes (INDEX / KEY / UNIQUE KEY clauses)
 * @param distributionColumns DISTRIBUTED BY HASH(...) columns, empty when absent
 * @param buckets BUCKETS n, or 0 when absent
 * @param partitionColumn PARTITION BY RANGE column, or null
 * @param properties PROPERTIES (...), ENGINE, COMMENT and other table options
 */
public record TableDefinition(ObjectName name, List<ColumnDefinition> columns, String keysType,
        List<String> keyColumns, List<IndexDefinition> indexes, List<String> distributionColumns, int buckets,
        String partitionColumn, Map<String, String> properties) {

    /** A secondary index or unique constraint declared in the table body. */
    public record IndexDefinition(String name, List<String> columns, boolean unique) {}
}
