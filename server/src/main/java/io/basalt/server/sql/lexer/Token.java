package io.basalt.server.sql.lexer;

/**
 * One token with its position in the statement text.
 *
 * @param type lexical class
 * @param text the token's value: the identifier or keyword as written, the unescaped string, the
 *     digits of a number, the symbol itself
 * @param start offset of the first character in the source
 * @param end offset just past the last character in the source
 */
public record Token(TokenType type, String text, int start, int end) {

    /** True if this is an unquoted word equal to {@code keyword}, ignoring case. */
    public boolean isWord(String keyword) {
        return type == TokenType.WORD && text.equalsIgnoreCase(keyword);
    }

    /** True if this is the symbol {@code symbol}. */
    public boolean isSymbol(String symbol) {
        return type == TokenType.SYMBOL && text.equals(symbol);
    }

    /** True for a word or a quoted identifier. */
    public boolean isIdentifierLike() {
        return type == TokenType.WORD || type == TokenType.QUOTED_IDENTIFIER;
    }
}
