package io.basalt.server.sql.plan;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * For SELECT SQL_CALC_FOUND_ROWS ... LIMIT n: the query that counts the rows the statement would
 * return without its LIMIT, which is what FOUND_ROWS() reports afterwards.
 */
public final class FoundRowsQuery {
    private FoundRowsQuery() {}

    /**
     * {@code SELECT COUNT(*) FROM (query without its outermost LIMIT and OFFSET)}, built on a copy
     * (validation rewrites the tree it is given); null when the query has no such LIMIT, because
     * then the rows it returns are the count.
     */
    public static SqlNode countWithoutLimit(SqlNode query) {
        SqlNode unlimited;
        if (query instanceof SqlOrderBy o && hasLimit(o)) {
            unlimited = o.query;
        } else if (query instanceof SqlWith w && w.body instanceof SqlOrderBy o && hasLimit(o)) {
            unlimited = new SqlWith(w.getParserPosition(), w.withList, o.query);
        } else {
            return null;
        }
        SqlNode copy = NonGroupedColumns.copy(unlimited);
        // A tree validated before (a prepared statement's) has the LIMIT moved into its SELECT.
        SqlNode body = copy instanceof SqlWith w ? w.body : copy;
        if (body instanceof SqlSelect select) {
            select.setOrderBy(null);
            select.setOffset(null);
            select.setFetch(null);
        }
        SqlParserPos p = SqlParserPos.ZERO;
        SqlNode from = SqlStdOperatorTable.AS.createCall(p, copy, new SqlIdentifier("found_rows", p));
        SqlNodeList count = SqlNodeList.of(SqlStdOperatorTable.COUNT.createCall(p, SqlIdentifier.star(p)));
        return new SqlSelect(p, null, count, from, null, null, null, null, null, null, null, null);
    }

    private static boolean hasLimit(SqlOrderBy o) {
        return o.fetch != null || o.offset != null;
    }
}
