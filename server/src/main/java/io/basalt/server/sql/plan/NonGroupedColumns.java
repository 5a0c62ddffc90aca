package io.basalt.server.sql.plan;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.Util;

/**
 * MySQL without ONLY_FULL_GROUP_BY lets a grouped query select a column that is neither grouped
 * nor aggregated, and returns a value from any row of the group. Calcite always rejects such a
 * column; the planner then rewrites the column the validator named into {@code ANY_VALUE(column)}
 * (see {@link #wrapAt}) and validates again.
 *
 * <p>The validator rewrites the tree it validates, so every attempt validates a fresh copy made by
 * {@link #copy}; the original stays as the parser built it.
 */
final class NonGroupedColumns {
    private NonGroupedColumns() {}

    /** Whether a validation failure is Calcite's "not being grouped" error. */
    static boolean isNotGrouped(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("is not being grouped")) {
                return true;
            }
        }
        return false;
    }

    /** A deep copy of a statement tree: no call, list or identifier is shared with the original. */
    static SqlNode copy(SqlNode node) {
        return node == null ? null : node.accept(new Copier());
    }

    /**
     * A copy of {@code node} with the column at (line, column) wrapped in ANY_VALUE, keeping the
     * column's name as the result label when it is a whole select item; null when no column
     * starts there.
     */
    static SqlNode wrapAt(SqlNode node, int line, int column) {
        Wrapper w = new Wrapper(line, column);
        SqlNode out = node.accept(w);
        return w.done ? out : null;
    }

    private static class Copier extends SqlShuttle {
        @Override
        public SqlNode visit(SqlIdentifier id) {
            return id.clone(id.getParserPosition());
        }

        @Override
        public SqlNode visit(SqlNodeList list) {
            SqlNodeList out = new SqlNodeList(list.getParserPosition());
            for (SqlNode n : list) {
                out.add(n == null ? null : n.accept(this));
            }
            return out;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            ArgHandler<SqlNode> handler = new CallCopyingArgHandler(call, true);
            call.getOperator().acceptCall(this, call, false, handler);
            return handler.result();
        }
    }

    private static final class Wrapper extends Copier {
        private final int line;
        private final int column;
        boolean done;

        Wrapper(int line, int column) {
            this.line = line;
            this.column = column;
        }

        private boolean isTarget(SqlIdentifier id) {
            SqlParserPos p = id.getParserPosition();
            return !done && !id.isStar() && p.getLineNum() == line && p.getColumnNum() == column;
        }

        private SqlNode anyValue(SqlIdentifier id) {
            done = true;
            return new SqlBasicCall(SqlStdOperatorTable.ANY_VALUE, new SqlNode[] {id.clone(id.getParserPosition())},
                    id.getParserPosition());
        }

        @Override
        public SqlNode visit(SqlIdentifier id) {
            return isTarget(id) ? anyValue(id) : super.visit(id);
        }

        @Override
        public SqlNode visit(SqlCall call) {
            if (call instanceof SqlSelect select && select.getSelectList() != null) {
                SqlNodeList items = select.getSelectList();
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof SqlIdentifier id && isTarget(id)) {
                        SqlNode copy = super.visit(call);
                        SqlNodeList copiedItems = ((SqlSelect) copy).getSelectList();
                        copiedItems.set(i, SqlStdOperatorTable.AS.createCall(id.getParserPosition(),
                                copiedItems.get(i), new SqlIdentifier(Util.last(id.names), id.getParserPosition())));
                        return copy;
                    }
                }
            }
            return super.visit(call);
        }
    }
}
