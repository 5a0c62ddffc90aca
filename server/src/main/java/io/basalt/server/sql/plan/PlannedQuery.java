package io.basalt.server.sql.plan;

import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A query ready to execute: the optimized plan, the result row type, for each result column its
 * label and where it comes from (for result metadata), and the tables and views it reads as
 * [database, name] (tables read only inside views are not listed: views run with their
 * definer's rights).
 */
public record PlannedQuery(RelNode rel, RelDataType rowType, List<String> labels, List<ColumnOrigin> origins,
        List<List<String>> readObjects) {
    /** Source of a result column: database, table (alias), original table and original column; nulls when computed. */
    public record ColumnOrigin(String database, String table, String originalTable, String originalColumn) {
        public static final ColumnOrigin NONE = new ColumnOrigin(null, null, null, null);
    }
}
