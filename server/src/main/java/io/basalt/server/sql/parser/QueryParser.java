package io.basalt.server.sql.parser;

import io.basalt.server.sql.lexer.Token;
import io.basalt.server.sql.lexer.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Parses MySQL queries into Calcite nodes: SELECT with every clause MySQL has, joins in MySQL's
 * precedence (comma binds looser than JOIN), set operations, WITH, VALUES, LIMIT n,m.
 * Select items without an alias get their source text as alias, which is how MySQL names result
 * columns.
 */
final class QueryParser implements ExpressionParser.QueryParsing {
    private static final int MAX_ALIAS_LENGTH = 256;

    private final TokenCursor in;
    private final ExpressionParser expr;
    private boolean calcFoundRows;

    QueryParser(TokenCursor in) {
        this.in = in;
        this.expr = new ExpressionParser(in, this);
    }

    ExpressionParser expressions() {
        return expr;
    }

    /** Whether a SELECT parsed so far carried SQL_CALC_FOUND_ROWS. */
    boolean calcFoundRows() {
        return calcFoundRows;
    }

    @Override
    public boolean startsQuery() {
        if (in.isWord("SELECT") || in.isWord("WITH") || in.isWord("VALUES")) {
            return true;
        }
        // ((SELECT ...)) and (SELECT ...) UNION (...)
        int ahead = 0;
        while (in.peek(ahead).isSymbol("(")) {
            ahead++;
        }
        return ahead > 0 && (in.peek(ahead).isWord("SELECT") || in.peek(ahead).isWord("WITH"));
    }

    /** query: [WITH ...] set-expression [ORDER BY] [LIMIT]. */
    @Override
    public SqlNode parseQuery() {
        SqlParserPos p = in.pos();
        SqlNodeList with = null;
        if (in.acceptWord("WITH")) {
            boolean recursive = in.acceptWord("RECURSIVE");
            List<SqlNode> items = new ArrayList<>();
            do {
                SqlParserPos ip = in.pos();
                SqlIdentifier name = new SqlIdentifier(in.identifier(), ip);
                SqlNodeList columns = null;
                if (in.acceptSymbol("(")) {
                    columns = identifierList();
                    in.expectSymbol(")");
                }
                in.expectWord("AS");
                in.expectSymbol("(");
                SqlNode q = parseQuery();
                in.expectSymbol(")");
                items.add(new SqlWithItem(ip, name, columns, q, SqlLiteral.createBoolean(recursive, ip)));
            } while (in.acceptSymbol(","));
            with = new SqlNodeList(items, p);
        }
        SqlNode body = setExpression();
        body = orderAndLimit(body, p);
        if (with != null) {
            body = new SqlWith(p, with, body);
        }
        // Locking clauses are accepted and have no effect: reads see a consistent snapshot.
        if (in.acceptWords("FOR", "UPDATE") || in.acceptWords("FOR", "SHARE")
                || in.acceptWords("LOCK", "IN", "SHARE", "MODE")) {
            in.acceptWord("NOWAIT");
        }
        return body;
    }

    private SqlNodeList identifierList() {
        SqlParserPos p = in.pos();
        List<SqlNode> names = new ArrayList<>();
        do {
            names.add(new SqlIdentifier(in.identifier(), in.pos()));
        } while (in.acceptSymbol(","));
        return new SqlNodeList(names, p);
    }

    private SqlNode orderAndLimit(SqlNode body, SqlParserPos p) {
        SqlNodeList order = null;
        if (in.acceptWords("ORDER", "BY")) {
            order = expr.orderList();
        }
        SqlNode[] limit = limitClause();
        if (order == null && limit == null) {
            return body;
        }
        return new SqlOrderBy(p, body, order == null ? SqlNodeList.EMPTY : order,
                limit == null ? null : limit[0], limit == null ? null : limit[1]);
    }

    /** LIMIT n | LIMIT off, n | LIMIT n OFFSET off: returns {offset, fetch}. */
    SqlNode[] limitClause() {
        if (!in.acceptWord("LIMIT")) {
            return null;
        }
        SqlNode first = limitValue();
        if (in.acceptSymbol(",")) {
            SqlNode second = limitValue();
            return new SqlNode[] {first, second};
        }
        if (in.acceptWord("OFFSET")) {
            SqlNode offset = limitValue();
            return new SqlNode[] {offset, first};
        }
        return new SqlNode[] {null, first};
    }

    private SqlNode limitValue() {
        Token t = in.peek();
        if (t.type() == TokenType.INTEGER || t.type() == TokenType.PARAMETER) {
            return expr.primary();
        }
        throw in.error();
    }

    /** UNION / EXCEPT / MINUS at the lowest precedence, INTERSECT above them. */
    private SqlNode setExpression() {
        SqlNode left = intersectTerm();
        while (true) {
            SqlParserPos p = in.pos();
            boolean union = in.isWord("UNION");
            boolean except = in.isWord("EXCEPT") || in.isWord("MINUS");
            if (!union && !except) {
                return left;
            }
            in.next();
            boolean all = in.acceptWord("ALL");
            if (!all) {
                in.acceptWord("DISTINCT");
            }
            SqlNode right = intersectTerm();
            if (union) {
                left = (all ? SqlStdOperatorTable.UNION_ALL : SqlStdOperatorTable.UNION).createCall(p, left, right);
            } else {
                left = (all ? SqlStdOperatorTable.EXCEPT_ALL : SqlStdOperatorTable.EXCEPT).createCall(p, left, right);
            }
        }
    }

    private SqlNode intersectTerm() {
        SqlNode left = queryPrimary();
        while (in.isWord("INTERSECT")) {
            SqlParserPos p = in.pos();
            in.next();
            boolean all = in.acceptWord("ALL");
            if (!all) {
                in.acceptWord("DISTINCT");
            }
            SqlNode right = queryPrimary();
            left = (all ? SqlStdOperatorTable.INTERSECT_ALL : SqlStdOperatorTable.INTERSECT).createCall(p, left, right);
        }
        return left;
    }

    private SqlNode queryPrimary() {
        SqlParserPos p = in.pos();
        if (in.acceptSymbol("(")) {
            SqlNode q = parseQuery();
            in.expectSymbol(")");
            return q;
        }
        if (in.isWord("VALUES")) {
            return values();
        }
        if (in.acceptWord("TABLE")) {
            SqlNode table = expr.compoundIdentifier();
            return new SqlSelect(p, null, SqlNodeList.of(SqlIdentifier.star(p)), table, null, null, null, null,
                    null, null, null, null, null);
        }
        return select();
    }

    /** VALUES ROW(..), (..) as a query. */
    private SqlNode values() {
        SqlParserPos p = in.pos();
        in.expectWord("VALUES");
        List<SqlNode> rows = new ArrayList<>();
        do {
            SqlParserPos rp = in.pos();
            in.acceptWord("ROW");
            in.expectSymbol("(");
            List<SqlNode> items = new ArrayList<>();
            do {
                items.add(expr.expression());
            } while (in.acceptSymbol(","));
            in.expectSymbol(")");
            rows.add(SqlStdOperatorTable.ROW.createCall(rp, items));
        } while (in.acceptSymbol(","));
        return SqlStdOperatorTable.VALUES.createCall(p, rows);
    }

    private SqlSelect select() {
        SqlParserPos p = in.pos();
        in.expectWord("SELECT");
        List<SqlNode> keywords = new ArrayList<>();
        while (true) {
            if (in.acceptWord("DISTINCT") || in.acceptWord("DISTINCTROW")) {
                keywords.add(SqlSelectKeyword.DISTINCT.symbol(p));
            } else if (in.acceptWord("ALL")) {
                keywords.add(SqlSelectKeyword.ALL.symbol(p));
            } else if (in.acceptWord("HIGH_PRIORITY") || in.acceptWord("STRAIGHT_JOIN") || in.acceptWord("SQL_SMALL_RESULT")
                    || in.acceptWord("SQL_BIG_RESULT") || in.acceptWord("SQL_BUFFER_RESULT") || in.acceptWord("SQL_NO_CACHE")
                    || in.acceptWord("SQL_CACHE")) {
                continue;
            } else if (in.acceptWord("SQL_CALC_FOUND_ROWS")) {
                calcFoundRows = true;
            } else {
                break;
            }
        }
        SqlNodeList selectList = selectList();
        SqlNode from = null;
        if (in.acceptWord("FROM")) {
            if (in.acceptWord("DUAL")) {
                from = null;
            } else {
                from = tableReferences();
            }
        }
        SqlNode where = null;
        if (in.acceptWord("WHERE")) {
            where = expr.condition();
        }
        SqlNodeList groupBy = null;
        if (in.acceptWords("GROUP", "BY")) {
            SqlParserPos gp = in.pos();
            List<SqlNode> items = new ArrayList<>();
            do {
                SqlNode e = expr.expression();
                // MySQL 5.x allowed GROUP BY x ASC/DESC; ordering is not implied any more.
                if (!in.acceptWord("ASC")) {
                    in.acceptWord("DESC");
                }
                items.add(e);
            } while (in.acceptSymbol(","));
            if (in.acceptWords("WITH", "ROLLUP")) {
                items = List.of(SqlStdOperatorTable.ROLLUP.createCall(gp, items));
            }
            groupBy = new SqlNodeList(items, gp);
        }
        SqlNode having = null;
        if (in.acceptWord("HAVING")) {
            having = expr.condition();
        }
        SqlNodeList windows = null;
        if (in.acceptWord("WINDOW")) {
            SqlParserPos wp = in.pos();
            List<SqlNode> items = new ArrayList<>();
            do {
                SqlIdentifier name = new SqlIdentifier(in.identifier(), in.pos());
                in.expectWord("AS");
                SqlWindow w = expr.windowSpecification(name);
                items.add(w);
            } while (in.acceptSymbol(","));
            windows = new SqlNodeList(items, wp);
        }
        return new SqlSelect(p, keywords.isEmpty() ? null : new SqlNodeList(keywords, p), selectList, from, where,
                groupBy, having, windows, null, null, null, null, null);
    }

    private SqlNodeList selectList() {
        SqlParserPos p = in.pos();
        List<SqlNode> items = new ArrayList<>();
        do {
            items.add(selectItem());
        } while (in.acceptSymbol(","));
        return new SqlNodeList(items, p);
    }

    private SqlNode selectItem() {
        SqlParserPos p = in.pos();
        if (in.acceptSymbol("*")) {
            return SqlIdentifier.star(p);
        }
        int start = in.mark();
        SqlNode e = expr.expression();
        String text = in.textSince(start);
        String alias = alias();
        if (alias == null) {
            if (e instanceof SqlIdentifier) {
                return e;
            }
            // MySQL names an expression column by its text, cut at 256 characters.
            alias = text.length() > MAX_ALIAS_LENGTH ? text.substring(0, MAX_ALIAS_LENGTH) : text;
        }
        return SqlStdOperatorTable.AS.createCall(p, e, new SqlIdentifier(alias, p));
    }

    /** [AS] alias, where alias may be a quoted string; null when absent. */
    private String alias() {
        if (in.acceptWord("AS")) {
            if (in.peek().type() == TokenType.STRING) {
                return in.string();
            }
            return in.anyIdentifier();
        }
        if (in.peek().type() == TokenType.STRING) {
            return in.string();
        }
        if (in.isIdentifier()) {
            return in.identifier();
        }
        return null;
    }

    /** table_reference [, table_reference] ... */
    SqlNode tableReferences() {
        SqlNode left = tableReference();
        while (in.isSymbol(",")) {
            SqlParserPos p = in.pos();
            in.next();
            SqlNode right = tableReference();
            left = new SqlJoin(p, left, SqlLiteral.createBoolean(false, p), JoinType.COMMA.symbol(p), right,
                    JoinConditionType.NONE.symbol(p), null);
        }
        return left;
    }

    private SqlNode tableReference() {
        SqlNode left = tableFactor();
        while (true) {
            SqlParserPos p = in.pos();
            boolean natural = in.acceptWord("NATURAL");
            JoinType type;
            if (in.acceptWord("LEFT")) {
                in.acceptWord("OUTER");
                type = JoinType.LEFT;
            } else if (in.acceptWord("RIGHT")) {
                in.acceptWord("OUTER");
                type = JoinType.RIGHT;
            } else if (in.acceptWord("FULL")) {
                in.acceptWord("OUTER");
                type = JoinType.FULL;
            } else if (in.acceptWord("INNER")) {
                type = JoinType.INNER;
            } else if (in.acceptWord("CROSS")) {
                type = JoinType.CROSS;
            } else if (in.isWord("JOIN") || in.isWord("STRAIGHT_JOIN")) {
                type = JoinType.INNER;
            } else {
                if (natural) {
                    throw in.error();
                }
                return left;
            }
            if (!in.acceptWord("JOIN")) {
                in.expectWord("STRAIGHT_JOIN");
            }
            SqlNode right = tableFactor();
            if (natural) {
                left = new SqlJoin(p, left, SqlLiteral.createBoolean(true, p), type == JoinType.CROSS
                        ? JoinType.INNER.symbol(p) : type.symbol(p), right, JoinConditionType.NONE.symbol(p), null);
                continue;
            }
            if (in.acceptWord("ON")) {
                SqlNode condition = expr.condition();
                if (type == JoinType.CROSS) {
                    type = JoinType.INNER;
                }
                left = new SqlJoin(p, left, SqlLiteral.createBoolean(false, p), type.symbol(p), right,
                        JoinConditionType.ON.symbol(p), condition);
            } else if (in.acceptWord("USING")) {
                in.expectSymbol("(");
                SqlNodeList columns = identifierList();
                in.expectSymbol(")");
                if (type == JoinType.CROSS) {
                    type = JoinType.INNER;
                }
                left = new SqlJoin(p, left, SqlLiteral.createBoolean(false, p), type.symbol(p), right,
                        JoinConditionType.USING.symbol(p), columns);
            } else {
                if (type != JoinType.INNER && type != JoinType.CROSS) {
                    throw in.error();
                }
                // MySQL treats JOIN without a condition as a cross join.
                left = new SqlJoin(p, left, SqlLiteral.createBoolean(false, p), JoinType.CROSS.symbol(p), right,
                        JoinConditionType.NONE.symbol(p), null);
            }
        }
    }

    private SqlNode tableFactor() {
        SqlParserPos p = in.pos();
        if (in.isSymbol("(")) {
            if (startsQuery()) {
                in.expectSymbol("(");
                SqlNode q = parseQuery();
                in.expectSymbol(")");
                return derivedTableAlias(q, p, true);
            }
            in.expectSymbol("(");
            SqlNode inner = tableReferences();
            in.expectSymbol(")");
            return inner;
        }
        if (in.acceptWord("LATERAL")) {
            in.expectSymbol("(");
            SqlNode q = parseQuery();
            in.expectSymbol(")");
            return derivedTableAlias(SqlStdOperatorTable.LATERAL.createCall(p, q), p, true);
        }
        SqlNode table = tableName();
        SqlNode aliased = derivedTableAlias(table, p, false);
        indexHints();
        return aliased;
    }

    private SqlNode tableName() {
        SqlParserPos p = in.pos();
        List<String> names = new ArrayList<>();
        names.add(in.identifier());
        if (in.acceptSymbol(".")) {
            names.add(in.anyIdentifier());
        }
        return new SqlIdentifier(names, p);
    }

    private SqlNode derivedTableAlias(SqlNode node, SqlParserPos p, boolean required) {
        String alias = null;
        if (in.acceptWord("AS")) {
            alias = in.anyIdentifier();
        } else if (in.isIdentifier() && !isJoinKeyword()) {
            alias = in.identifier();
        }
        if (alias == null) {
            if (required) {
                throw new io.basalt.error.BasaltException(io.basalt.error.ErrorCode.DERIVED_MUST_HAVE_ALIAS,
                        "Every derived table must have its own alias");
            }
            return node;
        }
        List<SqlNode> operands = new ArrayList<>();
        operands.add(node);
        operands.add(new SqlIdentifier(alias, p));
        if (in.isSymbol("(") && required) {
            in.next();
            operands.addAll(identifierList().getList());
            in.expectSymbol(")");
        }
        return SqlStdOperatorTable.AS.createCall(p, operands);
    }

    private boolean isJoinKeyword() {
        String w = in.peek().text().toUpperCase(Locale.ROOT);
        return in.peek().type() == TokenType.WORD && (w.equals("NATURAL") || w.equals("LEFT") || w.equals("RIGHT")
                || w.equals("INNER") || w.equals("CROSS") || w.equals("JOIN") || w.equals("FULL"));
    }

    private void indexHints() {
        while ((in.isWord("USE") || in.isWord("FORCE") || in.isWord("IGNORE"))
                && (in.isWordAhead(1, "INDEX") || in.isWordAhead(1, "KEY"))) {
            in.next();
            in.next();
            if (in.acceptWord("FOR")) {
                if (!in.acceptWord("JOIN")) {
                    in.acceptWords("ORDER", "BY");
                    in.acceptWords("GROUP", "BY");
                }
            }
            in.expectSymbol("(");
            if (!in.isSymbol(")")) {
                do {
                    in.anyIdentifier();
                } while (in.acceptSymbol(","));
            }
            in.expectSymbol(")");
        }
    }
}
