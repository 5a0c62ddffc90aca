package io.basalt.server.sql.parser;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.sql.ast.Statement;
import io.basalt.server.sql.lexer.Lexer;
import io.basalt.server.sql.lexer.Token;
import io.basalt.server.sql.lexer.TokenType;
import java.util.List;
import org.apache.calcite.sql.SqlNode;

/**
 * Entry point of Basalt's MySQL-dialect parser: one statement in, one {@link Statement} out.
 * Queries and expressions become Calcite nodes; DDL, SHOW, SET and admin statements become
 * records.
 */
public final class SqlParser {
    private SqlParser() {}

    /**
     * Parses exactly one statement (a trailing semicolon is allowed).
     *
     * @throws BasaltException PARSE_ERROR (1064) with MySQL's wording, or EMPTY_QUERY
     */
    public static Statement parse(String sql) {
        return parseWithParameters(sql).statement();
    }

    /** A parsed statement and the number of {@code ?} placeholders in it. */
    public record Parsed(Statement statement, int parameterCount) {}

    /** Parses one statement and counts its {@code ?} placeholders (prepared statements). */
    public static Parsed parseWithParameters(String sql) {
        List<Token> tokens = Lexer.tokenize(sql);
        if (tokens.size() == 1 || (tokens.size() == 2 && tokens.get(0).isSymbol(";"))) {
            throw new BasaltException(ErrorCode.EMPTY_QUERY, "Query was empty");
        }
        TokenCursor in = new TokenCursor(sql, tokens);
        StatementParser parser = new StatementParser(in);
        Statement statement = parser.statement();
        in.acceptSymbol(";");
        if (in.peek().type() != TokenType.EOF) {
            throw in.error();
        }
        return new Parsed(statement, parser.parameterCount());
    }

    /** Parses a standalone expression, e.g. a column DEFAULT kept in the catalog as text. */
    public static SqlNode parseExpression(String sql) {
        List<Token> tokens = Lexer.tokenize(sql);
        TokenCursor in = new TokenCursor(sql, tokens);
        SqlNode e = new QueryParser(in).expressions().expression();
        if (in.peek().type() != TokenType.EOF) {
            throw in.error();
        }
        return e;
    }

    /** Splits a multi-statement text; see {@link Lexer#splitStatements}. */
    public static List<String> split(String sql) {
        return Lexer.splitStatements(sql);
    }
}
