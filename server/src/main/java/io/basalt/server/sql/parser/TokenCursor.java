package io.basalt.server.sql.parser;

import io.basalt.error.BasaltException;
import io.basalt.server.sql.lexer.SyntaxErrors;
import io.basalt.server.sql.lexer.Token;
import io.basalt.server.sql.lexer.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.parser.SqlParserPos;

/** A position in a token list with the small matching helpers every parser part shares. */
final class TokenCursor {
    /**
     * Words that cannot be used as an unquoted identifier or implicit alias, because they start or
     * continue a clause.
     */
    private static final Set<String> RESERVED = Set.of(
            "SELECT", "FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "UNION", "INTERSECT", "EXCEPT",
            "MINUS", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "OUTER", "CROSS", "NATURAL", "STRAIGHT_JOIN", "ON",
            "USING", "AND", "OR", "NOT", "XOR", "IS", "IN", "LIKE", "RLIKE", "REGEXP", "BETWEEN", "CASE", "WHEN",
            "THEN", "ELSE", "END", "AS", "BY", "ASC", "DESC", "DISTINCT", "ALL", "INTO", "VALUES", "SET", "FOR",
            "WINDOW", "DIV", "MOD", "NULL", "TRUE", "FALSE", "EXISTS", "INTERVAL", "WITH", "LATERAL", "ESCAPE",
            "PARTITION", "OVER", "COLLATE", "BINARY", "UPDATE", "DELETE", "INSERT", "REPLACE", "CREATE", "DROP",
            "ALTER", "TABLE", "DEFAULT", "KEY", "PRIMARY", "UNIQUE", "INDEX", "LOCK", "USE", "FORCE", "IGNORE",
            "HIGH_PRIORITY", "SQL_CALC_FOUND_ROWS", "SQL_NO_CACHE", "SQL_CACHE", "DUAL", "ROWS", "RANGE", "QUALIFY");

    private final String sql;
    private final List<Token> tokens;
    private int index;
    private int[] lineStarts;

    TokenCursor(String sql, List<Token> tokens) {
        this.sql = sql;
        this.tokens = tokens;
    }

    String sql() {
        return sql;
    }

    Token peek() {
        return tokens.get(index);
    }

    Token peek(int ahead) {
        int i = Math.min(index + ahead, tokens.size() - 1);
        return tokens.get(i);
    }

    Token previous() {
        return tokens.get(Math.max(0, index - 1));
    }

    Token next() {
        Token t = tokens.get(index);
        if (t.type() != TokenType.EOF) {
            index++;
        }
        return t;
    }

    int mark() {
        return index;
    }

    void reset(int mark) {
        index = mark;
    }

    boolean atEnd() {
        return peek().type() == TokenType.EOF || (peek().isSymbol(";") && peek(1).type() == TokenType.EOF);
    }

    boolean isWord(String word) {
        return peek().isWord(word);
    }

    boolean isWordAhead(int ahead, String word) {
        return peek(ahead).isWord(word);
    }

    boolean isSymbol(String symbol) {
        return peek().isSymbol(symbol);
    }

    /** Consumes the keyword if present. */
    boolean acceptWord(String word) {
        if (isWord(word)) {
            index++;
            return true;
        }
        return false;
    }

    /** Consumes the keyword sequence if all are present; otherwise consumes nothing. */
    boolean acceptWords(String... words) {
        for (int i = 0; i < words.length; i++) {
            if (!peek(i).isWord(words[i])) {
                return false;
            }
        }
        index += words.length;
        return true;
    }

    boolean acceptSymbol(String symbol) {
        if (isSymbol(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    void expectWord(String word) {
        if (!acceptWord(word)) {
            throw error();
        }
    }

    void expectWords(String... words) {
        for (String w : words) {
            expectWord(w);
        }
    }

    void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw error();
        }
    }

    /** True if the current token is a reserved word. */
    boolean isReserved() {
        Token t = peek();
        return t.type() == TokenType.WORD && RESERVED.contains(t.text().toUpperCase(Locale.ROOT));
    }

    static java.util.Set<String> reservedWords() {
        return RESERVED;
    }

    static boolean isReservedWord(String word) {
        return RESERVED.contains(word.toUpperCase(Locale.ROOT));
    }

    /** An identifier: a non-reserved word or a backtick-quoted name. */
    String identifier() {
        Token t = peek();
        if (t.type() == TokenType.QUOTED_IDENTIFIER || (t.type() == TokenType.WORD && !isReserved())) {
            index++;
            return t.text();
        }
        throw error();
    }

    /** An identifier where reserved words are allowed too (after a dot, in option lists). */
    String anyIdentifier() {
        Token t = peek();
        if (t.isIdentifierLike()) {
            index++;
            return t.text();
        }
        throw error();
    }

    /** An identifier or a quoted string (names in user, option and property syntax). */
    String identifierOrString() {
        Token t = peek();
        if (t.type() == TokenType.STRING) {
            index++;
            return t.text();
        }
        return anyIdentifier();
    }

    boolean isIdentifier() {
        Token t = peek();
        return t.type() == TokenType.QUOTED_IDENTIFIER || (t.type() == TokenType.WORD && !isReserved());
    }

    String string() {
        Token t = peek();
        if (t.type() != TokenType.STRING) {
            throw error();
        }
        index++;
        return t.text();
    }

    long integer() {
        boolean negative = acceptSymbol("-");
        Token t = peek();
        if (t.type() != TokenType.INTEGER) {
            throw error();
        }
        index++;
        try {
            long v = Long.parseLong(t.text());
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            throw error(previous());
        }
    }

    SqlParserPos pos() {
        return pos(peek());
    }

    SqlParserPos pos(Token t) {
        if (lineStarts == null) {
            lineStarts = computeLineStarts(sql);
        }
        int offset = Math.min(t.start(), sql.length());
        int line = java.util.Arrays.binarySearch(lineStarts, offset);
        if (line < 0) {
            line = -line - 2;
        }
        return new SqlParserPos(line + 1, offset - lineStarts[line] + 1);
    }

    private static int[] computeLineStarts(String sql) {
        int count = 1;
        for (int i = 0; i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int k = 1;
        for (int i = 0; i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                starts[k++] = i + 1;
            }
        }
        return starts;
    }

    /** The source text from token {@code fromMark} up to the current position. */
    String textSince(int fromMark) {
        if (fromMark >= index) {
            return "";
        }
        int start = tokens.get(fromMark).start();
        int end = tokens.get(index - 1).end();
        return sql.substring(start, end);
    }

    /** The source text from the current token to the end. */
    String rest() {
        return sql.substring(Math.min(peek().start(), sql.length())).strip();
    }

    BasaltException error() {
        return error(peek());
    }

    BasaltException error(Token at) {
        return SyntaxErrors.near(sql, at.start());
    }
}
