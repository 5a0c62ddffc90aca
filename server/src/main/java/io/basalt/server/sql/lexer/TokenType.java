package io.basalt.server.sql.lexer;

/** Lexical classes of the MySQL dialect Basalt accepts. */
public enum TokenType {
    /** Unquoted word: a keyword or an identifier, decided by the parser in context. */
    WORD,
    /** Backtick-quoted identifier. */
    QUOTED_IDENTIFIER,
    /** Single- or double-quoted string (double quotes are strings, as in MySQL's default mode). */
    STRING,
    /** Integer literal without sign. */
    INTEGER,
    /** Fixed-point literal such as 1.5 or .5. */
    DECIMAL,
    /** Literal with an exponent such as 1e5. */
    FLOAT,
    /** X'0A' or 0x0A. */
    HEX,
    /** B'101' or 0b101. */
    BIT,
    /** @name: a user variable. */
    USER_VARIABLE,
    /** @@name, @@session.name, @@global.name: a system variable. */
    SYSTEM_VARIABLE,
    /** ? placeholder. */
    PARAMETER,
    /** Operator or punctuation. */
    SYMBOL,
    /** End of input. */
    EOF
}
