package io.basalt.server.sql.parser;

import io.basalt.server.sql.func.MysqlFunctions;
import io.basalt.server.sql.func.MysqlOperators;
import io.basalt.server.sql.lexer.Token;
import io.basalt.server.sql.lexer.TokenType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * Parses MySQL expressions into Calcite {@link SqlNode}s, with MySQL's operator precedence and
 * meanings: {@code /} is exact division, {@code DIV} and {@code %} exist, {@code ||} is OR, any
 * value can be a condition (wrapped in {@link MysqlOperators#TRUTH}), and so on.
 */
final class ExpressionParser {
    /** Parses a parenthesised query when an expression holds one. */
    interface QueryParsing {
        SqlNode parseQuery();

        boolean startsQuery();
    }

    private static final Set<SqlKind> PREDICATE_KINDS = Set.of(SqlKind.AND, SqlKind.OR, SqlKind.NOT,
            SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN,
            SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.IS_NULL, SqlKind.IS_NOT_NULL, SqlKind.IS_TRUE, SqlKind.IS_NOT_TRUE,
            SqlKind.IS_FALSE, SqlKind.IS_NOT_FALSE, SqlKind.IS_UNKNOWN, SqlKind.IN,
            SqlKind.NOT_IN, SqlKind.LIKE, SqlKind.BETWEEN, SqlKind.EXISTS, SqlKind.IS_NOT_DISTINCT_FROM,
            SqlKind.IS_DISTINCT_FROM, SqlKind.SOME, SqlKind.ALL);

    private final TokenCursor in;
    private final QueryParsing queries;
    private int parameterCount;

    ExpressionParser(TokenCursor in, QueryParsing queries) {
        this.in = in;
        this.queries = queries;
    }

    int parameterCount() {
        return parameterCount;
    }

    /** A full expression. */
    SqlNode expression() {
        return or();
    }

    /** An expression used as a condition: non-predicates are wrapped in TRUTH(). */
    SqlNode condition() {
        return asCondition(expression());
    }

    static SqlNode asCondition(SqlNode n) {
        if (isPredicate(n)) {
            return n;
        }
        return MysqlOperators.TRUTH.createCall(n.getParserPosition(), n);
    }

    static boolean isPredicate(SqlNode n) {
        if (n instanceof SqlLiteral lit) {
            return lit.getTypeName() == org.apache.calcite.sql.type.SqlTypeName.BOOLEAN;
        }
        if (n instanceof SqlCall call) {
            SqlOperator op = call.getOperator();
            return PREDICATE_KINDS.contains(call.getKind()) || op == MysqlOperators.TRUTH || op == MysqlOperators.XOR
                    || op == MysqlOperators.REGEXP || call.getKind() == SqlKind.NOT_IN
                    || op == SqlStdOperatorTable.NOT_LIKE || op == SqlStdOperatorTable.NOT_BETWEEN;
        }
        return false;
    }

    private SqlParserPos pos() {
        return in.pos();
    }

    // ---- boolean levels ---------------------------------------------------------------------

    private SqlNode or() {
        SqlNode left = xor();
        while (in.isWord("OR") || in.isSymbol("||")) {
            SqlParserPos p = pos();
            in.next();
            SqlNode right = xor();
            left = SqlStdOperatorTable.OR.createCall(p, asCondition(left), asCondition(right));
        }
        return left;
    }

    private SqlNode xor() {
        SqlNode left = and();
        while (in.isWord("XOR")) {
            SqlParserPos p = pos();
            in.next();
            SqlNode right = and();
            left = MysqlOperators.XOR.createCall(p, left, right);
        }
        return left;
    }

    private SqlNode and() {
        SqlNode left = not();
        while (in.isWord("AND") || in.isSymbol("&&")) {
            SqlParserPos p = pos();
            in.next();
            SqlNode right = not();
            left = SqlStdOperatorTable.AND.createCall(p, asCondition(left), asCondition(right));
        }
        return left;
    }

    private SqlNode not() {
        if (in.isWord("NOT") && !in.isWordAhead(1, "EXISTS")) {
            SqlParserPos p = pos();
            in.next();
            return SqlStdOperatorTable.NOT.createCall(p, asCondition(not()));
        }
        return isTest();
    }

    /** boolean_primary IS [NOT] {TRUE | FALSE | UNKNOWN | NULL}. */
    private SqlNode isTest() {
        SqlNode left = comparison();
        while (in.isWord("IS")) {
            SqlParserPos p = pos();
            in.next();
            boolean negated = in.acceptWord("NOT");
            if (in.acceptWord("NULL")) {
                left = (negated ? SqlStdOperatorTable.IS_NOT_NULL : SqlStdOperatorTable.IS_NULL).createCall(p, left);
            } else if (in.acceptWord("TRUE")) {
                left = (negated ? SqlStdOperatorTable.IS_NOT_TRUE : SqlStdOperatorTable.IS_TRUE).createCall(p, asCondition(left));
            } else if (in.acceptWord("FALSE")) {
                left = (negated ? SqlStdOperatorTable.IS_NOT_FALSE : SqlStdOperatorTable.IS_FALSE).createCall(p, asCondition(left));
            } else if (in.acceptWord("UNKNOWN")) {
                left = (negated ? SqlStdOperatorTable.IS_NOT_UNKNOWN : SqlStdOperatorTable.IS_UNKNOWN).createCall(p, asCondition(left));
            } else {
                throw in.error();
            }
        }
        return left;
    }

    private SqlNode comparison() {
        SqlNode left = predicate();
        while (true) {
            Token t = in.peek();
            SqlOperator op = comparisonOperator(t);
            if (op == null) {
                if (t.isWord("IS") && (in.peek(1).isWord("NULL") || (in.peek(1).isWord("NOT") && in.peek(2).isWord("NULL")))) {
                    SqlParserPos p = pos();
                    in.next();
                    boolean negated = in.acceptWord("NOT");
                    in.expectWord("NULL");
                    left = (negated ? SqlStdOperatorTable.IS_NOT_NULL : SqlStdOperatorTable.IS_NULL).createCall(p, left);
                    continue;
                }
                return left;
            }
            SqlParserPos p = pos();
            in.next();
            if ((in.isWord("ANY") || in.isWord("SOME") || in.isWord("ALL")) && in.peek(1).isSymbol("(")) {
                boolean all = in.next().isWord("ALL");
                in.expectSymbol("(");
                SqlNode q = queries.parseQuery();
                in.expectSymbol(")");
                SqlKind kind = op.getKind();
                SqlOperator quantified = all ? SqlStdOperatorTable.all(kind) : SqlStdOperatorTable.some(kind);
                left = quantified.createCall(p, left, q);
                continue;
            }
            SqlNode right = predicate();
            left = op.createCall(p, left, right);
        }
    }

    private static SqlOperator comparisonOperator(Token t) {
        if (t.type() != TokenType.SYMBOL) {
            return null;
        }
        return switch (t.text()) {
            case "=" -> SqlStdOperatorTable.EQUALS;
            case "<>", "!=" -> SqlStdOperatorTable.NOT_EQUALS;
            case "<" -> SqlStdOperatorTable.LESS_THAN;
            case "<=" -> SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
            case ">" -> SqlStdOperatorTable.GREATER_THAN;
            case ">=" -> SqlStdOperatorTable.GREATER_THAN_OR_EQUAL;
            case "<=>" -> SqlStdOperatorTable.IS_NOT_DISTINCT_FROM;
            default -> null;
        };
    }

    /** bit_expr [NOT] {IN | BETWEEN | LIKE | REGEXP} ... */
    private SqlNode predicate() {
        SqlNode left = bitOr();
        while (true) {
            int mark = in.mark();
            SqlParserPos p = pos();
            boolean negated = in.acceptWord("NOT");
            if (in.acceptWord("IN")) {
                in.expectSymbol("(");
                SqlNode target;
                if (queries.startsQuery()) {
                    target = queries.parseQuery();
                } else {
                    List<SqlNode> items = new ArrayList<>();
                    if (!in.isSymbol(")")) {
                        do {
                            items.add(expression());
                        } while (in.acceptSymbol(","));
                    }
                    target = new SqlNodeList(items, p);
                }
                in.expectSymbol(")");
                left = (negated ? SqlStdOperatorTable.NOT_IN : SqlStdOperatorTable.IN).createCall(p, left, target);
            } else if (in.acceptWord("BETWEEN")) {
                SqlNode low = bitOr();
                in.expectWord("AND");
                SqlNode high = predicate();
                left = (negated ? SqlStdOperatorTable.NOT_BETWEEN : SqlStdOperatorTable.BETWEEN).createCall(p, left, low, high);
            } else if (in.acceptWord("LIKE")) {
                SqlNode pattern = bitOr();
                SqlOperator like = negated ? SqlStdOperatorTable.NOT_LIKE : SqlStdOperatorTable.LIKE;
                if (in.acceptWord("ESCAPE")) {
                    left = like.createCall(p, left, pattern, primary());
                } else {
                    left = like.createCall(p, left, pattern);
                }
            } else if (in.acceptWord("REGEXP") || in.acceptWord("RLIKE")) {
                SqlNode pattern = bitOr();
                SqlNode call = MysqlOperators.REGEXP.createCall(p, left, pattern);
                left = negated ? SqlStdOperatorTable.NOT.createCall(p, call) : call;
            } else if (!negated && in.isWord("SOUNDS") && in.isWordAhead(1, "LIKE")) {
                throw in.error();
            } else {
                in.reset(mark);
                return left;
            }
        }
    }

    // ---- arithmetic levels ------------------------------------------------------------------

    private SqlNode bitOr() {
        SqlNode left = bitAnd();
        while (in.isSymbol("|")) {
            SqlParserPos p = pos();
            in.next();
            left = MysqlOperators.BIT_OR.createCall(p, left, bitAnd());
        }
        return left;
    }

    private SqlNode bitAnd() {
        SqlNode left = shift();
        while (in.isSymbol("&")) {
            SqlParserPos p = pos();
            in.next();
            left = MysqlOperators.BIT_AND.createCall(p, left, shift());
        }
        return left;
    }

    private SqlNode shift() {
        SqlNode left = additive();
        while (in.isSymbol("<<") || in.isSymbol(">>")) {
            SqlParserPos p = pos();
            boolean leftShift = in.next().text().equals("<<");
            SqlNode right = additive();
            left = (leftShift ? MysqlOperators.SHIFT_LEFT : MysqlOperators.SHIFT_RIGHT).createCall(p, left, right);
        }
        return left;
    }

    private SqlNode additive() {
        SqlNode left = multiplicative();
        while (in.isSymbol("+") || in.isSymbol("-")) {
            SqlParserPos p = pos();
            boolean plus = in.next().text().equals("+");
            if (in.isWord("INTERVAL")) {
                in.next();
                SqlNode[] interval = intervalTail();
                left = MysqlFunctions.lookup(plus ? "DATE_ADD" : "DATE_SUB").createCall(p, left, interval[0], interval[1]);
                continue;
            }
            SqlNode right = multiplicative();
            left = (plus ? MysqlOperators.PLUS : MysqlOperators.MINUS).createCall(p, left, right);
        }
        return left;
    }

    private SqlNode multiplicative() {
        SqlNode left = bitXor();
        while (true) {
            SqlParserPos p = pos();
            SqlOperator op;
            if (in.isSymbol("*")) {
                op = MysqlOperators.MULTIPLY;
            } else if (in.isSymbol("/")) {
                op = MysqlOperators.DIVIDE;
            } else if (in.isSymbol("%") || in.isWord("MOD")) {
                op = MysqlOperators.MOD;
            } else if (in.isWord("DIV")) {
                op = MysqlOperators.INT_DIVIDE;
            } else {
                return left;
            }
            in.next();
            left = op.createCall(p, left, bitXor());
        }
    }

    private SqlNode bitXor() {
        SqlNode left = unary();
        while (in.isSymbol("^")) {
            SqlParserPos p = pos();
            in.next();
            left = MysqlOperators.BIT_XOR.createCall(p, left, unary());
        }
        return left;
    }

    private SqlNode unary() {
        SqlParserPos p = pos();
        if (in.acceptSymbol("-")) {
            SqlNode operand = unary();
            return MysqlOperators.UNARY_MINUS.createCall(p, operand);
        }
        if (in.acceptSymbol("+")) {
            return unary();
        }
        if (in.acceptSymbol("~")) {
            return MysqlOperators.BIT_NOT.createCall(p, unary());
        }
        if (in.acceptSymbol("!")) {
            return SqlStdOperatorTable.NOT.createCall(p, asCondition(unary()));
        }
        if (in.isWord("BINARY") && !in.peek(1).isSymbol("(") && !in.peek(1).isSymbol(")") && !in.peek(1).isSymbol(",")) {
            in.next();
            // BINARY x only changes the comparison collation; values are unchanged.
            return unary();
        }
        SqlNode e = primary();
        if (in.isSymbol("->") || in.isSymbol("->>")) {
            e = jsonColumnPath(e, p);
        }
        while (in.isWord("COLLATE")) {
            in.next();
            in.identifierOrString();
        }
        return e;
    }

    /**
     * {@code column->'path'} is JSON_EXTRACT(column, 'path') and {@code column->>'path'} also
     * unquotes; as in MySQL, the left side must be a column and the path a string literal.
     */
    private SqlNode jsonColumnPath(SqlNode column, SqlParserPos p) {
        if (!(column instanceof SqlIdentifier id) || id.isStar()) {
            throw in.error();
        }
        boolean unquote = in.next().text().equals("->>");
        SqlNode path = SqlLiteral.createCharString(in.string(), pos());
        SqlNode extract = MysqlFunctions.lookup("JSON_EXTRACT").createCall(p, column, path);
        return unquote ? MysqlFunctions.lookup("JSON_UNQUOTE").createCall(p, extract) : extract;
    }

    // ---- primaries --------------------------------------------------------------------------

    SqlNode primary() {
        Token t = in.peek();
        SqlParserPos p = pos();
        switch (t.type()) {
            case INTEGER -> {
                in.next();
                return SqlLiteral.createExactNumeric(t.text(), p);
            }
            case DECIMAL -> {
                in.next();
                return SqlLiteral.createExactNumeric(new BigDecimal(normalizeDecimal(t.text())).toPlainString(), p);
            }
            case FLOAT -> {
                in.next();
                return SqlLiteral.createApproxNumeric(normalizeDecimal(t.text()), p);
            }
            case STRING -> {
                in.next();
                return SqlLiteral.createCharString(t.text(), p);
            }
            case HEX -> {
                in.next();
                String hex = t.text().length() % 2 == 1 ? "0" + t.text() : t.text();
                byte[] bytes = HexFormat.of().parseHex(hex);
                // Printable ASCII hex literals act as the strings they spell (X'41' is 'A'), which is how
                // MySQL uses them in string context; anything else stays a binary string.
                boolean ascii = true;
                for (byte b : bytes) {
                    ascii &= b >= 0x20 && b < 0x7f;
                }
                return ascii ? SqlLiteral.createCharString(new String(bytes, java.nio.charset.StandardCharsets.US_ASCII), p)
                        : SqlLiteral.createBinaryString(bytes, p);
            }
            case BIT -> {
                in.next();
                return SqlLiteral.createExactNumeric(new java.math.BigInteger(t.text().isEmpty() ? "0" : t.text(), 2).toString(), p);
            }
            case PARAMETER -> {
                in.next();
                return new SqlDynamicParam(parameterCount++, p);
            }
            case USER_VARIABLE -> {
                in.next();
                if (in.isSymbol(":=")) {
                    throw in.error();
                }
                return MysqlOperators.USER_VARIABLE.createCall(p, SqlLiteral.createCharString(t.text(), p));
            }
            case SYSTEM_VARIABLE -> {
                in.next();
                return systemVariable(t.text(), p);
            }
            case SYMBOL -> {
                if (t.isSymbol("(")) {
                    return parenthesized();
                }
                if (t.isSymbol("{")) {
                    return odbcEscape();
                }
                throw in.error();
            }
            case QUOTED_IDENTIFIER -> {
                return identifierOrFunction();
            }
            case WORD -> {
                return word(t, p);
            }
            default -> throw in.error();
        }
    }

    private static String normalizeDecimal(String s) {
        String r = s;
        if (r.startsWith(".")) {
            r = "0" + r;
        }
        r = r.replace(".e", ".0e").replace(".E", ".0E");
        if (r.endsWith(".")) {
            r = r + "0";
        }
        return r;
    }

    private SqlNode systemVariable(String text, SqlParserPos p) {
        String scope = "";
        String name = text;
        int dot = text.indexOf('.');
        if (dot > 0) {
            String prefix = text.substring(0, dot).toUpperCase(Locale.ROOT);
            if (prefix.equals("SESSION") || prefix.equals("GLOBAL") || prefix.equals("LOCAL")) {
                scope = prefix.equals("LOCAL") ? "SESSION" : prefix;
                name = text.substring(dot + 1);
            }
        }
        return MysqlOperators.SYSTEM_VARIABLE.createCall(p, SqlLiteral.createCharString(scope, p),
                SqlLiteral.createCharString(name.toLowerCase(Locale.ROOT), p));
    }

    private SqlNode parenthesized() {
        SqlParserPos p = pos();
        in.expectSymbol("(");
        if (queries.startsQuery()) {
            SqlNode q = queries.parseQuery();
            in.expectSymbol(")");
            return q;
        }
        SqlNode first = expression();
        if (in.acceptSymbol(",")) {
            List<SqlNode> items = new ArrayList<>();
            items.add(first);
            do {
                items.add(expression());
            } while (in.acceptSymbol(","));
            in.expectSymbol(")");
            return SqlStdOperatorTable.ROW.createCall(p, items);
        }
        in.expectSymbol(")");
        return first;
    }

    /** {d 'yyyy-mm-dd'}, {t 'hh:mm:ss'}, {ts '...'}: JDBC escapes some tools send. */
    private SqlNode odbcEscape() {
        in.expectSymbol("{");
        String kind = in.anyIdentifier().toLowerCase(Locale.ROOT);
        SqlParserPos p = pos();
        SqlNode value;
        switch (kind) {
            case "d" -> value = dateLiteral(in.string(), p);
            case "t" -> value = timeLiteral(in.string(), p);
            case "ts" -> value = timestampLiteral(in.string(), p);
            case "fn" -> value = expression();
            default -> throw in.error();
        }
        in.expectSymbol("}");
        return value;
    }

    private SqlNode word(Token t, SqlParserPos p) {
        String upper = t.text().toUpperCase(Locale.ROOT);
        boolean call = in.peek(1).isSymbol("(");
        switch (upper) {
            case "NULL" -> {
                in.next();
                return SqlLiteral.createNull(p);
            }
            case "TRUE" -> {
                in.next();
                return SqlLiteral.createBoolean(true, p);
            }
            case "FALSE" -> {
                in.next();
                return SqlLiteral.createBoolean(false, p);
            }
            case "CASE" -> {
                return caseExpression();
            }
            case "EXISTS" -> {
                in.next();
                in.expectSymbol("(");
                SqlNode q = queries.parseQuery();
                in.expectSymbol(")");
                return SqlStdOperatorTable.EXISTS.createCall(p, q);
            }
            case "NOT" -> {
                if (in.isWordAhead(1, "EXISTS")) {
                    in.next();
                    SqlNode e = primary();
                    return SqlStdOperatorTable.NOT.createCall(p, e);
                }
                throw in.error();
            }
            case "INTERVAL" -> {
                // INTERVAL n unit + date
                in.next();
                SqlNode[] interval = intervalTail();
                in.expectSymbol("+");
                SqlNode date = multiplicative();
                return MysqlFunctions.lookup("DATE_ADD").createCall(p, date, interval[0], interval[1]);
            }
            case "DATE", "TIME", "TIMESTAMP", "DATETIME" -> {
                if (in.peek(1).type() == TokenType.STRING) {
                    in.next();
                    String s = in.string();
                    return switch (upper) {
                        case "DATE" -> dateLiteral(s, p);
                        case "TIME" -> timeLiteral(s, p);
                        default -> timestampLiteral(s, p);
                    };
                }
            }
            case "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIME", "LOCALTIMESTAMP", "CURRENT_USER",
                    "UTC_TIMESTAMP", "UTC_DATE", "UTC_TIME" -> {
                if (!call) {
                    in.next();
                    return MysqlFunctions.lookup(upper).createCall(p);
                }
            }
            case "DEFAULT" -> {
                if (!call) {
                    throw in.error();
                }
            }
            default -> { }
        }
        if (call) {
            switch (upper) {
                case "CAST" -> {
                    return cast();
                }
                case "CONVERT" -> {
                    return convert();
                }
                case "TRIM" -> {
                    return trim();
                }
                case "SUBSTRING", "SUBSTR" -> {
                    return substring();
                }
                case "POSITION" -> {
                    return position();
                }
                case "EXTRACT" -> {
                    return extract();
                }
                case "IF" -> {
                    in.next();
                    in.expectSymbol("(");
                    SqlNode c = condition();
                    in.expectSymbol(",");
                    SqlNode a = expression();
                    in.expectSymbol(",");
                    SqlNode b = expression();
                    in.expectSymbol(")");
                    return MysqlFunctions.lookup("$IF").createCall(p, c, a, b);
                }
                case "ISNULL" -> {
                    in.next();
                    in.expectSymbol("(");
                    SqlNode e = expression();
                    in.expectSymbol(")");
                    return SqlStdOperatorTable.IS_NULL.createCall(p, e);
                }
                case "DATE_ADD", "DATE_SUB", "ADDDATE", "SUBDATE" -> {
                    return dateAdd(upper);
                }
                case "TIMESTAMPADD", "TIMESTAMPDIFF" -> {
                    return timestampFunction(upper);
                }
                case "VALUES" -> {
                    in.next();
                    in.expectSymbol("(");
                    SqlNode col = compoundIdentifier();
                    in.expectSymbol(")");
                    return VALUES_FUNCTION.createCall(p, col);
                }
                default -> { }
            }
            return functionCall();
        }
        return identifierOrFunction();
    }

    /** VALUES(col) inside ON DUPLICATE KEY UPDATE: the value the row would have inserted. */
    static final org.apache.calcite.sql.SqlFunction VALUES_FUNCTION = new org.apache.calcite.sql.SqlFunction(
            "$VALUES", SqlKind.OTHER_FUNCTION, org.apache.calcite.sql.type.ReturnTypes.ARG0_FORCE_NULLABLE, null,
            org.apache.calcite.sql.type.OperandTypes.ANY, SqlFunctionCategory.SYSTEM);

    private SqlNode dateLiteral(String s, SqlParserPos p) {
        try {
            return SqlLiteral.createDate(new DateString(TemporalText.normalizeDate(s)), p);
        } catch (RuntimeException e) {
            throw io.basalt.error.BasaltException.of(io.basalt.error.ErrorCode.TRUNCATED_WRONG_VALUE,
                    "Incorrect DATE value: '%s'", s);
        }
    }

    private SqlNode timeLiteral(String s, SqlParserPos p) {
        // MySQL rejects a TIME literal it cannot read or one beyond -838:59:59..838:59:59.
        boolean[] outOfRange = {false};
        java.time.Duration d = io.basalt.server.exec.value.TimeValues.parse(s, (code, message) -> outOfRange[0] = true);
        if (d == null || outOfRange[0]) {
            throw io.basalt.error.BasaltException.of(io.basalt.error.ErrorCode.TRUNCATED_WRONG_VALUE,
                    "Incorrect TIME value: '%s'", s);
        }
        String text = s.strip();
        int dot = text.lastIndexOf('.');
        int frac = dot < 0 ? 0 : Math.min(6, text.length() - dot - 1);
        return TimeLiterals.of(io.basalt.server.exec.value.TimeValues.roundFraction(d, frac), frac, p);
    }

    private SqlNode timestampLiteral(String s, SqlParserPos p) {
        try {
            String norm = TemporalText.normalizeDateTime(s);
            int frac = norm.indexOf('.') < 0 ? 0 : norm.length() - norm.indexOf('.') - 1;
            return SqlLiteral.createTimestamp(new TimestampString(norm), frac, p);
        } catch (RuntimeException e) {
            throw io.basalt.error.BasaltException.of(io.basalt.error.ErrorCode.TRUNCATED_WRONG_VALUE,
                    "Incorrect DATETIME value: '%s'", s);
        }
    }

    private SqlNode caseExpression() {
        SqlParserPos p = pos();
        in.expectWord("CASE");
        SqlNode value = null;
        if (!in.isWord("WHEN")) {
            value = expression();
        }
        List<SqlNode> whens = new ArrayList<>();
        List<SqlNode> thens = new ArrayList<>();
        while (in.acceptWord("WHEN")) {
            whens.add(value == null ? condition() : expression());
            in.expectWord("THEN");
            thens.add(expression());
        }
        if (whens.isEmpty()) {
            throw in.error();
        }
        SqlNode elseExpr = null;
        if (in.acceptWord("ELSE")) {
            elseExpr = expression();
        }
        in.expectWord("END");
        return SqlCase.createSwitched(p, value, new SqlNodeList(whens, p), new SqlNodeList(thens, p),
                elseExpr == null ? SqlLiteral.createNull(p) : elseExpr);
    }

    private SqlNode cast() {
        SqlParserPos p = pos();
        in.next();
        in.expectSymbol("(");
        SqlNode e = expression();
        in.expectWord("AS");
        SqlNode type = CastTypes.parse(in);
        in.expectSymbol(")");
        return SqlStdOperatorTable.CAST.createCall(p, e, type);
    }

    private SqlNode convert() {
        SqlParserPos p = pos();
        in.next();
        in.expectSymbol("(");
        SqlNode e = expression();
        if (in.acceptWord("USING")) {
            in.identifierOrString();
            in.expectSymbol(")");
            return e;
        }
        in.expectSymbol(",");
        SqlNode type = CastTypes.parse(in);
        in.expectSymbol(")");
        return SqlStdOperatorTable.CAST.createCall(p, e, type);
    }

    private SqlNode trim() {
        SqlParserPos p = pos();
        in.next();
        in.expectSymbol("(");
        String mode = "BOTH";
        if (in.isWord("BOTH") || in.isWord("LEADING") || in.isWord("TRAILING")) {
            mode = in.next().text().toUpperCase(Locale.ROOT);
        }
        SqlNode remove = null;
        SqlNode source;
        if (in.acceptWord("FROM")) {
            source = expression();
        } else {
            SqlNode first = expression();
            if (in.acceptWord("FROM")) {
                remove = first;
                source = expression();
            } else {
                source = first;
            }
        }
        in.expectSymbol(")");
        if (remove == null) {
            remove = SqlLiteral.createCharString(" ", p);
        }
        return MysqlFunctions.lookup("$TRIM").createCall(p, SqlLiteral.createCharString(mode, p), remove, source);
    }

    private SqlNode substring() {
        SqlParserPos p = pos();
        in.next();
        in.expectSymbol("(");
        SqlNode s = expression();
        List<SqlNode> args = new ArrayList<>();
        args.add(s);
        if (in.acceptWord("FROM")) {
            args.add(expression());
            if (in.acceptWord("FOR")) {
                args.add(expression());
            }
        } else {
            while (in.acceptSymbol(",")) {
                args.add(expression());
            }
        }
        in.expectSymbol(")");
        return MysqlFunctions.lookup("SUBSTRING").createCall(p, args);
    }

    private SqlNode position() {
        SqlParserPos p = pos();
        in.next();
        in.expectSymbol("(");
        SqlNode needle = bitOr();
        in.expectWord("IN");
        SqlNode haystack = expression();
        in.expectSymbol(")");
        return MysqlFunctions.lookup("LOCATE").createCall(p, needle, haystack);
    }

    private SqlNode extract() {
        SqlParserPos p = pos();
        in.next();
        in.expectSymbol("(");
        String unit = in.anyIdentifier().toUpperCase(Locale.ROOT);
        in.expectWord("FROM");
        SqlNode e = expression();
        in.expectSymbol(")");
        return MysqlFunctions.lookup("$EXTRACT").createCall(p, SqlLiteral.createCharString(unit, p), e);
    }

    /** After INTERVAL: the amount and the unit literal. */
    private SqlNode[] intervalTail() {
        SqlParserPos p = pos();
        SqlNode amount = expression();
        String unit = in.anyIdentifier().toUpperCase(Locale.ROOT);
        if (!IntervalUnits.isValid(unit)) {
            throw in.error(in.previous());
        }
        return new SqlNode[] {amount, SqlLiteral.createCharString(unit, p)};
    }

    private SqlNode dateAdd(String name) {
        SqlParserPos p = pos();
        in.next();
        in.expectSymbol("(");
        SqlNode date = expression();
        in.expectSymbol(",");
        SqlNode amount;
        SqlNode unit;
        if (in.acceptWord("INTERVAL")) {
            SqlNode[] interval = intervalTail();
            amount = interval[0];
            unit = interval[1];
        } else {
            amount = expression();
            unit = SqlLiteral.createCharString("DAY", p);
        }
        in.expectSymbol(")");
        boolean add = name.equals("DATE_ADD") || name.equals("ADDDATE");
        return MysqlFunctions.lookup(add ? "DATE_ADD" : "DATE_SUB").createCall(p, date, amount, unit);
    }

    private SqlNode timestampFunction(String name) {
        SqlParserPos p = pos();
        in.next();
        in.expectSymbol("(");
        String unit = in.anyIdentifier().toUpperCase(Locale.ROOT);
        if (unit.startsWith("SQL_TSI_")) {
            unit = unit.substring("SQL_TSI_".length());
        }
        if (!IntervalUnits.isValid(unit)) {
            throw in.error(in.previous());
        }
        in.expectSymbol(",");
        SqlNode a = expression();
        in.expectSymbol(",");
        SqlNode b = expression();
        in.expectSymbol(")");
        SqlLiteral unitLiteral = SqlLiteral.createCharString(unit, p);
        if (name.equals("TIMESTAMPADD")) {
            return MysqlFunctions.lookup("DATE_ADD").createCall(p, b, a, unitLiteral);
        }
        return MysqlFunctions.lookup("TIMESTAMPDIFF").createCall(p, unitLiteral, a, b);
    }

    /** name(args) [OVER (...)], including aggregates with DISTINCT and GROUP_CONCAT's clauses. */
    private SqlNode functionCall() {
        SqlParserPos p = pos();
        Token nameToken = in.next();
        String name = nameToken.text();
        String upper = name.toUpperCase(Locale.ROOT);
        in.expectSymbol("(");
        SqlLiteral quantifier = null;
        if (in.acceptWord("DISTINCT") || in.acceptWord("DISTINCTROW")) {
            quantifier = SqlSelectKeyword.DISTINCT.symbol(p);
        } else {
            in.acceptWord("ALL");
        }
        List<SqlNode> args = new ArrayList<>();
        SqlNodeList withinGroup = null;
        if (in.isSymbol("*") && upper.equals("COUNT")) {
            in.next();
            args.add(SqlIdentifier.star(p));
        } else if (!in.isSymbol(")")) {
            do {
                args.add(expression());
            } while (in.acceptSymbol(","));
        }
        if (upper.equals("GROUP_CONCAT")) {
            if (in.acceptWords("ORDER", "BY")) {
                withinGroup = orderList();
            }
            if (in.acceptWord("SEPARATOR")) {
                args.add(SqlLiteral.createCharString(in.string(), p));
            } else {
                args.add(SqlLiteral.createCharString(",", p));
            }
            if (args.size() > 2) {
                // GROUP_CONCAT(a, b, ...) concatenates its arguments per row.
                SqlNode sep = args.remove(args.size() - 1);
                SqlNode concat = MysqlFunctions.lookup("CONCAT").createCall(p, args);
                args = new ArrayList<>(List.of(concat, sep));
            }
        }
        in.expectSymbol(")");
        SqlOperator op = MysqlFunctions.lookup(upper);
        if (op == null) {
            op = new SqlUnresolvedFunction(new SqlIdentifier(name, p), null, null, null, null,
                    SqlFunctionCategory.USER_DEFINED_FUNCTION);
        }
        SqlNode call = op.createCall(quantifier, p, args.toArray(new SqlNode[0]));
        if (withinGroup != null) {
            call = SqlStdOperatorTable.WITHIN_GROUP.createCall(p, call, withinGroup);
        }
        if (in.acceptWord("OVER")) {
            SqlNode window;
            if (in.isSymbol("(")) {
                window = windowSpecification(null);
            } else {
                window = new SqlIdentifier(in.identifier(), pos());
            }
            call = SqlStdOperatorTable.OVER.createCall(p, call, window);
        }
        return call;
    }

    /** ( [name] [PARTITION BY ...] [ORDER BY ...] [frame] ). */
    SqlWindow windowSpecification(SqlIdentifier declaredName) {
        SqlParserPos p = pos();
        in.expectSymbol("(");
        SqlIdentifier ref = null;
        if (in.isIdentifier() && !in.isWord("PARTITION") && !in.isWord("ORDER") && !in.isWord("ROWS") && !in.isWord("RANGE")) {
            ref = new SqlIdentifier(in.identifier(), pos());
        }
        SqlNodeList partition = SqlNodeList.EMPTY;
        if (in.acceptWords("PARTITION", "BY")) {
            List<SqlNode> items = new ArrayList<>();
            do {
                items.add(expression());
            } while (in.acceptSymbol(","));
            partition = new SqlNodeList(items, p);
        }
        SqlNodeList order = SqlNodeList.EMPTY;
        if (in.acceptWords("ORDER", "BY")) {
            order = orderList();
        }
        SqlLiteral isRows = SqlLiteral.createBoolean(false, p);
        SqlNode lower = null;
        SqlNode upper = null;
        if (in.isWord("ROWS") || in.isWord("RANGE")) {
            isRows = SqlLiteral.createBoolean(in.next().isWord("ROWS"), p);
            if (in.acceptWord("BETWEEN")) {
                lower = frameBound();
                in.expectWord("AND");
                upper = frameBound();
            } else {
                lower = frameBound();
                upper = SqlWindow.createCurrentRow(p);
            }
        }
        in.expectSymbol(")");
        return SqlWindow.create(declaredName, ref, partition, order, isRows, lower, upper, null, p);
    }

    private SqlNode frameBound() {
        SqlParserPos p = pos();
        if (in.acceptWords("UNBOUNDED", "PRECEDING")) {
            return SqlWindow.createUnboundedPreceding(p);
        }
        if (in.acceptWords("UNBOUNDED", "FOLLOWING")) {
            return SqlWindow.createUnboundedFollowing(p);
        }
        if (in.acceptWords("CURRENT", "ROW")) {
            return SqlWindow.createCurrentRow(p);
        }
        SqlNode n = in.isWord("INTERVAL") ? intervalBound() : primary();
        if (in.acceptWord("PRECEDING")) {
            return SqlWindow.createPreceding(n, p);
        }
        in.expectWord("FOLLOWING");
        return SqlWindow.createFollowing(n, p);
    }

    private SqlNode intervalBound() {
        throw new io.basalt.error.BasaltException(io.basalt.error.ErrorCode.NOT_SUPPORTED,
                "This version of Basalt doesn't yet support 'INTERVAL in window frames'");
    }

    /** expr [ASC|DESC], ... */
    SqlNodeList orderList() {
        SqlParserPos p = pos();
        List<SqlNode> items = new ArrayList<>();
        do {
            SqlParserPos ip = pos();
            SqlNode e = expression();
            if (in.acceptWord("DESC")) {
                e = SqlStdOperatorTable.DESC.createCall(ip, e);
            } else {
                in.acceptWord("ASC");
            }
            if (in.acceptWords("NULLS", "FIRST")) {
                e = SqlStdOperatorTable.NULLS_FIRST.createCall(ip, e);
            } else if (in.acceptWords("NULLS", "LAST")) {
                e = SqlStdOperatorTable.NULLS_LAST.createCall(ip, e);
            }
            items.add(e);
        } while (in.acceptSymbol(","));
        return new SqlNodeList(items, p);
    }

    private SqlNode identifierOrFunction() {
        if (in.peek(1).isSymbol("(") && in.peek().type() == TokenType.QUOTED_IDENTIFIER) {
            return functionCall();
        }
        return compoundIdentifier();
    }

    /** a, a.b, a.b.c, a.*, a.b.* */
    SqlNode compoundIdentifier() {
        SqlParserPos p = pos();
        List<String> names = new ArrayList<>();
        List<SqlParserPos> positions = new ArrayList<>();
        positions.add(p);
        names.add(in.identifier());
        while (in.isSymbol(".")) {
            in.next();
            if (in.acceptSymbol("*")) {
                names.add("");
                positions.add(pos());
                return SqlIdentifier.star(names, p, positions);
            }
            positions.add(pos());
            names.add(in.anyIdentifier());
        }
        return new SqlIdentifier(names, null, p, positions);
    }

    /** True when the token can start an expression; used to detect implicit aliases. */
    static boolean isCall(SqlNode n, SqlOperator op) {
        return n instanceof SqlBasicCall c && c.getOperator() == op;
    }
}
