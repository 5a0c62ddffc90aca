package io.basalt.server.sql.lexer;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens following MySQL's lexical rules: backtick identifiers, single- and
 * double-quoted strings with backslash escapes, {@code #}, {@code -- } and block comments, and
 * executable comments {@code /*!NNNNN ... *}{@code /} whose content is read as SQL.
 */
public final class Lexer {
    /** Server version compared against executable comments, as MySQL 8.0.33 would. */
    private static final int SERVER_VERSION_ID = 80033;

    private final String sql;
    private int pos;
    private final List<Token> tokens = new ArrayList<>();

    private Lexer(String sql) {
        this.sql = sql;
    }

    /** Tokenizes {@code sql}; the list always ends with an EOF token. */
    public static List<Token> tokenize(String sql) {
        Lexer lexer = new Lexer(sql);
        lexer.run();
        return lexer.tokens;
    }

    /**
     * Splits a multi-statement text at top-level semicolons, honouring quotes and comments.
     * Blank statements are dropped; each returned statement is trimmed.
     */
    public static List<String> splitStatements(String sql) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(sql, i, c);
            } else if (c == '#' || (c == '-' && i + 2 <= n && sql.startsWith("--", i) && (i + 2 == n || Character.isWhitespace(sql.charAt(i + 2))))) {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == ';') {
                addStatement(out, sql.substring(start, i));
                start = ++i;
            } else {
                i++;
            }
        }
        addStatement(out, sql.substring(start));
        return out;
    }

    private static void addStatement(List<String> out, String s) {
        if (!isBlank(s)) {
            out.add(s.strip());
        }
    }

    /** True if the text holds only whitespace and comments. */
    public static boolean isBlank(String s) {
        try {
            List<Token> t = tokenize(s);
            return t.size() == 1;
        } catch (BasaltException e) {
            return false;
        }
    }

    private static int skipQuoted(String sql, int i, char quote) {
        int n = sql.length();
        i++;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    private void run() {
        int n = sql.length();
        while (true) {
            skipSpaceAndComments();
            if (pos >= n) {
                tokens.add(new Token(TokenType.EOF, "", n, n));
                return;
            }
            char c = sql.charAt(pos);
            int start = pos;
            if (c == '\'' || c == '"') {
                String s = readString(c);
                // Adjacent string literals concatenate, as in MySQL.
                while (true) {
                    int save = pos;
                    skipSpaceAndComments();
                    if (pos < n && (sql.charAt(pos) == '\'' || sql.charAt(pos) == '"')) {
                        s = s + readString(sql.charAt(pos));
                    } else {
                        pos = save;
                        break;
                    }
                }
                tokens.add(new Token(TokenType.STRING, s, start, pos));
            } else if (c == '`') {
                tokens.add(new Token(TokenType.QUOTED_IDENTIFIER, readBacktick(), start, pos));
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < n && Character.isDigit(sql.charAt(pos + 1))
                    && !previousIsIdentifierOrCloser())) {
                readNumber();
            } else if (c == '@') {
                readVariable();
            } else if (c == '?') {
                pos++;
                tokens.add(new Token(TokenType.PARAMETER, "?", start, pos));
            } else if (isWordStart(c)) {
                readWord();
            } else {
                readSymbol();
            }
        }
    }

    private boolean previousIsIdentifierOrCloser() {
        if (tokens.isEmpty()) {
            return false;
        }
        Token t = tokens.get(tokens.size() - 1);
        // "t.5col" style qualified names: a dot right after an identifier is a qualifier.
        return t.end() == pos && (t.isIdentifierLike() || t.isSymbol(")"));
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$' || c > 127;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }

    private void skipSpaceAndComments() {
        int n = sql.length();
        while (pos < n) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#') {
                skipToEol();
            } else if (c == '-' && pos + 1 < n && sql.charAt(pos + 1) == '-'
                    && (pos + 2 == n || Character.isWhitespace(sql.charAt(pos + 2)) || Character.isISOControl(sql.charAt(pos + 2)))) {
                skipToEol();
            } else if (c == '/' && pos + 1 < n && sql.charAt(pos + 1) == '*') {
                if (pos + 2 < n && sql.charAt(pos + 2) == '!') {
                    // Executable comment: /*!40101 SET ... */ runs its content when the version allows.
                    int p = pos + 3;
                    int digits = 0;
                    while (p < n && Character.isDigit(sql.charAt(p)) && digits < 6) {
                        p++;
                        digits++;
                    }
                    int version = digits >= 5 ? Integer.parseInt(sql.substring(pos + 3, p)) : 0;
                    int close = sql.indexOf("*/", p);
                    if (close < 0) {
                        throw syntaxError(pos);
                    }
                    if (version <= SERVER_VERSION_ID) {
                        // Blank out the comment markers and lex the inside in place.
                        String inner = sql.substring(p, close);
                        List<Token> innerTokens = tokenize(inner);
                        for (Token t : innerTokens) {
                            if (t.type() != TokenType.EOF) {
                                tokens.add(new Token(t.type(), t.text(), t.start() + p, t.end() + p));
                            }
                        }
                    }
                    pos = close + 2;
                } else {
                    int close = sql.indexOf("*/", pos + 2);
                    if (close < 0) {
                        throw syntaxError(pos);
                    }
                    pos = close + 2;
                }
            } else {
                return;
            }
        }
    }

    private void skipToEol() {
        int eol = sql.indexOf('\n', pos);
        pos = eol < 0 ? sql.length() : eol + 1;
    }

    private String readString(char quote) {
        int n = sql.length();
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < n) {
            char c = sql.charAt(pos);
            if (c == '\\') {
                if (pos + 1 >= n) {
                    break;
                }
                char e = sql.charAt(pos + 1);
                switch (e) {
                    case '0' -> sb.append('\0');
                    case '\'' -> sb.append('\'');
                    case '"' -> sb.append('"');
                    case 'b' -> sb.append('\b');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'Z' -> sb.append('\u001a');
                    case '\\' -> sb.append('\\');
                    // \% and \_ keep the backslash so LIKE patterns see an escaped wildcard.
                    case '%' -> sb.append("\\%");
                    case '_' -> sb.append("\\_");
                    default -> sb.append(e);
                }
                pos += 2;
            } else if (c == quote) {
                if (pos + 1 < n && sql.charAt(pos + 1) == quote) {
                    sb.append(quote);
                    pos += 2;
                } else {
                    pos++;
                    return sb.toString();
                }
            } else {
                sb.append(c);
                pos++;
            }
        }
        throw syntaxError(start);
    }

    private String readBacktick() {
        int n = sql.length();
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < n) {
            char c = sql.charAt(pos);
            if (c == '`') {
                if (pos + 1 < n && sql.charAt(pos + 1) == '`') {
                    sb.append('`');
                    pos += 2;
                } else {
                    pos++;
                    return sb.toString();
                }
            } else {
                sb.append(c);
                pos++;
            }
        }
        throw syntaxError(start);
    }

    private void readNumber() {
        int n = sql.length();
        int start = pos;
        if (sql.charAt(pos) == '0' && pos + 1 < n && (sql.charAt(pos + 1) == 'x' || sql.charAt(pos + 1) == 'b')) {
            char kind = sql.charAt(pos + 1);
            int p = pos + 2;
            while (p < n && (kind == 'x' ? isHexDigit(sql.charAt(p)) : (sql.charAt(p) == '0' || sql.charAt(p) == '1'))) {
                p++;
            }
            if (p > pos + 2 && (p >= n || !isWordPart(sql.charAt(p)))) {
                tokens.add(new Token(kind == 'x' ? TokenType.HEX : TokenType.BIT, sql.substring(pos + 2, p), start, p));
                pos = p;
                return;
            }
        }
        while (pos < n && Character.isDigit(sql.charAt(pos))) {
            pos++;
        }
        TokenType type = TokenType.INTEGER;
        if (pos < n && sql.charAt(pos) == '.') {
            pos++;
            while (pos < n && Character.isDigit(sql.charAt(pos))) {
                pos++;
            }
            type = TokenType.DECIMAL;
        }
        if (pos < n && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
            int p = pos + 1;
            if (p < n && (sql.charAt(p) == '+' || sql.charAt(p) == '-')) {
                p++;
            }
            if (p < n && Character.isDigit(sql.charAt(p))) {
                while (p < n && Character.isDigit(sql.charAt(p))) {
                    p++;
                }
                pos = p;
                type = TokenType.FLOAT;
            }
        }
        if (type == TokenType.INTEGER && pos < n && isWordStart(sql.charAt(pos))) {
            // MySQL identifiers may start with digits, e.g. 1col.
            while (pos < n && isWordPart(sql.charAt(pos))) {
                pos++;
            }
            tokens.add(new Token(TokenType.WORD, sql.substring(start, pos), start, pos));
            return;
        }
        tokens.add(new Token(type, sql.substring(start, pos), start, pos));
    }

    private static boolean isHexDigit(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private void readVariable() {
        int n = sql.length();
        int start = pos;
        if (pos + 1 < n && sql.charAt(pos + 1) == '@') {
            pos += 2;
            int nameStart = pos;
            while (pos < n && (isWordPart(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
                pos++;
            }
            if (pos < n && sql.charAt(pos) == '`') {
                // @@`name`
                String q = readBacktick();
                tokens.add(new Token(TokenType.SYSTEM_VARIABLE, sql.substring(nameStart, start + 2) + q, start, pos));
                return;
            }
            tokens.add(new Token(TokenType.SYSTEM_VARIABLE, sql.substring(nameStart, pos), start, pos));
            return;
        }
        pos++;
        if (pos < n && (sql.charAt(pos) == '\'' || sql.charAt(pos) == '"')) {
            String name = readString(sql.charAt(pos));
            tokens.add(new Token(TokenType.USER_VARIABLE, name, start, pos));
            return;
        }
        if (pos < n && sql.charAt(pos) == '`') {
            String name = readBacktick();
            tokens.add(new Token(TokenType.USER_VARIABLE, name, start, pos));
            return;
        }
        int nameStart = pos;
        while (pos < n && (isWordPart(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
            pos++;
        }
        tokens.add(new Token(TokenType.USER_VARIABLE, sql.substring(nameStart, pos), start, pos));
    }

    /** Character set names that may introduce a string literal ({@code _binary 'x'}). */
    private static final java.util.Set<String> INTRODUCERS = java.util.Set.of("_binary", "_utf8", "_utf8mb3",
            "_utf8mb4", "_latin1", "_ascii");

    private void readWord() {
        int n = sql.length();
        int start = pos;
        while (pos < n && isWordPart(sql.charAt(pos))) {
            pos++;
        }
        String word = sql.substring(start, pos);
        // X'..', B'..', N'..', _charset'..' prefixes.
        if (pos < n && sql.charAt(pos) == '\'') {
            if (word.equalsIgnoreCase("x") || word.equalsIgnoreCase("b")) {
                String s = readString('\'');
                tokens.add(new Token(word.equalsIgnoreCase("x") ? TokenType.HEX : TokenType.BIT, s, start, pos));
                return;
            }
            if (word.equalsIgnoreCase("n") || word.startsWith("_")) {
                String s = readString('\'');
                tokens.add(new Token(TokenType.STRING, s, start, pos));
                return;
            }
        }
        // A character set introducer may stand apart from its string: _binary 'abc', _utf8mb4 "x".
        if (word.startsWith("_") && INTRODUCERS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
            int p = pos;
            while (p < n && Character.isWhitespace(sql.charAt(p))) {
                p++;
            }
            if (p < n && (sql.charAt(p) == '\'' || sql.charAt(p) == '"')) {
                pos = p;
                String s = readString(sql.charAt(p));
                tokens.add(new Token(TokenType.STRING, s, start, pos));
                return;
            }
        }
        tokens.add(new Token(TokenType.WORD, word, start, pos));
    }

    private static final String[] SYMBOLS = {
        "<=>", "->>", "<=", ">=", "<>", "!=", "<<", ">>", "&&", "||", ":=", "->",
        "=", "<", ">", "+", "-", "*", "/", "%", "(", ")", ",", ".", ";", "!", "~", "^", "&", "|", ":", "{", "}"
    };

    private void readSymbol() {
        for (String s : SYMBOLS) {
            if (sql.startsWith(s, pos)) {
                tokens.add(new Token(TokenType.SYMBOL, s, pos, pos + s.length()));
                pos += s.length();
                return;
            }
        }
        throw syntaxError(pos);
    }

    private BasaltException syntaxError(int at) {
        return SyntaxErrors.near(sql, at);
    }
}
